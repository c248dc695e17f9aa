// Business calendar for the analysis pulls: dates are 'YYYY-MM-DD' strings (no time zone,
// no clock), computed with Date.UTC day numbers so that no local offset can shift a day.
// ISO 8601 weeks: weeks start on Monday and week 1 holds the year's first Thursday, so
// 2024-12-30 is 2025-W01 and 2021-01-03 is 2020-W53.
import { z } from 'zod';

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A business date 'YYYY-MM-DD' that exists on the calendar (no 2025-02-30). */
export const businessDateSchema = z.string().refine(isValidBusinessDate, {
  error: 'expected a real calendar date as YYYY-MM-DD',
  params: { code: 'invalid-date' },
});
export type BusinessDate = z.infer<typeof businessDateSchema>;

/** True when `text` is 'YYYY-MM-DD' and names a real day. */
function isValidBusinessDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  return fromDayNumber(toDayNumber(text)) === text;
}

/** Days since 1970-01-01 (UTC day number). The caller passes a well-formed date. */
function toDayNumber(date: BusinessDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The 'YYYY-MM-DD' date of a UTC day number. */
function fromDayNumber(dayNumber: number): BusinessDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday, Monday 1 … Sunday 7. 1970-01-01 (day 0) was a Thursday. */
export function isoWeekday(date: BusinessDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

function weekdayOfDayNumber(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week 'YYYY-Www': the week-year is the year of that week's Thursday. */
export function isoWeekOf(date: BusinessDate): string {
  const dayNumber = toDayNumber(date);
  const thursday = dayNumber - weekdayOfDayNumber(dayNumber) + 4;
  const weekYear = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstOfYear = Date.UTC(weekYear, 0, 1) / MS_PER_DAY;
  const week = Math.floor((thursday - firstOfYear) / 7) + 1;
  return `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** Calendar month 'YYYY-MM'. */
export function monthOf(date: BusinessDate): string {
  return date.slice(0, 7);
}

/** Calendar quarter 'YYYY-Qn' (Q1 = January–March). */
export function quarterOf(date: BusinessDate): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

/** Month number 1–12 of a date. */
export function monthNumberOf(date: BusinessDate): number {
  return Number(date.slice(5, 7));
}
