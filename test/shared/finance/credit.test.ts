import assert from 'node:assert/strict';
import {
  checkCredit,
  checkDepositBeforeShipment,
  requiredDeposit,
  type CreditCheckResult,
  type DepositPolicy,
} from '../../../shared/finance/credit';

describe('finance/credit', () => {
  describe('checkCredit at its edge (limit ¥10,000, used ¥9,000)', () => {
    const base = { limit: 1_000_000, outstanding: 600_000, openOrders: 300_000 };
    const cases: [string, number, CreditCheckResult][] = [
      ['well within', 50_000, { code: 'ok', used: 900_000, headroom: 50_000 }],
      ['exactly at the limit passes', 100_000, { code: 'ok', used: 900_000, headroom: 0 }],
      [
        'one fen over fails with the figures',
        100_001,
        {
          code: 'credit-limit-exceeded',
          limit: 1_000_000,
          used: 900_000,
          thisOrder: 100_001,
          overBy: 1,
        },
      ],
    ];
    for (const [name, thisOrder, expected] of cases) {
      it(name, () => {
        assert.deepEqual(checkCredit({ ...base, thisOrder }), expected);
      });
    }

    it('a dealer already over its limit fails even a small order', () => {
      const result = checkCredit({ limit: 100, outstanding: 150, openOrders: 0, thisOrder: 1 });
      assert.deepEqual(result, {
        code: 'credit-limit-exceeded',
        limit: 100,
        used: 150,
        thisOrder: 1,
        overBy: 51,
      });
    });
  });

  describe('requiredDeposit (rounded up to the fen)', () => {
    const custom: DepositPolicy = { B: 0.1, C: 0.5 };
    const cases: [string, number, string, DepositPolicy | undefined, number][] = [
      ['grade C, default 30%', 1_000_000, 'C', undefined, 300_000],
      ['grade C, 30% of ¥10,000.01 rounds up', 1_000_001, 'C', undefined, 300_001],
      ['grade C, 30% of ¥3.33 = 99.9 fen → 100', 333, 'C', undefined, 100],
      ['grade A needs none by default', 1_000_000, 'A', undefined, 0],
      ['configured per grade: B 10%', 1_000_005, 'B', custom, 100_001],
      ['configured per grade: C 50%', 1_000_001, 'C', custom, 500_001],
      ['7% of ¥1 is 7 fen, not 8 (no float drift)', 100, 'C', { C: 0.07 }, 7],
    ];
    for (const [name, orderValue, grade, policy, expected] of cases) {
      it(name, () => {
        assert.equal(requiredDeposit(orderValue, grade, policy), expected);
      });
    }
  });

  describe('checkDepositBeforeShipment', () => {
    const cases: [number, number, ReturnType<typeof checkDepositBeforeShipment>][] = [
      [300_001, 300_000, { code: 'deposit-missing', missing: 1 }],
      [300_000, 0, { code: 'deposit-missing', missing: 300_000 }],
      [300_000, 300_000, { code: 'ok' }],
      [300_000, 400_000, { code: 'ok' }],
      [0, 0, { code: 'ok' }],
    ];
    for (const [required, received, expected] of cases) {
      it(`required ${required}, received ${received} → ${expected.code}`, () => {
        assert.deepEqual(checkDepositBeforeShipment({ required, received }), expected);
      });
    }
  });
});
