// The engine's guards, once for every dataset: a row key twice in one push, a record deleted in
// Excel and typed again under a new key, and a registry where every declared dataset is served.
import assert from 'node:assert/strict';
import { datasets } from '../../shared/registry';
import { buildRegistry } from '../../server/sync/registry';
import { push, seedSalesData, type Row } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';

describe('registry and engine guards', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const results = (res: { body: { results: { status: string; errors: { code: string }[] }[] } }) =>
    res.body.results.map((r) => [r.status, r.errors.map((e) => e.code).join(',')]);

  describe('the same row key twice in one push', () => {
    it('refuses the later payer-alias row with duplicate-row-key instead of failing the request', async () => {
      await seedSalesData(server);
      const rows: Row[] = [
        { rowKey: 'k-1', values: { dealerCode: 'D-SH01', payerName: '上海服饰' } },
        { rowKey: 'k-1', values: { dealerCode: 'D-SH01', payerName: '上海服饰二店' } },
      ];
      const res = await push(server, { dataset: 'payer-aliases', rows, role: 'finance' });
      assert.equal(res.status, 200);
      assert.deepEqual(results(res), [
        ['applied', ''],
        ['rejected', 'duplicate-row-key'],
      ]);
    });

    it('does not keep one of two rows for an existing key while saying both were accepted', async () => {
      const first = await push(server, {
        dataset: 'regions',
        rows: [{ rowKey: 'r-1', values: { code: 'HD', name: '华东' } }],
      });
      assert.equal(first.body.summary.applied, 1);
      const res = await push(server, {
        dataset: 'regions',
        rows: [
          { rowKey: 'r-1', baseVersion: 1, values: { code: 'HD', name: '华东大区' } },
          { rowKey: 'r-1', baseVersion: 1, values: { code: 'HD', name: '华东区' } },
        ],
      });
      assert.deepEqual(results(res), [
        ['applied', ''],
        ['rejected', 'duplicate-row-key'],
      ]);
      assert.match(res.body.results[1].errors[0].message, /第 1 行/);
    });

    it('refuses the whole order when one of its lines repeats a row key', async () => {
      await seedSalesData(server);
      const line = (quantity: number) => ({
        rowKey: 'line-1',
        values: {
          orderRef: 'PO-D',
          dealerCode: 'D-SH01',
          orderDate: '2026-11-27',
          orderType: 'normal',
          skuCode: 'TEE-BLK-M',
          quantity,
          unitPrice: 19990,
          locationCode: 'WH-E',
        },
      });
      const res = await push(server, { dataset: 'orders', rows: [line(1), line(2)] });
      assert.deepEqual(results(res), [
        ['rejected', 'order-rejected'],
        ['rejected', 'duplicate-row-key'],
      ]);
    });
  });

  describe('a record deleted and typed again under a new row key', () => {
    for (const [dataset, values] of [
      ['regions', { code: 'HD', name: '华东' }],
      ['finance-settings', { setting: 'deposit-percent-C', value: 30 }],
    ] as const) {
      it(`creates it again (${dataset}) instead of failing with an internal error`, async () => {
        const created = await push(server, {
          dataset,
          rows: [{ rowKey: 'old-key', values }],
        });
        assert.equal(created.body.summary.applied, 1);
        const deleted = await push(server, {
          dataset,
          rows: [{ rowKey: 'old-key', op: 'delete', baseVersion: 1 }],
        });
        assert.equal(deleted.body.summary.applied, 1);
        const again = await push(server, { dataset, rows: [{ rowKey: 'new-key', values }] });
        assert.equal(again.status, 200);
        assert.deepEqual(results(again), [['applied', '']]);
        const pulled = await server.call('manager', `/api/v1/sync/pull?dataset=${dataset}`);
        const rows = (pulled.body as { rows: { key: string; op: string }[] }).rows;
        assert.deepEqual(
          rows.map((r) => [r.key, r.op]),
          [['new-key', 'upsert']],
        );
        const typedTwice = await push(server, { dataset, rows: [{ rowKey: 'third', values }] });
        assert.deepEqual(results(typedTwice), [['conflict', 'key-taken']]);
      });
    }
  });

  it('serves every declared dataset with exactly one handler, and nothing undeclared', () => {
    const handlers = buildRegistry();
    assert.deepEqual([...handlers.keys()].sort(), datasets.map((d) => d.name).sort());
    for (const def of datasets) assert.equal(handlers.get(def.name)?.def.name, def.name);
  });
});
