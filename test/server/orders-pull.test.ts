import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server';
import { fixedNow, orderRow, push, seedSalesData, signInAs } from '../support/fixtures';

type PullRow = { key: string; op: string; version: number; values: { quantity: number } };

const south = { dealerCode: 'D-HN01', locationCode: 'WH-S' };

describe('orders pull', () => {
  let server: TestServer;
  const keys = { sh: randomUUID(), hn: randomUUID(), old: randomUUID() };
  before(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
    const rows = [
      { ...orderRow('PO-P1', 2), rowKey: keys.sh },
      { ...orderRow('PO-P2', 2, south), rowKey: keys.hn },
      { ...orderRow('PO-P3', 1, { orderDate: '2026-10-01' }), rowKey: keys.old },
    ];
    const res = await push(server, { dataset: 'orders', rows });
    assert.equal(res.body.summary.applied, 3);
  });
  after(() => server.close());

  const pull = async (query: string, token?: string) => {
    const path = `/api/v1/sync/pull?dataset=orders${query}`;
    const headers = token ? { authorization: `Bearer ${token}` } : undefined;
    const res = await server.call(token ? null : 'analyst', path, headers ? { headers } : {});
    return res.body as { rows: PullRow[]; cursor: string; reset: boolean };
  };
  const keysOf = (rows: PullRow[]) => rows.map((r) => r.key).sort();

  const filters: [string, string, (keyof typeof keys)[]][] = [
    ['nothing', '', ['sh', 'hn', 'old']],
    ['dealer', '&dealer=D-SH01', ['sh', 'old']],
    ['a region with its children', '&region=HD', ['sh', 'old']],
    ['a child region', '&region=SH', ['sh', 'old']],
    ['another region', '&region=HN', ['hn']],
    ['location', '&location=WH-S', ['hn']],
    ['from and to', '&from=2026-11-01&to=2026-11-30', ['sh', 'hn']],
    ['to alone', '&to=2026-10-31', ['old']],
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
    const rows = [
      { ...orderRow('PO-P2', 4, south), rowKey: keys.hn, baseVersion: 1 },
      { ...orderRow('PO-P1', 3), rowKey: keys.sh, baseVersion: 1 },
    ];
    assert.equal((await push(server, { dataset: 'orders', rows })).body.summary.applied, 2);
    const delta = await pull(`&dealer=D-SH01&cursor=${first.cursor}`);
    assert.equal(delta.reset, false);
    const byKey = new Map(delta.rows.map((r) => [r.key, r]));
    assert.equal(delta.rows.length, 2);
    const sh = byKey.get(keys.sh);
    assert.deepEqual([sh?.op, sh?.values.quantity, sh?.version], ['upsert', 3, 2]);
    assert.equal(byKey.get(keys.hn)?.op, 'delete');
  });
});
