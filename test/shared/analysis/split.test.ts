import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  apportion,
  defaultDistribution,
  quarterTotals,
  splitAmongChildren,
  splitByDistribution,
  splitByLastYear,
  splitEqually,
} from '../../../shared/analysis/split';
import { accepted, refusalCode } from './outcome-helpers';

const sum = (values: readonly number[]): number => values.reduce((acc, v) => acc + v, 0);

// Last year's monthly actuals (any unit): 20, 20, 25, 25, 25, 30, 20, 20, 25, 30, 30, 30;
// Σ = 4 × 20 + 4 × 25 + 4 × 30 = 300.
const LAST_YEAR = [20, 20, 25, 25, 25, 30, 20, 20, 25, 30, 30, 30];

describe('split', () => {
  describe('apportion (largest remainder)', () => {
    const cases: [string, number, number[], number[]][] = [
      // 100 / 3 = 33.33 each: floors 33 + 33 + 33 = 99, the 1 left goes to index 0 (tie).
      ['100 fen over 3 equal', 100, [1, 1, 1], [34, 33, 33]],
      ['2 fen over 3 equal: ties go to the lower index', 2, [1, 1, 1], [1, 1, 0]],
      // 10 × 1/4 = 2.5, 2.5, 5: floors 2, 2, 5 = 9; remainders .5, .5, 0 → index 0.
      ['10 by 1:1:2', 10, [1, 1, 2], [3, 2, 5]],
      // 7 × 0.1/1.0 = 0.7, × 0.6 = 4.2, × 0.3 = 2.1: floors 0, 4, 2 = 6; .7 is largest.
      ['fractional weights', 7, [0.1, 0.6, 0.3], [1, 4, 2]],
      ['zero weights get nothing', 5, [0, 3, 0, 2], [0, 3, 0, 2]],
      ['zero total', 0, [1, 2], [0, 0]],
    ];
    for (const [name, total, weights, expected] of cases) {
      it(`${name}: ${total} by [${weights.join(', ')}] → [${expected.join(', ')}]`, () => {
        assert.deepEqual(accepted(apportion(total, weights)), expected);
      });
    }

    const refusals: [string, number, number[], string][] = [
      ['negative total', -100, [1, 1], 'invalid-amount'],
      ['fractional fen', 10.5, [1, 1], 'invalid-amount'],
      ['negative weight', 100, [1, -1], 'negative-weight'],
      ['NaN weight', 100, [Number.NaN], 'negative-weight'],
      ['all weights zero', 100, [0, 0], 'weights-sum-zero'],
      ['no weights', 100, [], 'no-weights'],
    ];
    for (const [name, total, weights, code] of refusals) {
      it(`refuses ${name} with ${code}`, () => {
        assert.equal(refusalCode(apportion(total, weights)), code);
      });
    }

    it('splitEqually: 100 fen over 3 → 34/33/33', () => {
      assert.deepEqual(accepted(splitEqually(100, 3)), [34, 33, 33]);
    });

    it('property: parts sum to the total and each is within 1 of its exact share', () => {
      const weightsArb = fc
        .array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 24 })
        .filter((ws) => ws.some((w) => w > 0));
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 1_000_000_000_000 }),
          weightsArb,
          (total, weights) => {
            const parts = accepted(apportion(total, weights));
            assert.equal(sum(parts), total);
            // |part − total × w / W| < 1  ⇔  |part × W − total × w| < W, checked exactly.
            const totalWeight = BigInt(sum(weights));
            parts.forEach((part, i) => {
              const gap = BigInt(part) * totalWeight - BigInt(total) * BigInt(weights[i] ?? 0);
              assert.ok((gap < 0n ? -gap : gap) < totalWeight, `part ${i} strays from its share`);
            });
          },
        ),
      );
    });
  });

  describe('monthly split', () => {
    it('¥1,000,000.00 (100000000 fen) by last year’s shares', () => {
      // 1e8 × 20/300 = 6666666.67, × 25/300 = 8333333.33, × 30/300 = 10000000.
      // Floors: 4 × 6666666 + 4 × 8333333 + 4 × 10000000 = 99999996 → 4 fen left, and the
      // largest remainders (.67) are the four 20-months (Jan, Feb, Jul, Aug): +1 each.
      const months = accepted(splitByLastYear(100_000_000, LAST_YEAR));
      assert.deepEqual(
        months,
        [
          6666667, 6666667, 8333333, 8333333, 8333333, 10000000, 6666667, 6666667, 8333333,
          10000000, 10000000, 10000000,
        ],
      );
      assert.equal(sum(months), 100_000_000);
    });

    it('last year all zero → equal split: 1e8 / 12 = 8333333.33, first 4 months +1', () => {
      assert.deepEqual(accepted(splitByLastYear(100_000_000, Array(12).fill(0) as number[])), [
        ...(Array(4).fill(8333334) as number[]),
        ...(Array(8).fill(8333333) as number[]),
      ]);
    });

    it('refuses last year with 11 months', () => {
      assert.equal(
        refusalCode(splitByLastYear(100, Array(11).fill(1) as number[])),
        'not-12-months',
      );
    });

    it('by a distribution with decimals: 1200000 fen at 8.33 % × 11 + 8.37 %', () => {
      // 1200000 × 833 bp / 10000 = 99960; × 837 bp = 100440; 11 × 99960 + 100440 = 1200000.
      const distribution = [...(Array(11).fill(8.33) as number[]), 8.37];
      const months = accepted(splitByDistribution(1_200_000, distribution));
      assert.deepEqual(months, [...(Array(11).fill(99960) as number[]), 100440]);
    });

    const badDistributions: [string, number[], string][] = [
      ['summing to 95', [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7], 'distribution-not-100'],
      ['summing to 100.01', [...(Array(11).fill(8.33) as number[]), 8.38], 'distribution-not-100'],
      ['with 11 months', Array(11).fill(100 / 11) as number[], 'invalid-percent'],
      ['with a negative month', [-10, 20, ...(Array(10).fill(9) as number[])], 'invalid-percent'],
      ['with three decimals', [8.333, ...(Array(11).fill(8.333) as number[])], 'invalid-percent'],
    ];
    for (const [name, distribution, code] of badDistributions) {
      it(`refuses a distribution ${name} with ${code}`, () => {
        assert.equal(refusalCode(splitByDistribution(1000, distribution)), code);
      });
    }

    it('refuses a distribution of 11 months, all valid percentages, as invalid-input', () => {
      assert.equal(
        refusalCode(splitByDistribution(1000, Array(11).fill(5) as number[])),
        'invalid-input',
      );
    });

    it('default distribution: last year’s shares as 2-decimal percentages summing to 100', () => {
      // 10000 bp × 20/300 = 666.67, × 25/300 = 833.33, × 30/300 = 1000: floors sum to 9996,
      // the 4 bp left go to the 20-months (remainder .67) → 6.67 %.
      const percents = accepted(defaultDistribution(LAST_YEAR));
      assert.deepEqual(percents, [6.67, 6.67, 8.33, 8.33, 8.33, 10, 6.67, 6.67, 8.33, 10, 10, 10]);
      assert.ok(accepted(splitByDistribution(100, percents)));
    });

    it('default distribution of an all-zero year: 8.34 % × 4 then 8.33 % × 8', () => {
      assert.deepEqual(accepted(defaultDistribution(Array(12).fill(0) as number[])), [
        ...(Array(4).fill(8.34) as number[]),
        ...(Array(8).fill(8.33) as number[]),
      ]);
    });

    it('quarters are sums of months', () => {
      assert.deepEqual(quarterTotals([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), [6, 15, 24, 33]);
    });
  });

  describe('hierarchy split (region → dealers)', () => {
    it('by last year’s share: ¥10,000.00 over 123 : 456 : 789', () => {
      // Σ = 1368. 1e6 × 123/1368 = 89912.28, × 456/1368 = 333333.33, × 789/1368 = 576754.39;
      // floors 999999 → 1 fen left to the largest remainder (.39, dealer C).
      const children = [
        { id: 'A', weight: 123 },
        { id: 'B', weight: 456 },
        { id: 'C', weight: 789 },
      ];
      assert.deepEqual(
        accepted(splitAmongChildren({ total: 1_000_000, basis: 'last-year', children })),
        [
          { id: 'A', amount: 89912 },
          { id: 'B', amount: 333333 },
          { id: 'C', amount: 576755 },
        ],
      );
    });

    it('children sum exactly to the parent, down to the months', () => {
      const children = [7, 11, 13].map((weight, i) => ({ id: `D${i}`, weight }));
      const dealers = accepted(
        splitAmongChildren({ total: 99_999_999, basis: 'weights', children }),
      );
      assert.equal(sum(dealers.map((d) => d.amount)), 99_999_999);
      const months = dealers.map((d) => accepted(splitByLastYear(d.amount, LAST_YEAR)));
      assert.equal(sum(months.flat()), 99_999_999);
    });

    it('last year all zero → equal split', () => {
      const children = ['A', 'B', 'C'].map((id) => ({ id, weight: 0 }));
      const split = accepted(splitAmongChildren({ total: 100, basis: 'last-year', children }));
      assert.deepEqual(
        split.map((c) => c.amount),
        [34, 33, 33],
      );
    });

    const refusals: [string, number, 'last-year' | 'weights', [string, number][], string][] = [
      [
        'explicit weights all zero',
        100,
        'weights',
        [
          ['A', 0],
          ['B', 0],
        ],
        'weights-sum-zero',
      ],
      [
        'a negative weight',
        100,
        'weights',
        [
          ['A', 1],
          ['B', -1],
        ],
        'negative-weight',
      ],
      [
        'a dealer twice',
        100,
        'weights',
        [
          ['A', 1],
          ['A', 2],
        ],
        'duplicate-child',
      ],
      ['a negative total', -1, 'last-year', [['A', 1]], 'invalid-amount'],
    ];
    for (const [name, total, basis, pairs, code] of refusals) {
      it(`refuses ${name} with ${code}`, () => {
        const children = pairs.map(([id, weight]) => ({ id, weight }));
        assert.equal(refusalCode(splitAmongChildren({ total, basis, children })), code);
      });
    }
  });
});
