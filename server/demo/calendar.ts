// Business-date arithmetic for the demo history. Dates are 'YYYY-MM-DD' in Asia/Shanghai; the
// arithmetic runs in UTC, where a calendar day is always 24 hours.

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 1 = January. */
export const monthOf = (date: string): number => Number(date.slice(5, 7));

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The instant of a Shanghai business date at an hour of the working day (UTC+8, no DST). */
export function atHour(date: string, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

/** The last date on or before `before` that falls on month-day `monthDay` ('05-18'). */
export function lastOccurrence(monthDay: string, before: string): string {
  const sameYear = `${before.slice(0, 4)}-${monthDay}`;
  return sameYear <= before ? sameYear : `${Number(before.slice(0, 4)) - 1}-${monthDay}`;
}
