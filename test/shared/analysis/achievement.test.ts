import assert from 'node:assert/strict';
import {
  achievementRateBp,
  computeAchievement,
  sumByMonth,
} from '../../../shared/analysis/achievement';
import { accepted, refusalCode } from './outcome-helpers';

const TARGETS = Array(12).fill(1_000_000) as number[]; // ¥10,000.00 a month
const ACTUALS = [1_200_000, 850_000, 0, ...(Array(9).fill(1_000_000) as number[])];

describe('achievement', () => {
  describe('achievementRateBp (basis points, half away from zero)', () => {
    const cases: [number, number, number | null, string][] = [
      [1_200_000, 1_000_000, 12000, '120.00 %'],
      [1, 3, 3333, '33.333… % rounds down'],
      [2, 3, 6667, '66.666… % rounds up'],
      [1, 20_000, 1, '0.5 bp rounds up'],
      [-1, 20_000, -1, '−0.5 bp rounds away from zero'],
      [123_456_789, 100_000_000, 12346, '123.456789 % → 12346 bp'],
      [0, 1_000_000, 0, 'nothing sold'],
      [500, 0, null, 'zero target has no rate'],
    ];
    for (const [actual, target, expected, why] of cases) {
      it(`${actual} / ${target} → ${expected} (${why})`, () => {
        assert.equal(achievementRateBp(actual, target), expected);
      });
    }
  });

  it('month rows: target, actual, variance = actual − target, rate', () => {
    const { months } = accepted(
      computeAchievement({ year: 2025, monthlyTargets: TARGETS, monthlyActuals: ACTUALS }),
    );
    assert.deepEqual(months.slice(0, 3), [
      { period: '2025-01', target: 1_000_000, actual: 1_200_000, variance: 200_000, rateBp: 12000 },
      { period: '2025-02', target: 1_000_000, actual: 850_000, variance: -150_000, rateBp: 8500 },
      { period: '2025-03', target: 1_000_000, actual: 0, variance: -1_000_000, rateBp: 0 },
    ]);
  });

  it('year to date accumulates: through March 2050000 / 3000000 = 68.33 %', () => {
    const { yearToDate } = accepted(
      computeAchievement({ year: 2025, monthlyTargets: TARGETS, monthlyActuals: ACTUALS }),
    );
    // 1200000 + 850000 + 0 = 2050000 against 3 × 1000000; 2050000 / 3000000 = 0.68333 → 6833 bp.
    assert.deepEqual(yearToDate[2], {
      period: '2025-03',
      target: 3_000_000,
      actual: 2_050_000,
      variance: -950_000,
      rateBp: 6833,
    });
    // Full year: 2050000 + 9 × 1000000 = 11050000 against 12000000 → 9208.33 → 9208 bp.
    assert.deepEqual(yearToDate[11]?.rateBp, 9208);
  });

  it('a zero-target month has a null rate but keeps its variance', () => {
    const targets = [0, ...(Array(11).fill(100) as number[])];
    const { months } = accepted(
      computeAchievement({
        year: 2025,
        monthlyTargets: targets,
        monthlyActuals: Array(12).fill(5) as number[],
      }),
    );
    assert.deepEqual(months[0], {
      period: '2025-01',
      target: 0,
      actual: 5,
      variance: 5,
      rateBp: null,
    });
  });

  const refusals: [string, number[], number[], string][] = [
    ['a negative target', [-1, ...(Array(11).fill(0) as number[])], TARGETS, 'negative-target'],
    [
      'a target in fractions of a fen',
      [0.5, ...(Array(11).fill(0) as number[])],
      TARGETS,
      'invalid-amount',
    ],
    ['11 months of targets', Array(11).fill(0) as number[], TARGETS, 'invalid-input'],
  ];
  for (const [name, targets, actuals, code] of refusals) {
    it(`refuses ${name} with ${code}`, () => {
      assert.equal(
        refusalCode(
          computeAchievement({ year: 2025, monthlyTargets: targets, monthlyActuals: actuals }),
        ),
        code,
      );
    });
  }

  it('sumByMonth adds one year’s dated amounts per month and skips other years', () => {
    const facts = [
      { date: '2025-01-05', amount: 100 },
      { date: '2025-01-31', amount: 250 },
      { date: '2025-12-31', amount: -30 }, // a return
      { date: '2024-12-31', amount: 999 }, // another year
    ];
    const monthly = sumByMonth(facts, 2025);
    assert.equal(monthly[0], 350);
    assert.equal(monthly[11], -30);
    assert.equal(
      monthly.reduce((a, b) => a + b, 0),
      320,
    );
  });
});
