import assert from 'node:assert/strict';
import { creditScore, salesScores } from '../../../shared/analysis/dealer-scores';
import { accepted, refusalCode } from './outcome-helpers';

describe('dealer scores', () => {
  it('ratio to best: 100 × sales / best, one decimal, negatives count as 0', () => {
    const sales = [
      { dealerId: 'A', amount: 2_000_000 },
      { dealerId: 'B', amount: 1_500_000 }, // 1.5e6 / 2e6 = 75.0
      { dealerId: 'C', amount: 333_333 }, // 333333 / 2e6 = 16.66665 % → 16.7
      { dealerId: 'D', amount: -5 },
    ];
    assert.deepEqual(
      salesScores(sales, 'ratio-to-best').map((s) => s.score),
      [100, 75, 16.7, 0],
    );
  });

  it('ratio to best when nobody sold: all 0', () => {
    assert.deepEqual(salesScores([{ dealerId: 'A', amount: 0 }], 'ratio-to-best'), [
      { dealerId: 'A', score: 0 },
    ]);
  });

  it('percentile rank: (below + ½ tied) / (n − 1)', () => {
    const sales = [
      { dealerId: 'A', amount: 400 }, // 3 below / 3 peers = 100
      { dealerId: 'B', amount: 300 }, // (1 below + ½ × 1 tied) / 3 = 50
      { dealerId: 'C', amount: 300 }, // same as B
      { dealerId: 'D', amount: 100 }, // 0 below = 0
    ];
    assert.deepEqual(
      salesScores(sales, 'percentile-rank').map((s) => s.score),
      [100, 50, 50, 0],
    );
  });

  it('percentile rank in a group of 4 distinct: 0, 33.3, 66.7, 100', () => {
    const sales = [10, 20, 30, 40].map((amount, i) => ({ dealerId: `D${i}`, amount }));
    assert.deepEqual(
      salesScores(sales, 'percentile-rank').map((s) => s.score),
      [0, 33.3, 66.7, 100],
    );
  });

  it('a lone dealer ranks 100', () => {
    assert.deepEqual(salesScores([{ dealerId: 'A', amount: 7 }], 'percentile-rank'), [
      { dealerId: 'A', score: 100 },
    ]);
  });

  describe('credit score', () => {
    const cases: [string, Parameters<typeof creditScore>[0], number][] = [
      // 100 × (1 − 250000/1000000) = 75, − 2 × 5 = 65
      [
        'a quarter overdue, 2 late payments',
        { receivable: 1_000_000, overdue: 250_000, latePayments: 2 },
        65,
      ],
      // 100 − 100 × 100/300 = 100 − 33.3 = 66.7
      ['a third overdue', { receivable: 300, overdue: 100 }, 66.7],
      ['nothing owed', { receivable: 0, overdue: 0 }, 100],
      ['penalties floor at 0', { receivable: 100, overdue: 100, latePayments: 3 }, 0],
      [
        'custom penalty',
        { receivable: 100, overdue: 0, latePayments: 1, penaltyPerLatePayment: 12.5 },
        87.5,
      ],
    ];
    for (const [name, input, expected] of cases) {
      it(`${name} → ${expected}`, () => {
        assert.equal(accepted(creditScore(input)), expected);
      });
    }

    it('refuses overdue above the receivable', () => {
      assert.equal(
        refusalCode(creditScore({ receivable: 100, overdue: 101 })),
        'overdue-exceeds-receivable',
      );
    });
  });
});
