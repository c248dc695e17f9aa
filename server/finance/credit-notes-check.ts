// The rules a credit note (红字/贷项) must keep, checked in batch order
// against what each invoice can still be credited, so a later row sees what earlier rows took:
// - the invoice exists and belongs to the row's dealer;
// - the amount is at most what the invoice still owes after allocations, write-offs and earlier
//   credit notes. A deposit (订金) moved onto the invoice does not count: the ledger moves it
//   after credit notes, so a credit note gives that deposit back to the order.
import { formatYuan } from '../../shared/money';
import type { RowProblem } from '../../shared/row-errors';
import type { Invoice } from '../../shared/finance/receivables';
import type { LedgerSources } from './ledger-sources';

export interface CreditNoteInput {
  dealerCode: string;
  invoiceId: string;
  amount: number;
}

export interface CreditNoteState {
  dealers: ReadonlySet<string>;
  invoices: ReadonlyMap<string, Invoice>;
  /** What each invoice can still be credited. */
  open: Map<string, number>;
}

const add = (map: Map<string, number>, key: string, delta: number) =>
  map.set(key, (map.get(key) ?? 0) + delta);

export function creditNoteState(sources: LedgerSources): CreditNoteState {
  const open = new Map(sources.invoices.map((invoice) => [invoice.id, invoice.amount]));
  for (const row of sources.allocations) {
    if (row.target_kind !== 'invoice' || row.target_id === null) continue;
    add(open, row.target_id, -(row.amount + row.write_off_amount));
  }
  for (const note of sources.creditNotes) add(open, note.invoice_id, -note.amount);
  return {
    dealers: new Set(sources.dealers.keys()),
    invoices: new Map(sources.invoices.map((invoice) => [invoice.id, invoice])),
    open,
  };
}

/** Problems of one row against the state; none means `applyCreditNote` may follow. */
export function checkCreditNote(state: CreditNoteState, row: CreditNoteInput): RowProblem[] {
  if (!state.dealers.has(row.dealerCode)) {
    return [{ field: 'dealerCode', code: 'unknown-dealer', params: { value: row.dealerCode } }];
  }
  const invoice = state.invoices.get(row.invoiceId);
  if (invoice === undefined) {
    const params = { value: row.invoiceId };
    return [{ field: 'invoiceId', code: 'credit-note-unknown-invoice', params }];
  }
  if (invoice.dealerCode !== row.dealerCode) {
    const params = { invoice: row.invoiceId, dealer: invoice.dealerCode };
    return [{ field: 'dealerCode', code: 'credit-note-dealer-mismatch', params }];
  }
  const open = state.open.get(row.invoiceId) ?? 0;
  if (row.amount <= open) return [];
  const params = { invoice: row.invoiceId, open: formatYuan(Math.max(0, open)) };
  return [{ field: 'amount', code: 'credit-note-over-outstanding', params }];
}

/** Applies a row to the state; sign −1 takes a stored row out (before it changes or goes). */
export function applyCreditNote(state: CreditNoteState, row: CreditNoteInput, sign: 1 | -1 = 1) {
  add(state.open, row.invoiceId, -sign * row.amount);
}
