// The receivables ledger of one dealer (应收账款): a shipment is invoiced at its
// value on the day it ships, due after the dealer's payment terms; allocations of receipts,
// credit notes (红字) and write-offs settle invoices; an overpayment is held as credit balance
// (预收) and spent later by allocating it; money allocated to an unshipped order is a deposit
// (订金) until the order is invoiced and the deposit is moved onto the invoice.
//   outstanding    = Σ invoices − allocations, credit notes and write-offs against invoices
//   credit balance = Σ credit entries − allocations paid from the credit balance
//   deposits held  = Σ allocations against orders − allocations paid from deposits
import { z } from 'zod';
import { writeOffReasonSchema } from './allocation';
import { addDays, businessDateSchema } from './dates';
import { fenSchema, multiplyFen, nonNegativeFenSchema, positiveFenSchema, sumFen } from './money';
import type { OpenItem } from './open-item';

const invoiceSchema = z.object({
  id: z.string().min(1),
  dealerCode: z.string().min(1),
  shipmentId: z.string().min(1),
  orderId: z.string().min(1).optional(),
  /** Issued on the ship date. */
  date: businessDateSchema,
  dueDate: businessDateSchema,
  amount: nonNegativeFenSchema,
});
export type Invoice = z.infer<typeof invoiceSchema>;

/** The part of a shipment that invoicing reads. */
export const shipmentForInvoiceSchema = z.object({
  id: z.string().min(1),
  dealerCode: z.string().min(1),
  orderId: z.string().min(1).optional(),
  shipDate: businessDateSchema,
  lines: z.array(z.object({ quantity: z.int().positive(), unitPrice: nonNegativeFenSchema })),
});
export type ShipmentForInvoice = z.infer<typeof shipmentForInvoiceSchema>;

const allocationSourceSchema = z.enum(['receipt', 'credit-balance', 'deposit']);

export const ledgerEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invoice'), invoice: invoiceSchema }),
  z.object({
    type: z.literal('allocation'),
    itemId: z.string().min(1),
    amount: positiveFenSchema,
    source: allocationSourceSchema,
  }),
  z.object({
    type: z.literal('credit-note'),
    invoiceId: z.string().min(1),
    amount: positiveFenSchema,
  }),
  z.object({
    type: z.literal('write-off'),
    itemId: z.string().min(1),
    amount: positiveFenSchema,
    reason: writeOffReasonSchema,
  }),
  /** An overpayment held for the dealer (预收). */
  z.object({ type: z.literal('credit'), amount: positiveFenSchema }),
]);
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const outstandingInvoiceSchema = invoiceSchema.extend({ outstanding: fenSchema });
export type OutstandingInvoice = z.infer<typeof outstandingInvoiceSchema>;

export const ledgerSummarySchema = z.object({
  invoiced: fenSchema,
  outstanding: fenSchema,
  creditBalance: fenSchema,
  depositsHeld: fenSchema,
});
export type LedgerSummary = z.infer<typeof ledgerSummarySchema>;

interface InvoiceTerms {
  invoiceId: string;
  paymentTermsDays: number;
}

/** Value = Σ quantity × unit price; issued on the ship date; due paymentTermsDays later. */
export function invoiceFromShipment(shipment: ShipmentForInvoice, terms: InvoiceTerms): Invoice {
  const amount = sumFen(shipment.lines.map((line) => multiplyFen(line.quantity, line.unitPrice)));
  return {
    id: terms.invoiceId,
    dealerCode: shipment.dealerCode,
    shipmentId: shipment.id,
    ...(shipment.orderId === undefined ? {} : { orderId: shipment.orderId }),
    date: shipment.shipDate,
    dueDate: addDays(shipment.shipDate, terms.paymentTermsDays),
    amount,
  };
}

/** Each invoice with what is still owed on it, in ledger order (zero and negative included). */
export function outstandingInvoices(entries: readonly LedgerEntry[]): OutstandingInvoice[] {
  const settled = settledByItem(entries);
  return entries.flatMap((entry) => {
    if (entry.type !== 'invoice') return [];
    const { invoice } = entry;
    return [{ ...invoice, outstanding: invoice.amount - (settled.get(invoice.id) ?? 0) }];
  });
}

export function summariseLedger(entries: readonly LedgerEntry[]): LedgerSummary {
  const invoices = outstandingInvoices(entries);
  const invoiceIds = new Set(invoices.map((invoice) => invoice.id));
  let creditBalance = 0;
  let depositsHeld = 0;
  for (const entry of entries) {
    if (entry.type === 'credit') creditBalance += entry.amount;
    if (entry.type !== 'allocation') continue;
    if (entry.source === 'credit-balance') creditBalance -= entry.amount;
    if (entry.source === 'deposit') depositsHeld -= entry.amount;
    if (!invoiceIds.has(entry.itemId)) depositsHeld += entry.amount;
  }
  return {
    invoiced: sumFen(invoices.map((invoice) => invoice.amount)),
    outstanding: sumFen(invoices.map((invoice) => invoice.outstanding)),
    creditBalance,
    depositsHeld,
  };
}

/** Deposit received against one order: every allocation made to it. */
export function depositReceived(entries: readonly LedgerEntry[], orderId: string): number {
  return sumFen(
    entries.flatMap((entry) =>
      entry.type === 'allocation' && entry.itemId === orderId ? [entry.amount] : [],
    ),
  );
}

/** Invoices with something still owed, as open items for matching and allocation. */
export function openItemsFromInvoices(invoices: readonly OutstandingInvoice[]): OpenItem[] {
  return invoices.flatMap((invoice) => (invoice.outstanding > 0 ? [toOpenItem(invoice)] : []));
}

function toOpenItem(invoice: OutstandingInvoice): OpenItem {
  const { id, dealerCode, date, dueDate, outstanding: openAmount } = invoice;
  const order = invoice.orderId === undefined ? {} : { orderId: invoice.orderId };
  return { kind: 'invoice', id, dealerCode, ...order, date, dueDate, openAmount };
}

/** Allocations, credit notes and write-offs per item id. */
function settledByItem(entries: readonly LedgerEntry[]): Map<string, number> {
  const settled = new Map<string, number>();
  for (const entry of entries) {
    if (entry.type === 'invoice' || entry.type === 'credit') continue;
    const itemId = entry.type === 'credit-note' ? entry.invoiceId : entry.itemId;
    settled.set(itemId, (settled.get(itemId) ?? 0) + entry.amount);
  }
  return settled;
}
