// Ageing of receivables by due date (账龄), as of a date the
// caller passes in. daysOverdue = asOf − dueDate in calendar days; an invoice due today or
// later (daysOverdue ≤ 0) is 'current' (not yet due), then 1–30, 31–60, 61–90, 91–120, >120.
import { z } from 'zod';
import { daysBetween } from './dates';
import { fenSchema, sumFen } from './money';
import type { OutstandingInvoice } from './receivables';

const ageingBucketSchema = z.enum([
  'current',
  'days1to30',
  'days31to60',
  'days61to90',
  'days91to120',
  'over120',
]);
export type AgeingBucket = z.infer<typeof ageingBucketSchema>;

/** Upper bound (inclusive) of daysOverdue per bucket; the last bucket has none. */
const BUCKET_LIMITS: readonly [AgeingBucket, number][] = [
  ['current', 0],
  ['days1to30', 30],
  ['days31to60', 60],
  ['days61to90', 90],
  ['days91to120', 120],
];

export const ageingDetailRowSchema = z.object({
  dealerCode: z.string(),
  invoiceId: z.string(),
  date: z.string(),
  dueDate: z.string(),
  amount: fenSchema,
  outstanding: fenSchema,
  daysOverdue: z.int(),
  bucket: ageingBucketSchema,
});
type AgeingDetailRow = z.infer<typeof ageingDetailRowSchema>;

const bucketTotalsSchema = z.record(ageingBucketSchema, fenSchema);
type BucketTotals = z.infer<typeof bucketTotalsSchema>;

export const dealerCreditSchema = z.object({
  code: z.string().min(1),
  name: z.string(),
  creditLimit: fenSchema,
  /** Value of the dealer's open (unshipped) orders; it uses credit too. */
  openOrderValue: fenSchema.optional(),
});
type DealerCredit = z.infer<typeof dealerCreditSchema>;

export const dealerAgeingSummarySchema = z.object({
  dealerCode: z.string(),
  name: z.string(),
  outstanding: fenSchema,
  creditLimit: fenSchema,
  openOrderValue: fenSchema,
  /** creditLimit − outstanding − openOrderValue; negative when over the limit. */
  headroom: fenSchema,
  overdue: fenSchema,
  /** Due date of the oldest overdue invoice still owed ("since when"), or null. */
  oldestOverdueDueDate: z.string().nullable(),
  buckets: bucketTotalsSchema,
});
type DealerAgeingSummary = z.infer<typeof dealerAgeingSummarySchema>;

interface AgeingInput {
  asOf: string;
  dealers: readonly DealerCredit[];
  /** Invoices of any of the dealers; those with nothing outstanding are skipped. */
  invoices: readonly OutstandingInvoice[];
}

export function daysOverdue(dueDate: string, asOf: string): number {
  return daysBetween(dueDate, asOf);
}

export function ageingBucket(overdueDays: number): AgeingBucket {
  const found = BUCKET_LIMITS.find(([, limit]) => overdueDays <= limit);
  return found === undefined ? 'over120' : found[0];
}

/** One pivot-ready row per invoice still owed. */
export function ageInvoices(invoices: readonly OutstandingInvoice[], asOf: string) {
  return invoices.flatMap((invoice): AgeingDetailRow[] => {
    if (invoice.outstanding <= 0) return [];
    const overdueDays = daysOverdue(invoice.dueDate, asOf);
    const { dealerCode, id: invoiceId, date, dueDate, amount, outstanding } = invoice;
    const bucket = ageingBucket(overdueDays);
    return [
      {
        dealerCode,
        invoiceId,
        date,
        dueDate,
        amount,
        outstanding,
        daysOverdue: overdueDays,
        bucket,
      },
    ];
  });
}

/** One row per dealer, in the order given, with its buckets and credit headroom. */
export function summariseAgeing(input: AgeingInput): DealerAgeingSummary[] {
  const rowsByDealer = new Map<string, AgeingDetailRow[]>();
  for (const row of ageInvoices(input.invoices, input.asOf)) {
    const rows = rowsByDealer.get(row.dealerCode);
    if (rows === undefined) rowsByDealer.set(row.dealerCode, [row]);
    else rows.push(row);
  }
  return input.dealers.map((dealer) =>
    summariseDealer(dealer, rowsByDealer.get(dealer.code) ?? []),
  );
}

function summariseDealer(dealer: DealerCredit, rows: AgeingDetailRow[]): DealerAgeingSummary {
  const buckets = emptyBuckets();
  for (const row of rows) buckets[row.bucket] += row.outstanding;
  const overdueRows = rows.filter((row) => row.daysOverdue > 0);
  const outstanding = sumFen(rows.map((row) => row.outstanding));
  const openOrderValue = dealer.openOrderValue ?? 0;
  const oldest = overdueRows.map((row) => row.dueDate).sort()[0];
  return {
    dealerCode: dealer.code,
    name: dealer.name,
    outstanding,
    creditLimit: dealer.creditLimit,
    openOrderValue,
    headroom: dealer.creditLimit - outstanding - openOrderValue,
    overdue: sumFen(overdueRows.map((row) => row.outstanding)),
    oldestOverdueDueDate: oldest ?? null,
    buckets,
  };
}

function emptyBuckets(): BucketTotals {
  return { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, days91to120: 0, over120: 0 };
}

const collectionReasonSchema = z.enum(['over-limit', 'overdue']);
type CollectionReason = z.infer<typeof collectionReasonSchema>;

export const collectionRowSchema = z.object({
  dealerCode: z.string(),
  name: z.string(),
  owed: fenSchema,
  overdue: fenSchema,
  overLimitBy: fenSchema,
  since: z.string().nullable(),
  reasons: z.array(collectionReasonSchema),
});
type CollectionRow = z.infer<typeof collectionRowSchema>;

/**
 * 催收清单: dealers over their limit (headroom < 0) or with anything overdue, with what they owe
 * and since when (the oldest overdue due date). Most overdue first, then most owed, then code.
 */
export function collectionList(summaries: readonly DealerAgeingSummary[]): CollectionRow[] {
  return summaries
    .flatMap((summary): CollectionRow[] => {
      const reasons: CollectionReason[] = [];
      if (summary.headroom < 0) reasons.push('over-limit');
      if (summary.overdue > 0) reasons.push('overdue');
      if (reasons.length === 0) return [];
      const { dealerCode, name, outstanding: owed, overdue } = summary;
      const overLimitBy = Math.max(0, -summary.headroom);
      return [
        {
          dealerCode,
          name,
          owed,
          overdue,
          overLimitBy,
          since: summary.oldestOverdueDueDate,
          reasons,
        },
      ];
    })
    .sort((a, b) => b.overdue - a.overdue || b.owed - a.owed || compareCodes(a, b));
}

function compareCodes(a: CollectionRow, b: CollectionRow): number {
  if (a.dealerCode === b.dealerCode) return 0;
  return a.dealerCode < b.dealerCode ? -1 : 1;
}
