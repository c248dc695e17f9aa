// Target splitting (销售任务分解): an annual target in fen is split over months by a
// distribution and down the hierarchy (region → dealers). Every split uses the
// largest-remainder method so the parts are whole fen and always sum exactly to the parent.
import { z } from 'zod';
import { addCodedIssue, parseOutcome, refuse, type Outcome } from './outcome';

/** An amount of money in fen (分): a non-negative safe integer. */
export const nonNegativeFenSchema = z.number().refine((n) => Number.isSafeInteger(n) && n >= 0, {
  error: 'an amount must be a whole, non-negative number of fen',
  params: { code: 'invalid-amount' },
});

/** A weight (share basis): finite and non-negative. */
const weightSchema = z.number().refine((n) => Number.isFinite(n) && n >= 0, {
  error: 'a weight must be a non-negative number',
  params: { code: 'negative-weight' },
});

/** A percentage 0–100 with at most two decimals (so it is a whole number of basis points). */
export const percentSchema = z
  .number()
  .refine((p) => p >= 0 && p <= 100 && hasWholeBasisPoints(p), {
    error: 'a percentage must lie in 0–100 with at most two decimals',
    params: { code: 'invalid-percent' },
  });

/** Twelve monthly percentages (January first) that must sum to exactly 100. */
const monthlyDistributionSchema = z
  .array(percentSchema)
  .length(12)
  .superRefine((percents, ctx) => {
    const sum = percents.reduce((acc, p) => acc + toBasisPoints(p), 0);
    if (sum !== 10_000) {
      addCodedIssue(
        ctx,
        'distribution-not-100',
        `monthly percentages sum to ${sum / 100}, not 100`,
      );
    }
  });

type ApportionCode = 'invalid-amount' | 'negative-weight' | 'no-weights' | 'weights-sum-zero';

/** True when `percent` has at most two decimals (a whole number of basis points). */
export function hasWholeBasisPoints(percent: number): boolean {
  const bp = percent * 100;
  return Number.isFinite(bp) && Math.abs(bp - Math.round(bp)) < 1e-6;
}

/** A percentage as whole basis points (12.34 % → 1234). */
export function toBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * Largest-remainder (Hamilton) apportionment of `total` whole units by `weights`.
 * Each part gets the floor of its exact share total × w / Σw; the units left over go one
 * each to the largest remainders, ties to the lower index. Exact (BigInt) for integer
 * weights; fractional weights are taken to 6 decimals.
 */
export function apportion(
  total: number,
  weights: readonly number[],
): Outcome<number[], ApportionCode> {
  if (!Number.isSafeInteger(total) || total < 0) {
    return refuse('invalid-amount', `total ${total} must be a whole, non-negative number`);
  }
  if (weights.length === 0) return refuse('no-weights', 'nothing to split over');
  const badIndex = weights.findIndex((w) => !Number.isFinite(w) || w < 0);
  if (badIndex >= 0) {
    return refuse('negative-weight', `weight #${badIndex + 1} (${weights[badIndex]}) is negative`);
  }
  const scaled = toScaledWeights(weights);
  const sum = scaled.reduce((acc, w) => acc + w, 0n);
  if (sum === 0n) return refuse('weights-sum-zero', 'all weights are zero');
  return { ok: true, value: largestRemainder(BigInt(total), scaled, sum) };
}

function toScaledWeights(weights: readonly number[]): bigint[] {
  const scale = weights.every((w) => Number.isSafeInteger(w)) ? 1 : 1_000_000;
  return weights.map((w) => BigInt(Math.round(w * scale)));
}

function largestRemainder(total: bigint, weights: readonly bigint[], sum: bigint): number[] {
  const floors = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let leftover = Number(total - floors.reduce((acc, f) => acc + f, 0n));
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  const parts = floors.map(Number);
  for (const { index } of order) {
    if (leftover === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    leftover -= 1;
  }
  return parts;
}

/** `total` split into `count` parts as equal as possible (100 over 3 → 34, 33, 33). */
export function splitEqually(total: number, count: number): Outcome<number[], ApportionCode> {
  return apportion(
    total,
    Array.from({ length: count }, () => 1),
  );
}

/** Weights of last year's actuals, or equal weights when last year is all zero. */
function sharesOrEqual(actuals: readonly number[]): number[] {
  return actuals.every((a) => a === 0) ? actuals.map(() => 1) : [...actuals];
}

/** Splits an annual target (fen) over 12 months by a distribution that sums to 100. */
export function splitByDistribution(
  total: number,
  distribution: readonly number[],
): Outcome<number[]> {
  const parsed = parseOutcome(monthlyDistributionSchema, distribution);
  if (!parsed.ok) return parsed;
  return apportion(total, parsed.value.map(toBasisPoints));
}

/**
 * Splits an annual target (fen) over 12 months by last year's exact monthly shares
 * (all-zero last year → equal split). Exact shares, not the 2-decimal percentages of
 * `defaultDistribution`, so no precision is lost on large targets.
 */
export function splitByLastYear(
  total: number,
  lastYearMonthly: readonly number[],
): Outcome<number[]> {
  if (lastYearMonthly.length !== 12) return refuse('not-12-months', 'last year needs 12 months');
  return apportion(total, sharesOrEqual(lastYearMonthly));
}

/**
 * The default monthly distribution shown to a manager: last year's monthly shares as
 * percentages with two decimals, apportioned so they sum to exactly 100.
 */
export function defaultDistribution(lastYearMonthly: readonly number[]): Outcome<number[]> {
  if (lastYearMonthly.length !== 12) return refuse('not-12-months', 'last year needs 12 months');
  const basisPoints = apportion(10_000, sharesOrEqual(lastYearMonthly));
  if (!basisPoints.ok) return basisPoints;
  return { ok: true, value: basisPoints.value.map((bp) => bp / 100) };
}

/** Quarter totals Q1–Q4 of 12 monthly amounts (sums, so quarters agree with months). */
export function quarterTotals(monthly: readonly number[]): number[] {
  return [0, 1, 2, 3].map((q) => monthly.slice(q * 3, q * 3 + 3).reduce((acc, m) => acc + m, 0));
}

const hierarchySplitSchema = z.object({
  total: nonNegativeFenSchema,
  /** 'last-year': weights are last year's actuals (all zero → equal); 'weights': explicit. */
  basis: z.enum(['last-year', 'weights']),
  children: z
    .array(z.object({ id: z.string().min(1), weight: weightSchema }))
    .min(1)
    .superRefine((children, ctx) => {
      const seen = new Set<string>();
      for (const [index, child] of children.entries()) {
        if (seen.has(child.id)) {
          addCodedIssue(ctx, 'duplicate-child', `${child.id} appears twice`, [index, 'id']);
        }
        seen.add(child.id);
      }
    }),
});
type HierarchySplit = z.infer<typeof hierarchySplitSchema>;
type ChildAmount = { id: string; amount: number };

/** Splits a parent's target (e.g. a region's) among its children (dealers). */
export function splitAmongChildren(input: HierarchySplit): Outcome<ChildAmount[]> {
  const parsed = parseOutcome(hierarchySplitSchema, input);
  if (!parsed.ok) return parsed;
  const { total, basis, children } = parsed.value;
  const raw = children.map((c) => c.weight);
  const parts = apportion(total, basis === 'last-year' ? sharesOrEqual(raw) : raw);
  if (!parts.ok) return parts;
  return { ok: true, value: children.map((c, i) => ({ id: c.id, amount: parts.value[i] ?? 0 })) };
}
