import assert from 'node:assert/strict';
import {
  addDays,
  businessDateSchema,
  daysBetween,
  isoWeekOf,
  isoWeekday,
  monthOf,
  quarterOf,
} from '../../../shared/analysis/calendar';

describe('calendar', () => {
  describe('isoWeekOf at year edges', () => {
    const cases: [string, string, string][] = [
      // Monday 2024-12-30: its Thursday is 2025-01-02, so it is week 1 of 2025.
      ['2024-12-30', '2025-W01', 'Monday of a week whose Thursday is in the next year'],
      ['2024-12-29', '2024-W52', 'the Sunday before it stays in 2024'],
      // Sunday 2021-01-03: its Thursday is 2020-12-31, and 2020 (a leap year starting on
      // Wednesday) has 53 weeks.
      ['2021-01-03', '2020-W53', 'Sunday in January belonging to the previous year'],
      ['2021-01-04', '2021-W01', 'first Monday of 2021 starts week 1'],
      ['2026-01-01', '2026-W01', 'Thursday 1 January is always week 1'],
      [
        '2027-01-01',
        '2026-W53',
        'Friday 1 January belongs to the previous year (2026 has 53 weeks)',
      ],
      ['2025-06-15', '2025-W24', 'mid-year Sunday'],
    ];
    for (const [date, week, why] of cases) {
      it(`${date} → ${week} (${why})`, () => {
        assert.equal(isoWeekOf(date), week);
      });
    }
  });

  it('weekday: 1970-01-01 was a Thursday (4), 2024-12-30 a Monday (1), 2021-01-03 a Sunday (7)', () => {
    assert.deepEqual(['1970-01-01', '2024-12-30', '2021-01-03'].map(isoWeekday), [4, 1, 7]);
  });

  describe('month and quarter', () => {
    const cases: [string, string, string][] = [
      ['2025-01-01', '2025-01', '2025-Q1'],
      ['2025-03-31', '2025-03', '2025-Q1'],
      ['2025-04-01', '2025-04', '2025-Q2'],
      ['2025-09-30', '2025-09', '2025-Q3'],
      ['2025-12-31', '2025-12', '2025-Q4'],
    ];
    for (const [date, month, quarter] of cases) {
      it(`${date} → ${month}, ${quarter}`, () => {
        assert.equal(monthOf(date), month);
        assert.equal(quarterOf(date), quarter);
      });
    }
  });

  describe('addDays', () => {
    const cases: [string, number, string][] = [
      ['2024-02-28', 1, '2024-02-29'], // leap year
      ['2023-02-28', 1, '2023-03-01'], // common year
      ['2024-12-31', 1, '2025-01-01'],
      ['2025-01-01', -1, '2024-12-31'],
      ['2025-03-01', -28, '2025-02-01'],
    ];
    for (const [date, days, expected] of cases) {
      it(`${date} ${days >= 0 ? '+' : ''}${days} → ${expected}`, () => {
        assert.equal(addDays(date, days), expected);
      });
    }
  });

  describe('daysBetween', () => {
    const cases: [string, string, number][] = [
      ['2024-01-01', '2025-01-01', 366], // 2024 is a leap year
      ['2025-01-01', '2026-01-01', 365],
      ['2025-03-10', '2025-03-01', -9],
      ['2024-12-31', '2025-03-31', 90], // 31 + 28 + 31
    ];
    for (const [from, to, days] of cases) {
      it(`${from} → ${to} is ${days} days`, () => {
        assert.equal(daysBetween(from, to), days);
      });
    }
  });

  describe('businessDateSchema', () => {
    for (const good of ['2024-02-29', '2025-12-31']) {
      it(`accepts ${good}`, () => {
        assert.equal(businessDateSchema.safeParse(good).success, true);
      });
    }
    for (const bad of ['2025-02-29', '2025-13-01', '2025-2-3', '2025-01-01T00:00:00Z', '']) {
      it(`refuses ${JSON.stringify(bad)} with invalid-date`, () => {
        const result = businessDateSchema.safeParse(bad);
        if (result.success) assert.fail(`${bad} was accepted`);
        const issue = result.error.issues[0];
        assert.deepEqual(issue?.code === 'custom' ? issue.params : issue, { code: 'invalid-date' });
      });
    }
  });
});
