// Target achievement (任务达成): per month and year to date, target vs. actual in fen.
// Percentage convention: `rateBp` is whole basis points (1 bp = 0.01 %, 10000 = 100 %),
// computed exactly from integers and rounded half away from zero; a zero target has no
// rate (null) rather than an infinite one.
import { z } from 'zod';
import { monthNumberOf, type BusinessDate } from './calendar';
import { parseOutcome, type Outcome } from './outcome';

const signedFenSchema = z.number().refine(Number.isSafeInteger, {
  error: 'an amount must be a whole number of fen',
  params: { code: 'invalid-amount' },
});

const achievementInputSchema = z.object({
  year: z.number().int().min(1900).max(9999),
  /** Monthly targets in fen, January first. */
  monthlyTargets: z
    .array(
      signedFenSchema.refine((n) => n >= 0, {
        error: 'a target cannot be negative',
        params: { code: 'negative-target' },
      }),
    )
    .length(12),
  /** Monthly actual sales in fen, net of returns (may be negative). */
  monthlyActuals: z.array(signedFenSchema).length(12),
});
type AchievementInput = z.infer<typeof achievementInputSchema>;

export type AchievementRow = {
  /** 'YYYY-MM' of the month, or of the last month included for year-to-date rows. */
  period: string;
  target: number;
  actual: number;
  /** actual − target, fen (negative when behind). */
  variance: number;
  /** actual / target in basis points, half away from zero; null when the target is 0. */
  rateBp: number | null;
};

export type Achievement = { months: AchievementRow[]; yearToDate: AchievementRow[] };

/** actual / target as basis points, rounded half away from zero; null for a 0 target. */
export function achievementRateBp(actual: number, target: number): number | null {
  if (target === 0) return null;
  const scaled = Math.abs(actual) * 10_000;
  const rounded = Math.floor((2 * scaled + target) / (2 * target));
  return actual < 0 ? -rounded : rounded;
}

function row(period: string, target: number, actual: number): AchievementRow {
  return {
    period,
    target,
    actual,
    variance: actual - target,
    rateBp: achievementRateBp(actual, target),
  };
}

/** Month rows and cumulative year-to-date rows (row m covers January … month m). */
export function computeAchievement(input: AchievementInput): Outcome<Achievement> {
  const parsed = parseOutcome(achievementInputSchema, input);
  if (!parsed.ok) return parsed;
  const { year, monthlyTargets, monthlyActuals } = parsed.value;
  const months: AchievementRow[] = [];
  const yearToDate: AchievementRow[] = [];
  let targetSoFar = 0;
  let actualSoFar = 0;
  for (let m = 0; m < 12; m += 1) {
    const period = `${year}-${String(m + 1).padStart(2, '0')}`;
    const target = monthlyTargets[m] ?? 0;
    const actual = monthlyActuals[m] ?? 0;
    targetSoFar += target;
    actualSoFar += actual;
    months.push(row(period, target, actual));
    yearToDate.push(row(period, targetSoFar, actualSoFar));
  }
  return { ok: true, value: { months, yearToDate } };
}

/** Sums dated amounts (fen) of one year into 12 monthly actuals; other years are ignored. */
export function sumByMonth(
  facts: readonly { date: BusinessDate; amount: number }[],
  year: number,
): number[] {
  const monthly = Array.from({ length: 12 }, () => 0);
  const prefix = `${String(year).padStart(4, '0')}-`;
  for (const fact of facts) {
    if (!fact.date.startsWith(prefix)) continue;
    const index = monthNumberOf(fact.date) - 1;
    monthly[index] = (monthly[index] ?? 0) + fact.amount;
  }
  return monthly;
}
