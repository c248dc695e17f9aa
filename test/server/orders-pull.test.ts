import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server';
import { fixedNow, orderLine, push, seedSalesData, signInAs } from '../support/fixtures';

type PullRow = {
  key: string;
  op: string;
  version: number;
  values: { orderRef: string; dealerCode: string; quantity: number };
};

describe('orders pull', () => {
  let server: TestServer;
  const keys = { sh: randomUUID(), hn: randomUUID(), old: randomUUID() };
  before(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
    const res = await push(server, { dataset: 'orders', rows: [
      {
        rowKey: keys.sh,
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-P1',
          skuCode: 'TEE-BLK-M',
          quantity: 2,
        }),
      },
      {
        rowKey: keys.hn,
        values: orderLine({
          dealerCode: 'D-HN01',
          orderRef: 'PO-P2',
          skuCode: 'TEE-BLK-M',
          quantity: 2,
          locationCode: 'WH-S',
        }),
      },
      {
        rowKey: keys.old,
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-P3',
          skuCode: 'TEE-BLK-M',
          quantity: 1,
          orderDate: '2026-10-01',
        }),
      },
    ] });
    assert.equal(res.body.summary.applied, 3);
  });
  after(() => server.close());

  const pull = async (query: string, token?: string) => {
    const path = `/api/v1/sync/pull?dataset=orders${query}`;
    const res = token
      ? await server.call(null, path, { headers: { authorization: `Bearer ${token}` } })
      : await server.call('analyst', path);
    return res.body as { rows: PullRow[]; cursor: string; reset: boolean };
  };
  const keysOf = (rows: PullRow[]) => rows.map((r) => r.key).sort();

  const filters: [string, string, (keyof typeof keys)[]][] = [
    ['no filter', '', ['sh', 'hn', 'old']],
    ['dealer', '&dealer=D-SH01', ['sh', 'old']],
    ['region and its children', '&region=HD', ['sh', 'old']],
    ['child region', '&region=SH', ['sh', 'old']],
    ['other region', '&region=HN', ['hn']],
    ['location', '&location=WH-S', ['hn']],
    ['from/to', '&from=2026-11-01&to=2026-11-30', ['sh', 'hn']],
    ['to only', '&to=2026-10-31', ['old']],
  ];
  for (const [name, query, expected] of filters) {
    it(`filters by ${name}`, async () => {
      const body = await pull(query);
      assert.deepEqual(keysOf(body.rows), expected.map((k) => keys[k]).sort());
      assert.ok(body.rows.every((r) => r.op === 'upsert'));
    });
  }

  it('shows a region-bound sales user only their dealers', async () => {
    const token = await signInAs(server, { username: 'sales-hn', role: 'sales', regions: ['HN'] });
    assert.deepEqual(keysOf((await pull('', token)).rows), [keys.hn]);
  });

  it('sends only changed lines in a delta, and changed lines outside the filter as deletes', async () => {
    const first = await pull('&dealer=D-SH01');
    assert.deepEqual((await pull(`&dealer=D-SH01&cursor=${first.cursor}`)).rows, []);
    const hn = orderLine({
      dealerCode: 'D-HN01',
      orderRef: 'PO-P2',
      skuCode: 'TEE-BLK-M',
      quantity: 4,
      locationCode: 'WH-S',
    });
    const sh = orderLine({
      dealerCode: 'D-SH01',
      orderRef: 'PO-P1',
      skuCode: 'TEE-BLK-M',
      quantity: 3,
    });
    const res = await push(server, { dataset: 'orders', rows: [
      { rowKey: keys.hn, baseVersion: 1, values: hn },
      { rowKey: keys.sh, baseVersion: 1, values: sh },
    ] });
    assert.equal(res.body.summary.applied, 2);
    const delta = await pull(`&dealer=D-SH01&cursor=${first.cursor}`);
    assert.equal(delta.reset, false);
    const byKey = new Map(delta.rows.map((r) => [r.key, r]));
    assert.equal(delta.rows.length, 2);
    assert.deepEqual(
      [byKey.get(keys.sh)?.op, byKey.get(keys.sh)?.values.quantity, byKey.get(keys.sh)?.version],
      ['upsert', 3, 2],
    );
    assert.equal(byKey.get(keys.hn)?.op, 'delete');
  });
});
