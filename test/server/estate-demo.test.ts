import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDemo } from '../../server/demo/seed';
import { demoConsultants } from '../../server/demo/estate-roster';
import { roster } from '../../server/estate/roster-tables';
import { allCommissionLines } from '../../server/estate/commission';
import { est } from '../../server/estate/tables';
import type { Store } from '../../server/store/db';
import { openMigratedStore } from '../../server/store/open';

describe('estate: demo data behind the module switch', () => {
  let dir: string;
  let store: Store;
  let counts: Awaited<ReturnType<typeof seedDemo>>;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-estate-demo-'));
    store = await openMigratedStore(
      path.join(dir, 'demo.db'),
      () => new Date('2026-11-27T12:00:00Z'),
    );
    counts = await seedDemo(store, { today: '2026-11-27', modules: ['estate'] });
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds an estate-only store: 3 buildings, 120 of 126 units released, 4 held back, one 退房', async () => {
    assert.equal(counts.orders, 0);
    assert.ok(counts.estate, 'estate counts');
    assert.equal(counts.estate.exits, 1);
    assert.ok(counts.estate.subscriptions >= 20, `subscriptions ${counts.estate.subscriptions}`);
    assert.ok(counts.estate.contracts >= 10, `contracts ${counts.estate.contracts}`);
    const units = await est(store.db)
      .selectFrom('est_units')
      .select(['status', 'building_code'])
      .execute();
    assert.equal(units.length, 126);
    assert.equal(new Set(units.map((u) => u.building_code)).size, 3);
    assert.equal(units.filter((u) => u.status !== 'unreleased').length, 120);
    assert.equal(units.filter((u) => u.status === 'reserved').length, 4);
    const cancelled = await est(store.db)
      .selectFrom('est_documents')
      .select('id')
      .where('kind', '=', 'contract')
      .where('state', '=', 'cancelled')
      .execute();
    assert.equal(cancelled.length, 1);
  });

  it('seeds the front line: six consultants on two shifts, a month of check-ins and visits, receptions this morning', async () => {
    const assigned = await roster(store.db)
      .selectFrom('est_assignments')
      .select(['consultant', 'shift_code'])
      .execute();
    assert.deepEqual(assigned.map((a) => a.consultant).sort(), [...demoConsultants].sort());
    assert.deepEqual([...new Set(assigned.map((a) => a.shift_code))].sort(), ['WB', 'ZB']);
    const checkIns = await roster(store.db).selectFrom('est_check_ins').select('row_key').execute();
    // 30 days × 6 consultants × in and out, less the days away, and today's check-ins only.
    assert.ok(checkIns.length > 300, `check-ins ${checkIns.length}`);
    const visits = await roster(store.db).selectFrom('est_visits').select('kind').execute();
    assert.ok(visits.length >= 62, `visits ${visits.length}`);
    assert.deepEqual([...new Set(visits.map((v) => v.kind))].sort(), ['call', 'visit']);
    const receptions = await roster(store.db).selectFrom('est_receptions').select('open').execute();
    assert.deepEqual(receptions.map((r) => r.open).sort(), [0, 0, 1]);
  });

  it('seeds collections (one contract 回款完成) and commission with one clawback after the 退房', async () => {
    assert.ok(counts.estate, 'estate counts');
    assert.equal(counts.estate.fullyCollected, 1);
    assert.equal(counts.estate.statements, 1);
    assert.ok(counts.estate.collections > counts.estate.contracts, `${counts.estate.collections}`);
    const paid = await est(store.db)
      .selectFrom('est_documents')
      .select('id')
      .where('kind', '=', 'contract')
      .where('stage', '=', 'paid')
      .execute();
    assert.equal(paid.length, 1);
    const lines = await allCommissionLines(store.db);
    const clawbacks = lines.filter((l) => l.stage === 'clawback');
    assert.equal(clawbacks.length, 1);
    const paidBefore = lines.filter(
      (l) => l.contractId === clawbacks[0]?.contractId && l.stage === 'signing',
    );
    assert.equal(clawbacks[0]?.amount, -(paidBefore[0]?.amount ?? 0));
    assert.ok(lines.some((l) => l.stage === 'collected'));
  });
});
