// The receivables ledger per dealer, computed from its sources with the shared rules
// (shared/finance/receivables.ts). Allocation and credit-note rows become ledger entries; a deposit (订金)
// received on an order is moved onto that order's invoices, oldest first, as soon as they exist
// — so a deposit is "held" only while its order is unshipped.
import type { OpenItem } from '../../shared/finance/open-item';
import {
  outstandingInvoices,
  summariseLedger,
  type Invoice,
  type LedgerEntry,
  type LedgerSummary,
  type OutstandingInvoice,
} from '../../shared/finance/receivables';
import type { DealerInfo, LedgerSources, OrderInfo } from './ledger-sources';
import type { FinAllocationsTable, FinCreditNotesTable } from './tables';

interface DealerLedger {
  dealerCode: string;
  invoices: OutstandingInvoice[];
  summary: LedgerSummary;
  openOrderValue: number;
}

interface OrderState extends OrderInfo {
  depositReceived: number;
  depositsHeld: number;
}

export interface Ledger {
  dealers: Map<string, DealerInfo>;
  byDealer: Map<string, DealerLedger>;
  orders: Map<string, OrderState>;
  invoices: Map<string, OutstandingInvoice>;
}

function allocationEntries(row: FinAllocationsTable): LedgerEntry[] {
  const source = row.receipt_id === null ? 'credit-balance' : 'receipt';
  const itemId = row.target_id ?? '';
  if (row.target_kind === 'credit-balance') return [{ type: 'credit', amount: row.amount }];
  const entries: LedgerEntry[] = [{ type: 'allocation', itemId, amount: row.amount, source }];
  if (row.write_off_amount > 0) {
    const reason = row.write_off_reason === 'manual' ? 'manual' : 'bank-fee-tolerance';
    entries.push({ type: 'write-off', itemId, amount: row.write_off_amount, reason });
  }
  return entries;
}

/** Deposits received per order: every allocation made to it. */
function depositsByOrder(allocations: readonly FinAllocationsTable[]): Map<string, number> {
  const deposits = new Map<string, number>();
  for (const row of allocations) {
    if (row.target_kind !== 'order-deposit' || row.target_id === null) continue;
    deposits.set(row.target_id, (deposits.get(row.target_id) ?? 0) + row.amount);
  }
  return deposits;
}

/** Allocation entries moving each order's deposit onto its invoices, oldest first. */
function depositTransfers(entries: LedgerEntry[], deposits: Map<string, number>): LedgerEntry[] {
  const transfers: LedgerEntry[] = [];
  const open = outstandingInvoices(entries).sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id),
  );
  for (const invoice of open) {
    const left = invoice.orderId === undefined ? 0 : (deposits.get(invoice.orderId) ?? 0);
    const paid = Math.min(left, Math.max(0, invoice.outstanding));
    if (paid <= 0 || invoice.orderId === undefined) continue;
    deposits.set(invoice.orderId, left - paid);
    transfers.push({ type: 'allocation', itemId: invoice.id, amount: paid, source: 'deposit' });
  }
  return transfers;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list === undefined) groups.set(key(item), [item]);
    else list.push(item);
  }
  return groups;
}

function dealerLedger(dealerCode: string, parts: DealerParts, remaining: Map<string, number>) {
  const entries: LedgerEntry[] = parts.invoices.map((invoice) => ({ type: 'invoice', invoice }));
  for (const row of parts.allocations) entries.push(...allocationEntries(row));
  for (const note of parts.creditNotes)
    entries.push({ type: 'credit-note', invoiceId: note.invoice_id, amount: note.amount });
  entries.push(...depositTransfers(entries, remaining));
  const openOrderValue = parts.orders.reduce((sum, order) => sum + order.unshippedValue, 0);
  const ledger: DealerLedger = {
    dealerCode,
    invoices: outstandingInvoices(entries),
    summary: summariseLedger(entries),
    openOrderValue,
  };
  return ledger;
}

interface DealerParts {
  invoices: Invoice[];
  allocations: FinAllocationsTable[];
  creditNotes: FinCreditNotesTable[];
  orders: OrderInfo[];
}

export function buildLedger(sources: LedgerSources): Ledger {
  const invoicesBy = groupBy(sources.invoices, (i) => i.dealerCode);
  const allocationsBy = groupBy(sources.allocations, (a) => a.dealer_code);
  const notesBy = groupBy(sources.creditNotes, (n) => n.dealer_code);
  const ordersBy = groupBy([...sources.orders.values()], (o) => o.dealerCode);
  const codes = new Set([...invoicesBy.keys(), ...allocationsBy.keys(), ...ordersBy.keys()]);
  const received = depositsByOrder(sources.allocations);
  const remaining = new Map(received);
  const byDealer = new Map<string, DealerLedger>();
  for (const code of codes) {
    const parts = {
      invoices: invoicesBy.get(code) ?? [],
      allocations: allocationsBy.get(code) ?? [],
      creditNotes: notesBy.get(code) ?? [],
      orders: ordersBy.get(code) ?? [],
    };
    byDealer.set(code, dealerLedger(code, parts, remaining));
  }
  const orders = new Map<string, OrderState>();
  for (const order of sources.orders.values()) {
    const depositReceived = received.get(order.id) ?? 0;
    orders.set(order.id, { ...order, depositReceived, depositsHeld: remaining.get(order.id) ?? 0 });
  }
  const invoices = new Map(
    [...byDealer.values()].flatMap((d) => d.invoices).map((i) => [i.id, i] as const),
  );
  return { dealers: sources.dealers, byDealer, orders, invoices };
}

/** What a receipt can still pay: invoices owed and orders not yet covered by their deposits. */
export function openItems(ledger: Ledger): OpenItem[] {
  const items: OpenItem[] = [];
  for (const invoice of ledger.invoices.values()) {
    if (invoice.outstanding <= 0) continue;
    const { id, dealerCode, date, dueDate, outstanding: openAmount } = invoice;
    const order = invoice.orderId === undefined ? {} : { orderId: invoice.orderId };
    items.push({ kind: 'invoice', id, dealerCode, ...order, date, dueDate, openAmount });
  }
  for (const order of ledger.orders.values()) {
    const openAmount = order.unshippedValue - order.depositsHeld;
    if (openAmount <= 0) continue;
    items.push({
      kind: 'order',
      id: order.id,
      dealerCode: order.dealerCode,
      date: order.date,
      openAmount,
    });
  }
  return items;
}
