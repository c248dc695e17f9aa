// Credit exposure — receivables outstanding + open (unshipped) order value — two ways:
// - loadExposure: what the credit check reads, one dealer_exposure row kept by the writers
//   (exposure-book.ts);
// - ledgerExposure: the same figures recomputed from the whole ledger (ledger.ts), what the
//   rebuild check compares the kept rows with (server/services/exposure-rebuild.ts). Per dealer:
//   open orders = the ledger's open order value, receivables = its outstanding; per order: the
//   deposits allocated to it, the value invoiced, and what was settled on those invoices.
import type { Db } from '../store/db';
import type { DealerExposureTable, OrderExposureTable } from '../store/schema';
import { ExposureBook, type Exposure } from './exposure-book';
import { buildLedger } from './ledger';
import { loadLedgerSources } from './ledger-sources';

export type { Exposure } from './exposure-book';

/** The dealer's limit and what it uses now; undefined for a dealer that does not exist. */
export async function loadExposure(db: Db, dealerCode: string): Promise<Exposure | undefined> {
  return new ExposureBook(db).exposure(dealerCode);
}

interface LedgerExposure {
  dealers: Map<string, DealerExposureTable>;
  /** Orders with a deposit, a shipment or a settlement; others would be all zeros. */
  orders: Map<string, OrderExposureTable>;
}

/** Every dealer's and order's figures as the ledger has them now. */
export async function ledgerExposure(db: Db): Promise<LedgerExposure> {
  const sources = await loadLedgerSources(db);
  const ledger = buildLedger(sources);
  const dealers = new Map<string, DealerExposureTable>();
  for (const code of new Set([...sources.dealers.keys(), ...ledger.byDealer.keys()])) {
    const figures = ledger.byDealer.get(code);
    dealers.set(code, {
      dealer_code: code,
      credit_limit: sources.dealers.get(code)?.creditLimit ?? null,
      open_orders: figures?.openOrderValue ?? 0,
      receivables: figures?.summary.outstanding ?? 0,
    });
  }
  const orders = new Map<string, OrderExposureTable>();
  const order = (orderId: string, dealer: string) => {
    let row = orders.get(orderId);
    if (!row) {
      const dealerCode = sources.orders.get(orderId)?.dealerCode ?? dealer;
      row = { order_id: orderId, dealer_code: dealerCode, deposit: 0, shipped: 0, settled: 0 };
      orders.set(orderId, row);
    }
    return row;
  };
  const orderOfInvoice = (invoiceId: string) => ledger.invoices.get(invoiceId)?.orderId;
  for (const invoice of sources.invoices)
    if (invoice.orderId !== undefined)
      order(invoice.orderId, invoice.dealerCode).shipped += invoice.amount;
  for (const row of sources.allocations) {
    if (row.target_id === null) continue;
    if (row.target_kind === 'order-deposit')
      order(row.target_id, row.dealer_code).deposit += row.amount;
    const orderId = row.target_kind === 'invoice' ? orderOfInvoice(row.target_id) : undefined;
    if (orderId !== undefined)
      order(orderId, row.dealer_code).settled += row.amount + row.write_off_amount;
  }
  for (const note of sources.creditNotes) {
    const orderId = orderOfInvoice(note.invoice_id);
    if (orderId !== undefined) order(orderId, note.dealer_code).settled += note.amount;
  }
  return { dealers, orders };
}
