import assert from 'node:assert/strict';
import { applyRatio, fenSchema, multiplyFen, sumFen } from '../../../shared/finance/money';

describe('finance/money', () => {
  const ratios: [number, number, 'up' | 'down', number][] = [
    [100, 0.07, 'up', 7],
    [1_000_001, 0.3, 'up', 300_001],
    [1_000_001, 0.3, 'down', 300_000],
    [299_999, 0.001, 'down', 299],
    [300_000, 0.001, 'down', 300],
    [-1_001, 0.5, 'down', -501],
  ];
  for (const [amount, ratio, rounding, expected] of ratios) {
    it(`applyRatio(${amount}, ${ratio}, ${rounding}) = ${expected}`, () => {
      assert.equal(applyRatio(amount, ratio, rounding), expected);
    });
  }

  it('multiplyFen refuses a product beyond the safe-integer range', () => {
    assert.equal(multiplyFen(12, 8_900), 106_800);
    assert.throws(() => multiplyFen(2 ** 30, 2 ** 30), RangeError);
  });

  it('sumFen adds and refuses an unsafe total', () => {
    assert.equal(sumFen([1, 2, 3]), 6);
    assert.throws(() => sumFen([Number.MAX_SAFE_INTEGER, 1]), RangeError);
  });

  it('fenSchema rejects fractions of a fen', () => {
    assert.equal(fenSchema.safeParse(1.5).success, false);
    assert.equal(fenSchema.safeParse(150).success, true);
  });
});
