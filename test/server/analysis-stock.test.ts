import assert from 'node:assert/strict';
import { suiteServer } from '../support/server';
import { NOW, pullAll, seedMasters, seedSales, type Seeded } from './analysis-seed';

describe('analysis: replenishment, delivery variance, fair guidance', () => {
  const server = suiteServer({ now: () => NOW });
  let seeded: Seeded;
  before(async () => {
    await seedMasters(server);
    seeded = await seedSales(server);
  });

  it('suggests a pack-rounded reorder for a short best-seller and ages its stock FIFO', async () => {
    const { rows } = await pullAll(server, 'warehouse', 'dataset=replenishment');
    const s3 = rows.get('WH1|S3-BLU-M')!.values;
    // 120 shipped in the 28 days to 2025-03-31; 80 on hand, 36 reserved for the open order:
    // position 44 < reorder point (120 × 14 + 20 × 28) / 28 = 80 → short. Need
    // (120 × (14 + 7) + (20 − 44) × 28) / 28 = 66 → two packs of 12 short of 72 → 72.
    assert.deepEqual(
      [
        s3.shippedInWindow,
        s3.available,
        s3.backorders,
        s3.position,
        s3.suggestedQuantity,
        s3.short,
      ],
      [120, 44, 0, 44, 72, true],
    );
    // The 80 units left are from the receipt of 2025-03-01: 30 days old.
    assert.equal(s3.stockAgeDaysX10, 300);
    const s1 = rows.get('WH1|S1-BLK-M')!.values;
    assert.deepEqual([s1.suggestedQuantity, s1.short, s1.overstock], [0, false, true]);
  });

  it('reports fill rate and days late per line and per dealer', async () => {
    const { rows } = await pullAll(server, 'sales', 'dataset=delivery-variance');
    const dec = rows.get(`l:${seeded.lines.dec}`)!.values;
    // 60 ordered, 30 shipped on 2025-01-02, requested 2025-01-05, still open on 2025-03-31:
    // 26 + 28 + 31 = 85 days late.
    assert.deepEqual(
      [dec.ordered, dec.shipped, dec.short, dec.fillRateBp, dec.daysLate],
      [60, 30, 30, 5000, 85],
    );
    const june = rows.get(`l:${seeded.lines.june1}`)!.values;
    assert.deepEqual([june.fillRateBp, june.daysLate], [10_000, 0]);
    const d1 = rows.get('d:D1')!.values;
    assert.deepEqual(
      [d1.lines, d1.ordered, d1.shipped, d1.short, d1.fillRateBp, d1.lateLines, d1.daysLate],
      [2, 120, 90, 30, 7500, 1, 85],
    );
  });

  it('suggests a fair order from the season sell-in, grown 10 % and rounded to packs', async () => {
    const { rows } = await pullAll(
      server,
      'manager',
      'dataset=fair-guidance&from=2025-01-01&to=2025-03-31',
    );
    const d2s3 = rows.get('D2|S3')!.values;
    // 120 units bought, × 1.10 = 132 = 11 packs of 12; no fair order yet → flagged under.
    assert.deepEqual(
      [
        d2s3.lastSeasonSellIn,
        d2s3.demandUnits,
        d2s3.suggestedUnits,
        d2s3.actualFairUnits,
        d2s3.flagged,
      ],
      [120, 132, 132, 0, true],
    );
    assert.equal(rows.get('D2|S3|BLU|M')!.values.suggestedUnits, 132);
  });

  it('lets only the roles of each dataset pull it', async () => {
    const cases: [string, 'analyst' | 'warehouse' | 'finance', number][] = [
      ['replenishment', 'warehouse', 200],
      ['fair-guidance', 'analyst', 200],
      ['delivery-variance', 'warehouse', 403],
      ['achievement', 'finance', 403],
    ];
    for (const [dataset, role, status] of cases) {
      const res = await server.call(role, `/api/v1/sync/pull?dataset=${dataset}`);
      assert.equal(res.status, status, `${role} pulling ${dataset}`);
    }
  });
});
