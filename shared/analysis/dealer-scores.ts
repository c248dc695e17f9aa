// Criterion scores computed from data for dealer grading (客户评估): sales (销量) against
// peers, and credit (信用) from receivables. Qualitative criteria (funds, brand awareness,
// cooperation) come from the manager's sheet. All scores are 0–100, rounded half up to
// one decimal with integer arithmetic.
import { z } from 'zod';
import { nonNegativeFenSchema } from './split';
import { addCodedIssue, parseOutcome, type Outcome } from './outcome';

type DealerSales = { dealerId: string; amount: number };
type DealerScore = { dealerId: string; score: number };

/**
 * 'percentile-rank': 100 × (peers strictly below + ½ × peers tied) / (n − 1), so the best
 * scores 100, the worst 0, equal sales score equally; a lone dealer scores 100.
 * 'ratio-to-best': 100 × sales / best sales (negative sales count as 0; all zero → 0).
 */
type SalesScoreMethod = 'percentile-rank' | 'ratio-to-best';

/** n / d to one decimal, half up, for non-negative integers n and positive d. */
function tenthsOf(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator)) / 10;
}

/** Sales scores of a peer group (amounts in fen). */
export function salesScores(
  sales: readonly DealerSales[],
  method: SalesScoreMethod,
): DealerScore[] {
  return method === 'ratio-to-best' ? ratioToBest(sales) : percentileRank(sales);
}

function ratioToBest(sales: readonly DealerSales[]): DealerScore[] {
  const best = Math.max(0, ...sales.map((s) => s.amount));
  return sales.map(({ dealerId, amount }) => ({
    dealerId,
    score: best === 0 ? 0 : tenthsOf(1000 * Math.max(0, amount), best),
  }));
}

function percentileRank(sales: readonly DealerSales[]): DealerScore[] {
  const peers = sales.length - 1;
  const sorted = sales.map((s) => s.amount).sort((a, b) => a - b);
  return sales.map(({ dealerId, amount }) => {
    if (peers === 0) return { dealerId, score: 100 };
    const below = lowerBound(sorted, amount);
    const tiedPeers = lowerBound(sorted, amount + 1) - below - 1;
    return { dealerId, score: tenthsOf(1000 * (2 * below + tiedPeers), 2 * peers) };
  });
}

/** First index in ascending `sorted` whose value is ≥ `value` (integer amounts). */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

const creditInputSchema = z
  .object({
    /** Receivable outstanding at the evaluation date, fen. */
    receivable: nonNegativeFenSchema,
    /** Part of it past its due date, fen. */
    overdue: nonNegativeFenSchema,
    /** Payments that went overdue during the evaluation period (history). */
    latePayments: z.number().int().min(0).default(0),
    /** Points taken off per late payment. */
    penaltyPerLatePayment: z.number().min(0).max(100).default(5),
  })
  .superRefine((credit, ctx) => {
    if (credit.overdue > credit.receivable) {
      addCodedIssue(ctx, 'overdue-exceeds-receivable', 'overdue cannot exceed the receivable');
    }
  });
type CreditInput = z.input<typeof creditInputSchema>;

/**
 * Credit score: 100 × (1 − overdue / receivable) (no receivable → 100), minus the penalty
 * per late payment in the period, kept within 0–100, one decimal.
 */
export function creditScore(input: CreditInput): Outcome<number> {
  const parsed = parseOutcome(creditInputSchema, input);
  if (!parsed.ok) return parsed;
  const { receivable, overdue, latePayments, penaltyPerLatePayment } = parsed.value;
  const base = receivable === 0 ? 100 : 100 - tenthsOf(1000 * overdue, receivable);
  const score = base - latePayments * penaltyPerLatePayment;
  return { ok: true, value: Math.round(Math.min(100, Math.max(0, score)) * 10) / 10 };
}
