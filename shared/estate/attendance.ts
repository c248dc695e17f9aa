// Pure rules of the roster (docs/estate-roster.md): a consultant's day of attendance from their
// check-ins and check-outs against their shift, the ISO week a date falls in (weeks start on
// Monday, dates are Asia/Shanghai business dates), and the fair pick of the reception queue.
import { clockMinutes } from './roster-rows';

type AttendanceStatus = 'present' | 'half-day' | 'absent';

export interface ShiftRule {
  start: string;
  end: string;
  lateGraceMinutes: number;
  halfDayMinutes: number;
  absentMinutes: number;
}

export interface Punch {
  /** Shanghai wall clock 'YYYY-MM-DD HH:mm' on the day being counted. */
  at: string;
  direction: 'in' | 'out';
}

interface AttendanceDay {
  firstIn: string | null;
  lastOut: string | null;
  workedMinutes: number;
  lateMinutes: number;
  earlyExitMinutes: number;
  status: AttendanceStatus;
}

/**
 * Hours worked run from the first check-in to the last check-out after it (ERPNext's "First
 * Check-in and Last Check-out"); a day without both counts 0. Status by ERPNext's rule: worked <
 * absent threshold → absent; else worked < half-day threshold → half day; else present (a
 * threshold of 0 is not applied). Late = minutes after start + grace; early exit = minutes
 * before the end.
 */
export function attendanceOf(shift: ShiftRule, punches: readonly Punch[]): AttendanceDay {
  const sorted = [...punches].sort((a, b) => a.at.localeCompare(b.at));
  const firstIn = sorted.find((p) => p.direction === 'in')?.at ?? null;
  const lastOut =
    sorted.filter((p) => p.direction === 'out' && firstIn !== null && p.at > firstIn).pop()?.at ??
    null;
  const minuteOf = (at: string) => clockMinutes(at.slice(11, 16));
  const worked = firstIn && lastOut ? minuteOf(lastOut) - minuteOf(firstIn) : 0;
  const late = firstIn
    ? Math.max(0, minuteOf(firstIn) - clockMinutes(shift.start) - shift.lateGraceMinutes)
    : 0;
  const early = lastOut ? Math.max(0, clockMinutes(shift.end) - minuteOf(lastOut)) : 0;
  return {
    firstIn,
    lastOut,
    workedMinutes: worked,
    lateMinutes: late,
    earlyExitMinutes: early,
    status: statusOf(shift, firstIn === null ? null : worked),
  };
}

function statusOf(shift: ShiftRule, worked: number | null): AttendanceStatus {
  if (worked === null) return 'absent';
  if (shift.absentMinutes > 0 && worked < shift.absentMinutes) return 'absent';
  if (shift.halfDayMinutes > 0 && worked < shift.halfDayMinutes) return 'half-day';
  return 'present';
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The Monday on or before a date (ISO 8601 weeks start on Monday). */
export function mondayOf(date: string): string {
  const n = dayNumber(date);
  const weekday = (new Date(n * DAY_MS).getUTCDay() + 6) % 7;
  return dateOf(n - weekday);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** ISO 8601 week: '2026-W49' — the week's year is the year of its Thursday. */
export function isoWeek(date: string): { week: string; from: string; to: string } {
  const monday = mondayOf(date);
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const number = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return {
    week: `${year}-W${String(number).padStart(2, '0')}`,
    from: monday,
    to: addDays(monday, 6),
  };
}

export interface Candidate {
  consultant: string;
  receptionsToday: number;
  /** Since when the consultant has been free (last reception's end, else the check-in), ISO. */
  idleSince: string;
  busy: boolean;
}

/**
 * 轮岗接待: the order in which free consultants receive the next visitor — fewest receptions
 * today first, then the longest idle, then by code so the order never depends on the store.
 * Busy consultants are left out.
 */
export function queueOrder(candidates: readonly Candidate[]): Candidate[] {
  return candidates
    .filter((c) => !c.busy)
    .sort(
      (a, b) =>
        a.receptionsToday - b.receptionsToday ||
        a.idleSince.localeCompare(b.idleSince) ||
        a.consultant.localeCompare(b.consultant),
    );
}
