// Credit scores (信用) for dealer grading from the receivables ledger (credit from
// receivables and overdue history; server/finance/ledger.ts), per dealer and period, by the
// shared rule `creditScore` (shared/analysis/dealer-scores.ts). Its exact inputs:
// - asOf = the period's last day, or today (Asia/Shanghai) while the period is running;
// - the ledger as it stood on asOf: invoices (one per shipment) dated ≤ asOf, and allocations
//   and write-offs whose payment date ≤ asOf — the bank receipt's date received, or for a
//   payment from the credit balance (no receipt) the day it was confirmed; order deposits
//   received by then move onto the order's invoices as the ledger always does;
// - receivable = the dealer's outstanding on asOf (Σ what each invoice still owes, as the
//   `receivables` pull sums it); overdue = the part of it past its due date (asOf > due date;
//   due on asOf is still current), the pull's `overdue`;
// - latePayments = invoices of the dealer that got a payment dated within the period (from …
//   asOf) after their due date; the rule's default penalty, 5 points each;
// - a dealer without any invoice dated ≤ asOf keeps the neutral 100.
// It loads only the graded dealers' ledger (loadLedgerSources scoped by dealer).
import { sql } from 'kysely';
import { creditScore } from '../../shared/analysis/dealer-scores';
import { summariseAgeing } from '../../shared/finance/ageing';
import { buildLedger } from '../finance/ledger';
import { loadLedgerSources, type LedgerSources } from '../finance/ledger-sources';
import type { FinAllocationsTable } from '../finance/tables';
import type { Db } from '../store/db';
import { shanghaiDate } from '../sync/changes';

export const NEUTRAL_CREDIT = 100;

interface CreditPeriod {
  from: string;
  /** The period's last day, or today while it runs. */
  asOf: string;
}

/** Payment date per allocation id: the receipt's date, else the day it was confirmed. */
async function paymentDates(db: Db, allocations: readonly FinAllocationsTable[]) {
  const receiptIds = [...new Set(allocations.flatMap((a) => a.receipt_id ?? []))];
  const received = new Map<string, string>();
  for (let i = 0; i < receiptIds.length; i += 500) {
    const ids = receiptIds.slice(i, i + 500);
    const rows = await sql<{ id: string; date: string }>`
      SELECT id, date FROM fin_receipts WHERE id IN (${sql.join(ids)})`.execute(db);
    for (const row of rows.rows) received.set(row.id, row.date);
  }
  const confirmed = (a: FinAllocationsTable) => shanghaiDate(new Date(a.updated_at));
  return new Map(
    allocations.map((a) => [a.id, (a.receipt_id && received.get(a.receipt_id)) || confirmed(a)]),
  );
}

/** Invoices paid late within the period, per dealer (one count per invoice). */
function latePayments(sources: LedgerSources, dates: Map<string, string>, period: CreditPeriod) {
  const dueDates = new Map(sources.invoices.map((i) => [i.id, i.dueDate]));
  const late = new Map<string, Set<string>>();
  for (const a of sources.allocations) {
    const paid = dates.get(a.id) ?? '';
    const due = a.target_id === null ? undefined : dueDates.get(a.target_id);
    if (a.target_kind !== 'invoice' || due === undefined || a.target_id === null) continue;
    if (paid < period.from || paid > period.asOf || paid <= due) continue;
    late.set(a.dealer_code, (late.get(a.dealer_code) ?? new Set()).add(a.target_id));
  }
  return new Map([...late].map(([dealer, invoices]) => [dealer, invoices.size]));
}

/** The ledger sources as they stood at the end of `asOf`. */
function sourcesAsOf(sources: LedgerSources, dates: Map<string, string>, asOf: string) {
  return {
    ...sources,
    invoices: sources.invoices.filter((i) => i.date <= asOf),
    allocations: sources.allocations.filter((a) => (dates.get(a.id) ?? '') <= asOf),
    creditNotes: sources.creditNotes.filter((n) => n.date <= asOf),
  };
}

/** Credit score (0–100, one decimal) per dealer for the period. */
export async function creditScores(
  db: Db,
  dealerCodes: readonly string[],
  period: CreditPeriod,
): Promise<Map<string, number>> {
  const sources = await loadLedgerSources(db, dealerCodes);
  const dates = await paymentDates(db, sources.allocations);
  const asOf = sourcesAsOf(sources, dates, period.asOf);
  const ledger = buildLedger(asOf);
  const invoices = [...ledger.invoices.values()];
  const dealers = dealerCodes.map((code) => ({ code, name: code, creditLimit: 0 }));
  const summaries = summariseAgeing({ asOf: period.asOf, dealers, invoices });
  const late = latePayments(sources, dates, period);
  const invoiced = new Set(asOf.invoices.map((i) => i.dealerCode));
  return new Map(
    summaries.map((s) => {
      if (!invoiced.has(s.dealerCode)) return [s.dealerCode, NEUTRAL_CREDIT];
      const score = creditScore({
        receivable: s.outstanding,
        overdue: s.overdue,
        latePayments: late.get(s.dealerCode) ?? 0,
      });
      return [s.dealerCode, score.ok ? score.value : NEUTRAL_CREDIT];
    }),
  );
}
