import assert from 'node:assert/strict';
import { addDays } from '../../../shared/analysis/calendar';
import { parseOutcome } from '../../../shared/analysis/outcome';
import {
  assessStockItem,
  replenishmentInputSchema,
  replenishmentPolicySchema,
  roundUpToPack,
  shippedInWindow,
  suggestReplenishment,
  type ReplenishmentItem,
} from '../../../shared/analysis/replenishment';
import { accepted, refusalCode } from './outcome-helpers';

const AS_OF = '2025-06-30';
// window 28 days, review 7 days, overstock above 90 days of cover, slow after 60 idle days
const POLICY = replenishmentPolicySchema.parse({ asOf: AS_OF });

/** 56 units shipped in the 28-day window: 2 a day. Position 30 + 12 − 2 = 40. */
function item(overrides: Partial<ReplenishmentItem> = {}): ReplenishmentItem {
  return {
    locationCode: 'WH1',
    sku: 'S1-BLK-M',
    onHand: 35,
    available: 30,
    inbound: 12,
    outbound: 2,
    shipments: [{ date: '2025-06-20', quantity: 56 }],
    receipts: [{ date: '2025-06-01', quantity: 35 }],
    lastMovementDate: '2025-06-20',
    leadTimeDays: 14,
    safetyStock: 20,
    packSize: 12,
    ...overrides,
  };
}

describe('replenishment', () => {
  it('policy defaults: window 28, review 7, overstock 90, slow mover 60', () => {
    assert.deepEqual(POLICY, {
      asOf: AS_OF,
      salesWindowDays: 28,
      reviewPeriodDays: 7,
      overstockCoverDays: 90,
      slowMoverDays: 60,
    });
  });

  describe('suggested quantity', () => {
    const cases: [string, Partial<ReplenishmentItem>, number, boolean][] = [
      // Reorder point 2 × 14 + 20 = 48 > position 40 → short.
      // Need 2 × (14 + 7) + 20 − 40 = 22 → rounded up to packs of 12 → 24.
      ['short: 22 needed, rounded up to 2 packs of 12', {}, 24, true],
      // Position 48 equals the reorder point 2 × 14 + 20 → not short, nothing suggested.
      ['exactly at the reorder point', { available: 38 }, 0, false],
      // Position 47: need 42 + 20 − 47 = 15 → 24.
      ['one below the reorder point', { available: 37 }, 24, true],
      // Position 38: need 42 + 20 − 38 = 24 → exactly 2 packs, not 3.
      ['need already a whole number of packs', { available: 28 }, 24, true],
      // Pack 1: need 22 exactly.
      ['pack of 1', { packSize: 1 }, 22, true],
      // No sales, position 10 < safety 20: need 0 + 20 − 10 = 10 → 12.
      ['no sales but below safety stock', { shipments: [], available: 0 }, 12, true],
      // Outbound backorders lower the position: 30 + 12 − 30 = 12; need 62 − 12 = 50 → 60.
      ['backorders count against the position', { outbound: 30 }, 60, true],
    ];
    for (const [name, overrides, expected, isShort] of cases) {
      it(`${name} → ${expected}`, () => {
        const line = assessStockItem(item(overrides), POLICY);
        assert.equal(line.suggestedQuantity, expected);
        assert.equal(line.flags.includes('short'), isShort);
      });
    }

    it('integer arithmetic: 10 shipped over a 7-day window × 7 days lead time needs 10, not 11', () => {
      // rate 10/7 per day; 10/7 × 7 in floating point is 10.000000000000002.
      const policy = { ...POLICY, salesWindowDays: 7, reviewPeriodDays: 0 };
      const overrides = {
        available: 0,
        inbound: 0,
        outbound: 0,
        safetyStock: 0,
        leadTimeDays: 7,
        packSize: 1,
      };
      const line = assessStockItem(
        item({ ...overrides, shipments: [{ date: AS_OF, quantity: 10 }] }),
        policy,
      );
      assert.equal(line.suggestedQuantity, 10);
    });

    const packs: [number, number, number][] = [
      [0, 12, 0],
      [1, 12, 12],
      [12, 12, 12],
      [13, 12, 24],
      [-5, 12, 0],
    ];
    for (const [units, pack, expected] of packs) {
      it(`roundUpToPack(${units}, ${pack}) = ${expected}`, () => {
        assert.equal(roundUpToPack(units, pack), expected);
      });
    }
  });

  it('sales window is (asOf − 28, asOf]: the 28 days ending on asOf', () => {
    const shipments = [
      { date: addDays(AS_OF, -28), quantity: 1000 }, // 2025-06-02: just outside
      { date: addDays(AS_OF, -27), quantity: 1 }, // 2025-06-03: first day inside
      { date: AS_OF, quantity: 10 },
      { date: addDays(AS_OF, 1), quantity: 500 }, // after asOf: ignored
    ];
    assert.equal(shippedInWindow(shipments, AS_OF, 28), 11);
  });

  describe('overstock (cover days above 90)', () => {
    // 28 shipped in 28 days = 1 a day, so cover days = position.
    const oneADay = {
      shipments: [{ date: '2025-06-10', quantity: 28 }],
      inbound: 0,
      outbound: 0,
      safetyStock: 0,
    };
    const cases: [string, Partial<ReplenishmentItem>, number | null, boolean][] = [
      ['90 days of cover is not overstock', { ...oneADay, available: 90 }, 90, false],
      ['91 days of cover is overstock', { ...oneADay, available: 91 }, 91, true],
      [
        'stock with no sales in the window: infinite cover',
        { shipments: [], available: 5, safetyStock: 0 },
        null,
        true,
      ],
      [
        'no stock and no sales',
        { shipments: [], available: 0, inbound: 0, outbound: 0, safetyStock: 0 },
        null,
        false,
      ],
    ];
    for (const [name, overrides, cover, isOverstock] of cases) {
      it(name, () => {
        const line = assessStockItem(item(overrides), POLICY);
        assert.equal(line.coverDays, cover);
        assert.equal(line.flags.includes('overstock'), isOverstock);
      });
    }
  });

  describe('slow mover (no movement for 60 days)', () => {
    const cases: [string, Partial<ReplenishmentItem>, boolean][] = [
      ['last movement exactly 60 days ago', { lastMovementDate: addDays(AS_OF, -60) }, true],
      ['last movement 59 days ago', { lastMovementDate: addDays(AS_OF, -59) }, false],
      ['never moved, units on hand', { lastMovementDate: null }, true],
      [
        'idle 200 days but nothing on hand',
        { lastMovementDate: addDays(AS_OF, -200), onHand: 0 },
        false,
      ],
    ];
    for (const [name, overrides, isSlow] of cases) {
      it(`${name} → ${isSlow ? 'slow' : 'not slow'}`, () => {
        assert.equal(assessStockItem(item(overrides), POLICY).flags.includes('slow-mover'), isSlow);
      });
    }
  });

  it('a full line: rate, position, cover, age and flags', () => {
    // 35 on hand all received 2025-06-01: 29 days old. Cover 40 / 2 = 20 days.
    assert.deepEqual(suggestReplenishment([item()], POLICY), [
      {
        locationCode: 'WH1',
        sku: 'S1-BLK-M',
        shippedInWindow: 56,
        ratePerDay: 2,
        position: 40,
        coverDays: 20,
        suggestedQuantity: 24,
        daysSinceMovement: 10,
        stockAgeDays: 29,
        flags: ['short'],
      },
    ]);
  });

  it('input schema refuses receipts that are not oldest first', () => {
    const receipts = [
      { date: '2025-06-02', quantity: 1 },
      { date: '2025-06-01', quantity: 1 },
    ];
    const outcome = parseOutcome(replenishmentInputSchema, {
      policy: { asOf: AS_OF },
      items: [item({ receipts })],
    });
    assert.equal(refusalCode(outcome), 'receipts-not-chronological');
  });

  it('input schema accepts a valid item and fills the policy defaults', () => {
    const parsed = accepted(
      parseOutcome(replenishmentInputSchema, { policy: { asOf: AS_OF }, items: [item()] }),
    );
    assert.equal(parsed.policy.salesWindowDays, 28);
  });

  it('300 SKUs × 5 locations × 730 days of daily shipments: each line sums only its window', () => {
    const shipments = Array.from({ length: 730 }, (_, d) => ({
      date: addDays('2023-07-01', d),
      quantity: d % 5,
    }));
    const items = Array.from({ length: 1500 }, (_, i) => item({ sku: `S${i}`, shipments }));
    const lines = suggestReplenishment(items, POLICY);
    assert.equal(lines.length, 1500);
    // The window (2025-06-02, 2025-06-30] holds days 703…729 (2025-06-03…2025-06-29):
    // quantities 3, 4, 0, 1, 2 … → five cycles of 10 plus 3 + 4 = 57. (Timing: bench/analysis.ts.)
    assert.deepEqual([...new Set(lines.map((l) => l.shippedInWindow))], [57]);
  });
});
