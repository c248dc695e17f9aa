// Reporting periods of dealer sell-out reports: a month 'YYYY-MM' or an ISO week 'YYYY-Www'
// (Monday to Sunday, week 1 holds the year's first Thursday). A period covers business dates
// from `start` to `end` inclusive; docs/sell-out.md.

const MONTH = /^(\d{4})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY = 86_400_000;

interface PeriodRange {
  start: string;
  end: string;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday of ISO week 1 of `year`, in UTC milliseconds. */
function weekOneMonday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - weekday * DAY;
}

function weeksIn(year: number): number {
  return Math.round((weekOneMonday(year + 1) - weekOneMonday(year)) / (7 * DAY));
}

/** The dates a period covers, or undefined when the text names no period. */
export function periodRange(period: string): PeriodRange | undefined {
  const month = MONTH.exec(period);
  if (month) {
    const [year, index] = [Number(month[1]), Number(month[2])];
    if (index < 1 || index > 12) return undefined;
    return { start: iso(Date.UTC(year, index - 1, 1)), end: iso(Date.UTC(year, index, 0)) };
  }
  const week = WEEK.exec(period);
  if (!week) return undefined;
  const [year, index] = [Number(week[1]), Number(week[2])];
  if (index < 1 || index > weeksIn(year)) return undefined;
  const monday = weekOneMonday(year) + (index - 1) * 7 * DAY;
  return { start: iso(monday), end: iso(monday + 6 * DAY) };
}

export const isValidPeriod = (period: string) => periodRange(period) !== undefined;

/** The day after a business date 'YYYY-MM-DD'. */
export const dayAfter = (date: string) => iso(Date.parse(`${date}T00:00:00Z`) + DAY);
