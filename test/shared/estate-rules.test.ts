import assert from 'node:assert/strict';
import { checkSchedule, dealPrice, maskIdNumber, sellThroughBp } from '../../shared/estate/pricing';
import { checkMove } from '../../shared/estate/unit-status';

describe('estate rules (shared)', () => {
  it('rounds the price once at the end, half up', () => {
    // 0.01 m² × 50 fen/m² = 0.5 fen → 1; × 49 fen/m² = 0.49 fen → 0.
    assert.equal(dealPrice(1, 50, 10_000), 1);
    assert.equal(dealPrice(1, 49, 10_000), 0);
    // 89.50 m² × 32,000.01 yuan/m² × 99.99 % = 286,371,449.49105 fen exactly → 286,371,449.
    assert.equal(dealPrice(8_950, 3_200_001, 9_999), 286_371_449);
    // Rounding the discounted unit price first (31,996.81) would give 286,371,449.50 → 286,371,450.
    assert.equal(dealPrice(8_950, 3_200_000, 9_850), 282_104_000);
  });

  it('refuses a schedule off by a fen, and a method that does not match its parts', () => {
    const parts = { deposit: 100, downPayment: 899, loanAmount: 0, instalments: 0 };
    assert.deepEqual(checkSchedule(1_000, 'lump-sum', parts), {
      code: 'estate-schedule-mismatch',
      sum: 999,
      price: 1_000,
      difference: 1,
    });
    const mortgage = { deposit: 100, downPayment: 900, loanAmount: 0, instalments: 0 };
    assert.deepEqual(checkSchedule(1_000, 'mortgage', mortgage), {
      code: 'estate-schedule-method',
      field: 'loanAmount',
    });
    assert.equal(checkSchedule(1_000, 'lump-sum', mortgage), null);
  });

  it('computes 去化率 in basis points, half up', () => {
    assert.equal(sellThroughBp(1, 3), 3_333);
    assert.equal(sellThroughBp(2, 3), 6_667);
    assert.equal(sellThroughBp(0, 0), 0);
  });

  it('masks an ID number but its first 6 and last 4', () => {
    assert.equal(maskIdNumber('110101199001011234'), '110101********1234');
  });

  it('allows only the table’s moves, to the roles it names', () => {
    const zh = (role: 'sales' | 'manager' | 'finance') => ({ role, locale: 'zh-CN' as const });
    assert.deepEqual(checkMove('available', 'hold', zh('sales')), { ok: true, to: 'held' });
    assert.equal(checkMove('available', 'reserve', zh('sales')).ok, false);
    assert.equal(checkMove('unreleased', 'subscribe', zh('manager')).ok, false);
    assert.equal(checkMove('contracted', 'complete-payment', zh('finance')).ok, true);
    assert.equal(checkMove('held', 'expire-hold', zh('manager')).ok, false);
    assert.equal(checkMove('held', 'expire-hold', { role: 'system', locale: 'en-US' }).ok, true);
  });
});
