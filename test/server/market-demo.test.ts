// The demo's market order and rebates (server/demo/market.ts) as people would pull them: a
// handled case with its six units, its ¥10,000 penalty on a ¥50,000 deposit, a scan inside the
// area and a suspected fake, three policies and one confirmed settlement among the drafts.
import assert from 'node:assert/strict';
import { seedDemo } from '../../server/demo/seed';
import { startTestServer, type TestServer } from '../support/server';
import { pullAs } from './finance-seed';

describe('market order and rebates: demo data', function () {
  this.timeout(180_000);
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: () => new Date('2026-11-27T12:00:00Z') });
    const counts = await seedDemo(server.store, { seed: 3, today: '2026-11-27', scale: 0.1 });
    assert.equal(counts.rejected, 0);
  });
  after(() => server.close());

  it('shows a handled case, its units and the penalty on the deposit', async () => {
    const [handled] = await pullAs(server, 'manager', 'market-cases');
    assert.deepEqual([handled?.values.status, handled?.values.unitCount], ['handled', 6]);
    assert.equal((await pullAs(server, 'manager', 'market-case-units')).length, 6);
    const [balance] = await pullAs(server, 'finance', 'deposit-balances');
    assert.deepEqual(
      [balance?.values.paid, balance?.values.penalties, balance?.values.balance],
      [5_000_000, 1_000_000, 4_000_000],
    );
    const scans = (await pullAs(server, 'manager', 'market-scans')).map((r) => r.values);
    assert.deepEqual(
      scans.map((s) => [s.outOfArea, s.neverShipped]),
      [
        [true, false],
        [false, false],
        [false, true],
      ],
    );
    assert.ok((await pullAs(server, 'manager', 'trace-codes')).length >= 15);
  });

  it('shows three policies, drafts of each and one confirmed settlement', async () => {
    assert.equal((await pullAs(server, 'manager', 'rebate-policies')).length, 3);
    const rows = (await pullAs(server, 'finance', 'rebate-settlements')).map((r) => r.values);
    for (const code of ['RB-FLAT', 'RB-REACH', 'RB-PROG'])
      assert.ok(
        rows.some((r) => r.policyCode === code && r.amount > 0),
        code,
      );
    const confirmed = rows.filter((r) => r.status === 'confirmed');
    assert.equal(confirmed.length, 1);
    assert.match(String(confirmed[0]?.creditNotes), /^CN-/);
  });
});
