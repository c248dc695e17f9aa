// Posting a return (docs/returns.md): restocked goods re-enter the ledger as a `return`
// movement at the chosen location (stock rises; scrapped goods move no stock), and the returned
// value at the shipped price becomes a credit note (红字, reason 'return') against the
// shipment's invoice, up to what that invoice can still be credited by finance's own rule
// (server/finance/credit-notes-check.ts). What is left — the invoice is already paid — is held
// for the dealer as credit balance (预收): a receipt-less allocation to the credit balance,
// which the ledger reads as a credit entry (server/finance/ledger.ts), never refused.
import { StockBook } from '../datasets/stock-book';
import {
  applyCreditNote,
  creditNoteState,
  type CreditNoteState,
} from '../finance/credit-notes-check';
import { ExposureBook } from '../finance/exposure-book';
import { loadLedgerSources } from '../finance/ledger-sources';
import { saveAllocations } from '../finance/allocations-store';
import { saveCreditNotes } from '../finance/credit-notes-store';
import type { FinAllocationsTable, FinCreditNotesTable } from '../finance/tables';
import { rowStamp } from '../sync/changes';
import { DocNumbers } from '../sync/doc-numbers';
import type { WriteContext } from '../sync/handler';
import { invoiceOf } from './shipped';
import type { ReturnLinesTable } from './tables';

interface Posting {
  ctx: WriteContext;
  book: StockBook;
  credit: CreditNoteState;
  notes: DocNumbers;
  allocations: DocNumbers;
  exposure: ExposureBook;
  noteRows: FinCreditNotesTable[];
  allocationRows: FinAllocationsTable[];
}

/** Loads what posting `lines` reads: the stock of their restock locations, their dealers' ledger. */
export async function openPosting(
  ctx: WriteContext,
  lines: readonly ReturnLinesTable[],
): Promise<Posting> {
  const pairs = lines.flatMap((l) =>
    l.location_code === null ? [] : [{ location: l.location_code, sku: l.sku_code }],
  );
  const dealers = [...new Set(lines.map((l) => l.dealer_code))].sort();
  return {
    ctx,
    book: await StockBook.load(ctx.trx, pairs),
    credit: creditNoteState(await loadLedgerSources(ctx.trx, dealers)),
    notes: await DocNumbers.open(ctx.trx, 'CN', ctx.today),
    allocations: await DocNumbers.open(ctx.trx, 'AL', ctx.today),
    exposure: new ExposureBook(ctx.trx),
    noteRows: [],
    allocationRows: [],
  };
}

function creditNote(
  p: Posting,
  line: ReturnLinesTable,
  credit: { invoiceId: string; amount: number },
): FinCreditNotesTable {
  const { invoiceId, amount } = credit;
  const row: FinCreditNotesTable = {
    id: p.notes.take(),
    // Derived, not drawn: a demo seeded twice writes the same rows.
    row_key: `return:${line.id}:${invoiceId}`,
    date: line.date,
    dealer_code: line.dealer_code,
    invoice_id: invoiceId,
    amount,
    reason: 'return',
    remark: `退货 ${line.id}`,
    deleted: 0,
    ...rowStamp(p.ctx, 1),
  };
  applyCreditNote(p.credit, { dealerCode: line.dealer_code, invoiceId, amount });
  p.exposure.creditNote(undefined, row);
  p.noteRows.push(row);
  const audit = { dataset: 'credit-notes', recordKey: row.row_key, recordId: row.id };
  p.ctx.audit({ ...audit, version: 1, action: 'create', before: null, after: row });
  return row;
}

function creditBalance(p: Posting, line: ReturnLinesTable, amount: number): void {
  const row: FinAllocationsTable = {
    id: p.allocations.take(),
    row_key: `return:${line.id}:credit-balance`,
    receipt_id: null,
    target_kind: 'credit-balance',
    target_id: null,
    dealer_code: line.dealer_code,
    amount,
    write_off_amount: 0,
    write_off_reason: null,
    remark: `退货转预收 ${line.id}`,
    source: 'auto',
    deleted: 0,
    ...rowStamp(p.ctx, 1),
  };
  p.allocationRows.push(row);
  const audit = { dataset: 'allocations', recordKey: row.row_key, recordId: row.id };
  p.ctx.audit({ ...audit, version: 1, action: 'create', before: null, after: row });
}

/**
 * Moves the line's stock and money; returns the line as posted (its first credit note, the
 * credit balance). `first` are invoices credited before the line's own (an exchange's new
 * invoice, so the dealer is left owing only the difference).
 */
export function postLine(
  p: Posting,
  line: ReturnLinesTable,
  first: readonly string[] = [],
): ReturnLinesTable {
  if (line.disposition === 'restock' && line.location_code !== null) {
    p.book.change({
      kind: 'return',
      location: line.location_code,
      sku: line.sku_code,
      date: line.date,
      ref: line.id,
      onHand: line.quantity,
    });
  }
  let left = line.quantity * line.unit_price;
  const notes: string[] = [];
  for (const invoiceId of [...first, invoiceOf(line.shipment_id)]) {
    const amount = Math.min(left, Math.max(0, p.credit.open.get(invoiceId) ?? 0));
    if (amount > 0) notes.push(creditNote(p, line, { invoiceId, amount }).id);
    left -= amount;
  }
  if (left > 0) creditBalance(p, line, left);
  return { ...line, status: 'posted', credit_note_id: notes[0] ?? null, credit_balance: left };
}

export async function flushPosting(p: Posting): Promise<void> {
  await p.book.flush(p.ctx);
  await saveCreditNotes(p.ctx.trx, p.noteRows);
  await saveAllocations(p.ctx.trx, p.allocationRows);
  await p.exposure.flush();
  await p.notes.flush();
  await p.allocations.flush();
}
