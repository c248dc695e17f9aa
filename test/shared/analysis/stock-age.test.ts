import assert from 'node:assert/strict';
import { averageStockAgeDays, type StockAgeInput } from '../../../shared/analysis/stock-age';

const AS_OF = '2025-03-31';
const LAYERS = [
  { date: '2025-01-01', quantity: 50 }, // 89 days old on 2025-03-31
  { date: '2025-02-01', quantity: 60 }, // 58 days
  { date: '2025-03-01', quantity: 30 }, // 30 days
];

describe('stock age (FIFO receipt layers)', () => {
  const cases: [string, Omit<StockAgeInput, 'asOf'>, number | null][] = [
    // Newest first: 30 × 30 + 60 × 58 + 10 × 89 = 900 + 3480 + 890 = 5270 unit-days / 100 = 52.7
    ['100 on hand spans three layers', { onHand: 100, receipts: LAYERS }, 52.7],
    // Only the newest layer: 20 × 30 / 20 = 30
    ['20 on hand all from the newest layer', { onHand: 20, receipts: LAYERS }, 30],
    // 30 × 30 + 20 × 90 (2024-12-31 → 2025-03-31) = 900 + 1800 = 2700 / 50 = 54
    [
      'opening balance aged from openingStockDate',
      {
        onHand: 50,
        receipts: [{ date: '2025-03-01', quantity: 30 }],
        openingStockDate: '2024-12-31',
      },
      54,
    ],
    // Without an opening date the 20 extra units take the oldest receipt's date: 50 × 30 / 50
    [
      'opening balance without a date: oldest receipt (lower bound)',
      { onHand: 50, receipts: [{ date: '2025-03-01', quantity: 30 }] },
      30,
    ],
    // (10 × 0 + 1 × 1) / 11 = 0.0909 → 0.1 (half up to one decimal)
    [
      'rounds to one decimal',
      {
        onHand: 11,
        receipts: [
          { date: '2025-03-30', quantity: 1 },
          { date: AS_OF, quantity: 10 },
        ],
      },
      0.1,
    ],
    // A receipt dated after asOf is not on hand yet: 20 × 30 / 20
    [
      'future receipts ignored',
      { onHand: 20, receipts: [...LAYERS, { date: '2025-04-02', quantity: 99 }] },
      30,
    ],
    ['nothing on hand', { onHand: 0, receipts: LAYERS }, null],
    ['no receipts and no opening date', { onHand: 5, receipts: [] }, null],
  ];
  for (const [name, input, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      assert.equal(averageStockAgeDays({ ...input, asOf: AS_OF }), expected);
    });
  }
});
