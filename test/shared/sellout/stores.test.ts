// The store rules and the reorder rules as pure functions: the week count, sell-through
// rounding, the ladder at and around its week and threshold, clearance, rebalancing, and both
// replenishment rules at their edges.
import assert from 'node:assert/strict';
import {
  firedStep,
  isClearance,
  rebalanceStyle,
  sellThroughBp,
  weekSince,
  type MarkdownStep,
} from '../../../shared/sellout/stores';
import { applyReorderRule } from '../../../shared/sellout/reorder-rules';

const ladder: MarkdownStep[] = [
  { step: 1, week: 4, belowPercent: 30, discountPercent: 10 },
  { step: 2, week: 8, belowPercent: 50, discountPercent: 30 },
  { step: 3, week: 8, belowPercent: 40, discountPercent: 40 },
];

describe('sell-out: store rules', () => {
  const weeks: [string, number][] = [
    ['2025-03-03', 1],
    ['2025-03-09', 1],
    ['2025-03-10', 2],
    ['2025-03-31', 5],
  ];
  for (const [asOf, week] of weeks)
    it(`received 2025-03-03, as of ${asOf} → week ${week}`, () => {
      assert.equal(weekSince('2025-03-03', asOf), week);
    });

  it('rounds sell-through half up in basis points, and has none without receipts', () => {
    assert.deepEqual(
      [sellThroughBp(1, 3), sellThroughBp(2, 3), sellThroughBp(1, 20_000), sellThroughBp(1, 0)],
      [3333, 6667, 1, null],
    );
  });

  const cases: [number, number, number | undefined][] = [
    [3, 0, undefined], // week 3: no step has come
    [4, 2999, 1], // week 4, just below 30 %
    [4, 3000, undefined], // at 30 % exactly: not below
    [7, 2000, 1], // week 7: step 2 not yet
    [8, 3999, 3], // week 8, below 40 % and 50 %: same week → the deeper 40 % off
    [8, 4000, 2], // at 40 %: only step 2 (below 50 %)
    [8, 5000, undefined], // at 50 % and above 30 %: nothing fires
  ];
  for (const [week, bp, step] of cases)
    it(`week ${week} at ${bp} bp → step ${step ?? 'none'}`, () => {
      assert.equal(firedStep(ladder, week, bp)?.step, step);
    });

  it('puts the deepest step on clearance', () => {
    assert.deepEqual(
      ladder.map((s) => isClearance(ladder, s)),
      [false, false, true],
    );
  });

  it('moves half a slow store’s stock to cover two weeks at fast stores, fastest first', () => {
    const moves = rebalanceStyle([
      { store: 'A', bp: 1000, onHand: 21, soldLastWeek: 0 }, // gives 10
      { store: 'B', bp: 2999, onHand: 8, soldLastWeek: 1 }, // gives 4
      { store: 'C', bp: 3000, onHand: 50, soldLastWeek: 0 }, // not slow
      { store: 'D', bp: 7000, onHand: 2, soldLastWeek: 5 }, // needs 8
      { store: 'E', bp: 9000, onHand: 0, soldLastWeek: 4 }, // needs 8, served first
      { store: 'F', bp: 6999, onHand: 0, soldLastWeek: 9 }, // not fast
    ]);
    assert.deepEqual(moves, [
      { from: 'A', to: 'E', quantity: 8 },
      { from: 'A', to: 'D', quantity: 2 },
      { from: 'B', to: 'D', quantity: 4 },
    ]);
  });
});

describe('sell-out: reorder rules at their edges', () => {
  const level = { rule: 'reorder-level' as const, reorderLevel: 20, reorderQuantity: 15 };
  const minMax = { rule: 'min-max' as const, minQuantity: 10, maxQuantity: 50 };
  const cases: [string, Parameters<typeof applyReorderRule>[0], number, number][] = [
    ['reorder level: at the level', level, 20, 0],
    ['reorder level: one below → the reorder quantity', level, 19, 15],
    ['reorder level: far below → level − projected', level, -5, 25],
    ['min/max: at the minimum', minMax, 10, 0],
    ['min/max: one below → up to max, whole packs of 6', minMax, 9, 42],
    ['min/max: exact multiple stays', { ...minMax, multiple: 41 }, 9, 41],
    ['min/max: below zero', { ...minMax, multiple: 1 }, -3, 53],
  ];
  for (const [name, rule, projected, expected] of cases)
    it(`${name}: ${projected} → ${expected}`, () => {
      assert.equal(applyReorderRule(rule, projected, 6).suggestedQuantity, expected);
    });
});
