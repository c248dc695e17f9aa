// The roster's pure rules (shared/estate/attendance.ts): ISO weeks across a year's end, and the
// fair order of the reception queue (docs/estate-roster.md).
import assert from 'node:assert/strict';
import { isoWeek, queueOrder, type Candidate } from '../../shared/estate/attendance';

describe('estate: ISO weeks', () => {
  const cases: [date: string, week: string, from: string, to: string][] = [
    ['2026-11-29', '2026-W48', '2026-11-23', '2026-11-29'], // a Sunday ends its week
    ['2026-11-30', '2026-W49', '2026-11-30', '2026-12-06'], // a Monday starts one
    ['2027-01-01', '2026-W53', '2026-12-28', '2027-01-03'], // 2026 has 53 weeks (Thursday 12-31)
    ['2025-12-29', '2026-W01', '2025-12-29', '2026-01-04'], // week 1 holds 2026's first Thursday
    ['2027-01-04', '2027-W01', '2027-01-04', '2027-01-10'],
  ];
  for (const [date, week, from, to] of cases)
    it(`puts ${date} in ${week}`, () => {
      assert.deepEqual(isoWeek(date), { week, from, to });
    });
});

describe('estate: the reception queue order', () => {
  const c = (consultant: string, receptionsToday: number, idleSince: string, busy = false) =>
    ({ consultant, receptionsToday, idleSince, busy }) satisfies Candidate;

  it('puts fewest receptions first, then the longest idle, then the code; leaves the busy out', () => {
    const order = queueOrder([
      c('A', 2, '2026-11-27T01:00:00.000Z'),
      c('B', 1, '2026-11-27T02:40:00.000Z'),
      c('C', 1, '2026-11-27T02:30:00.000Z'),
      c('D', 0, '2026-11-27T02:50:00.000Z', true),
      c('E', 1, '2026-11-27T02:30:00.000Z'),
    ]);
    assert.deepEqual(
      order.map((x) => x.consultant),
      ['C', 'E', 'B', 'A'],
    );
  });
});
