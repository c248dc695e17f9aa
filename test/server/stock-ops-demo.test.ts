// The demo data shows each stock operation (docs/stocktake.md, docs/samples.md,
// docs/group-buy.md): pulled over HTTP from a small demo store as of 2026-11-27.
import assert from 'node:assert/strict';
import { seedDemo } from '../../server/demo/seed';
import type { Role } from '../../shared/roles';
import { startTestServer, type TestServer } from '../support/server';

describe('stock operations in the demo data', () => {
  let server: TestServer | undefined;
  before(async function () {
    // The demo seed pushes a year of history: minutes on PostgreSQL under a shared load.
    this.timeout(600_000);
    server = await startTestServer({
      now: () => new Date('2026-11-27T04:00:00Z'),
      seed: async (store) => {
        const counts = await seedDemo(store, { today: '2026-11-27', scale: 0.1, seed: 5 });
        assert.equal(counts.rejected, 0);
      },
    });
  });
  after(async () => {
    await server?.close();
  });

  async function pull(dataset: string, role: Role = 'manager') {
    const res = await server!.call(role, `/api/v1/sync/pull?dataset=${dataset}&limit=5000`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body.rows as { values: Record<string, unknown> }[]).map((r) => r.values);
  }

  it('has one posted count and one awaiting approval, valued at cost', async () => {
    const counts = await pull('stocktake-approvals');
    assert.deepEqual(counts.map((c) => [c.locationCode, c.status]).sort(), [
      ['ST-01', 'posted'],
      ['ST-02', 'pending'],
    ]);
    assert.ok(counts.every((c) => typeof c.varianceValue === 'number' && c.varianceValue !== 0));
    assert.ok((await pull('product-costs', 'analyst')).length > 0);
  });

  it('has showroom loans, one of them overdue, and sample stock', async () => {
    const overdue = await pull('samples-overdue', 'sales');
    assert.deepEqual(
      overdue.map((o) => [o.borrowerCode, o.daysOverdue]),
      [['S001', 6]],
    );
    assert.ok((await pull('sample-stock', 'sales')).some((s) => Number(s.onLoan) > 0));
  });

  it('has group contracts with their call-offs counted', async () => {
    const items = await pull('group-contracts', 'sales');
    assert.ok(items.length > 0);
    assert.ok(items.some((i) => Number(i.calledOff) > 0));
    assert.ok(items.every((i) => Number(i.remaining) >= 0));
  });
});
