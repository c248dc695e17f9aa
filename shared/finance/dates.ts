// Business dates (docs/protocol.md, "Values on the wire"): Asia/Shanghai calendar dates, written
// 'YYYY-MM-DD'. A calendar date has no time zone once it is a date, so day arithmetic is done on
// UTC midnights (Date.UTC) — never on local clocks, never on "now" (shared/ is pure).
import { z } from 'zod';

export const businessDateSchema = z.iso.date();
export type BusinessDate = z.infer<typeof businessDateSchema>;

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a 'YYYY-MM-DD' date. Throws on a malformed date: parse at the edge. */
function toEpochDay(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [, year, month, day] = match;
  return Date.UTC(Number(year), Number(month) - 1, Number(day)) / MS_PER_DAY;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const epochDay = toEpochDay(date) + days;
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}
