// The demo's sell-out data: a year of monthly reports for the busiest dealer × SKU pairs, a few
// months of which do not add up, and a year of store sales under a markdown ladder, so each
// pull shows something real.
import assert from 'node:assert/strict';
import { seedDemo } from '../../server/demo/seed';
import { startTestServer, type TestServer } from '../support/server';
import { pullAll } from './analysis-seed';

describe('sell-out demo data', function () {
  this.timeout(180_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      now: () => new Date('2026-11-27T12:00:00Z'),
      seed: async (store) => {
        await seedDemo(store, { seed: 5, today: '2026-11-27', scale: 0.1 });
      },
    });
  });
  after(() => server.close());

  it('reports a year per pair, and lists the months that do not add up', async () => {
    const reports = [...(await pullAll(server, 'analyst', 'dataset=dealer-reports')).rows.values()];
    const periods = new Set(reports.map((r) => r.values.period));
    assert.equal(periods.size, 12, [...periods].join(','));
    const differences = [
      ...(await pullAll(server, 'manager', 'dataset=stock-differences')).rows.values(),
    ];
    assert.ok(differences.length > 0 && differences.length < reports.length / 5);
    for (const { values: v } of differences) {
      assert.equal(v.expectedClosing, Number(v.opening) + Number(v.shipped) - Number(v.sold));
      assert.ok(v.difference < 0 && v.difference >= -5);
    }
  });

  it('sells in the stores, so the store pulls and the ladder have something to say', async () => {
    const count = async (dataset: string) =>
      (await pullAll(server, 'analyst', `dataset=${dataset}`)).rows.size;
    const sales = await count('store-sales');
    assert.ok(sales > 100, `${sales} store sales lines`);
    const through = [
      ...(await pullAll(server, 'analyst', 'dataset=store-sell-through')).rows.values(),
    ];
    assert.ok(through.some((r) => r.values.kind === 'store' && r.values.sellThroughBp > 0));
    assert.ok((await count('markdown-proposals')) > 0);
    assert.equal(await count('markdown-ladder'), 3);
    const rules = [...(await pullAll(server, 'warehouse', 'dataset=replenishment')).rows.values()];
    assert.deepEqual([...new Set(rules.map((r) => r.values.rule))].sort(), [
      'min-max',
      'rate',
      'reorder-level',
    ]);
  });
});
