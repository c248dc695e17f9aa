import assert from 'node:assert/strict';
import { addDays, businessDateSchema, daysBetween } from '../../../shared/finance/dates';

describe('finance/dates', () => {
  const spans: [string, string, number][] = [
    ['2026-12-01', '2026-12-31', 30],
    ['2026-12-31', '2026-12-01', -30],
    ['2028-02-28', '2028-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
  ];
  for (const [from, to, days] of spans) {
    it(`daysBetween(${from}, ${to}) = ${days}`, () => {
      assert.equal(daysBetween(from, to), days);
    });
    it(`addDays(${from}, ${days}) = ${to}`, () => {
      assert.equal(addDays(from, days), to);
    });
  }

  it('throws on a malformed date (dates are parsed at the edge)', () => {
    assert.throws(() => daysBetween('2026/12/01', '2026-12-02'), RangeError);
  });

  it('businessDateSchema accepts calendar dates only', () => {
    assert.equal(businessDateSchema.safeParse('2028-02-29').success, true);
    assert.equal(businessDateSchema.safeParse('2026-02-29').success, false);
    assert.equal(businessDateSchema.safeParse('2026-12-01T00:00:00Z').success, false);
  });
});
