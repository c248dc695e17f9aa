// The demo's dealer support (server/demo/support*.ts): seeded without a refused row, every pull
// of the family shows rows, and the worked figures hold on the demo's own data — the grade-A
// dealer at its sample quota, the expired contract in the expiry list, the fair's orders value
// equal to the lines of the orders linked to it.
import assert from 'node:assert/strict';
import { seedDemo } from '../../server/demo/seed';
import { startTestServer, type TestServer } from '../support/server';
import { pullRows } from './support-helpers';

describe('dealer support in the demo', function () {
  this.timeout(180_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: () => new Date('2026-11-27T12:00:00Z') });
    const counts = await seedDemo(server.store, { seed: 3, today: '2026-11-27', scale: 0.1 });
    assert.equal(counts.rejected, 0);
  });
  after(() => server.close());

  it('gives every pull of the family rows', async () => {
    const names = [
      'sample-quotas',
      'sample-issues',
      'marketing-budgets',
      'sample-quota-use',
      'events',
      'event-dealers',
      'event-orders',
      'event-results',
      'promotion-results',
      'market-intel',
      'qualifications',
      'licence-requirements',
      'qualifications-expiry',
    ];
    const empty = [];
    for (const name of names)
      if ((await pullRows(server, name, { role: 'manager' })).length === 0) empty.push(name);
    assert.deepEqual(empty, []);
  });

  it('holds its worked figures on the demo data', async () => {
    const use = await pullRows(server, 'sample-quota-use', { role: 'manager' });
    const full = use.filter((r) => r.used === 12);
    assert.deepEqual(
      full.map((r) => [r.grade, r.quota, r.left]),
      [['A', 12, 0]],
    );
    const expiry = await pullRows(server, 'qualifications-expiry', { role: 'manager' });
    assert.deepEqual(
      expiry.filter((r) => r.status === 'expired').map((r) => [r.kind, r.daysLeft]),
      [['经销合同', -10]],
    );
    const [fair] = (await pullRows(server, 'event-results', { role: 'manager' })).filter(
      (r) => r.kind === 'fair',
    );
    const links = await pullRows(server, 'event-orders', { role: 'manager' });
    const lines = await server.store.db
      .selectFrom('order_lines')
      .select(['dealer_code', 'order_ref', 'quantity', 'unit_price'])
      .where('cancelled', '=', 0)
      .execute();
    const linked = new Set(links.map((l) => `${String(l.dealerCode)}|${String(l.orderRef)}`));
    const value = lines
      .filter((l) => linked.has(`${l.dealer_code}|${l.order_ref}`))
      .reduce((sum, l) => sum + l.quantity * l.unit_price, 0);
    assert.ok(value > 0);
    assert.equal(fair?.ordersValue, value);
  });
});
