// Each dealer's credit exposure — open (unshipped) order value and receivables outstanding — kept
// up to date by the writers, in the push's transaction, so the credit check of an order reads
// one row (dealer_exposure) however long the dealer's history is. A writer opens a book, tells it
// what it changes (order lines, allocations, credit notes) as it goes, and flushes it once before
// its push ends; the credit check reads the stored row plus what the book holds unflushed, so a
// later order of the same push sees what an earlier one took.
//
// The figures are the ledger's (server/finance/ledger.ts), kept by deltas:
//   open orders = Σ (quantity − shipped) × price over the dealer's lines not cancelled;
//   receivables = invoiced (Σ shipped × price) − allocations, write-offs and credit notes (红字)
//                 against its invoices − deposits moved onto invoices.
// The ledger moves an order's deposit onto the order's invoices oldest first, capped by what each
// still owes; in total min(deposit, shipped value − settled), since the allocation and
// credit-note checks keep each invoice's settlements within its amount. order_exposure keeps
// those three figures per order, so a change to one of them moves the dealer's receivables by
// the change of that minimum. `npm run cli -- exposure rebuild` recomputes both tables from the
// ledger and compares (server/services/exposure-rebuild.ts).
//
// On SQLite writers are serialised. On PostgreSQL the increments are safe as they are (an
// UPDATE … SET x = x + delta locks the row); order_exposure rows are read and rewritten under an
// advisory lock per order, and an orders push holds a lock per dealer from its first credit
// check to its commit (orders.ts), so two instances never pass the same headroom twice. A
// shipment leaves what a dealer uses unchanged and a payment lowers it, so a check that misses
// a concurrent one errs on the safe side (only undoing a payment raises it).
import type { Db } from '../store/db';
import { bulkWriter } from '../store/bulk';
import type { WriteTarget } from '../store/write-queue';
import { lockKeys, lockSpace } from '../store/locks';
import type { DealerExposureTable, OrderExposureTable } from '../store/schema';
import { recordsById } from '../datasets/records-store';
import { shipmentLineIds } from '../datasets/shipment-records';
import { inChunks } from '../store/chunks';
import type { FinAllocationsTable, FinCreditNotesTable } from './tables';

export interface Exposure {
  limit: number;
  used: number;
}

/** The part of an order line that its exposure depends on, before or after a write. */
interface LineMoney {
  quantity: number;
  shippedQty: number;
  unitPrice: number;
  cancelled: boolean;
}

/** What an order contributes to the deposit moved onto its invoices. */
export interface OrderFigures {
  deposit: number;
  shipped: number;
  settled: number;
}

const openValue = (line: LineMoney) =>
  line.cancelled ? 0 : (line.quantity - line.shippedQty) * line.unitPrice;
const shippedValue = (line: LineMoney) => line.shippedQty * line.unitPrice;

/** The deposit moved onto an order's invoices: what they still owe, at most the deposit. */
const depositMoved = (order: OrderFigures) =>
  Math.min(order.deposit, Math.max(0, order.shipped - order.settled));

const addToDealers = bulkWriter({
  table: 'dealer_exposure',
  columns: ['dealer_code', 'credit_limit', 'open_orders', 'receivables'],
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.column('dealer_code').doUpdateSet((eb) => ({
        open_orders: eb('dealer_exposure.open_orders', '+', eb.ref('excluded.open_orders')),
        receivables: eb('dealer_exposure.receivables', '+', eb.ref('excluded.receivables')),
      })),
    ),
});

export const writeOrderExposure = bulkWriter({
  table: 'order_exposure',
  columns: ['order_id', 'dealer_code', 'deposit', 'shipped', 'settled'],
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.column('order_id').doUpdateSet((eb) => ({
        deposit: eb.ref('excluded.deposit'),
        shipped: eb.ref('excluded.shipped'),
        settled: eb.ref('excluded.settled'),
      })),
    ),
});

const writeLimits = bulkWriter({
  table: 'dealer_exposure',
  columns: ['dealer_code', 'credit_limit', 'open_orders', 'receivables'],
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.column('dealer_code').doUpdateSet((eb) => ({
        credit_limit: eb.ref('excluded.credit_limit'),
      })),
    ),
});

interface DealerDelta {
  open: number;
  receivables: number;
}

interface OrderDelta extends OrderFigures {
  dealer: string;
}

export class ExposureBook {
  private readonly dealers = new Map<string, DealerDelta>();
  private readonly orders = new Map<string, OrderDelta>();
  /** Settlements of invoices whose order is looked up when the book is flushed. */
  private readonly invoices = new Map<string, { dealer: string; amount: number }>();
  /** Rows read for the credit check, as stored when first read. */
  private readonly rows = new Map<string, DealerExposureTable | undefined>();

  constructor(private readonly trx: Db) {}

  /** An order line written: `before` as stored (null for a new line), `after` as written. */
  line(dealer: string, orderId: string, before: LineMoney | null, after: LineMoney): void {
    const open = openValue(after) - (before ? openValue(before) : 0);
    const shipped = shippedValue(after) - (before ? shippedValue(before) : 0);
    this.dealer(dealer, open, shipped);
    if (shipped !== 0) this.order(orderId, dealer).shipped += shipped;
  }

  /**
   * Units shipped above the ordered quantity (an over-delivery allowance, docs/returns.md): the
   * line's shipped quantity stops at the ordered one, but the invoice bills every unit shipped.
   */
  overDelivered(dealer: string, orderId: string, value: number): void {
    this.dealer(dealer, 0, value);
    if (value !== 0) this.order(orderId, dealer).shipped += value;
  }

  /** An allocation written: the stored row it replaces (if any) and the row written. */
  allocation(before: FinAllocationsTable | undefined, after: FinAllocationsTable): void {
    if (before && before.deleted === 0) this.allocationEffect(before, -1);
    if (after.deleted === 0) this.allocationEffect(after, 1);
  }

  /** A credit note written: the stored row it replaces (if any) and the row written. */
  creditNote(before: FinCreditNotesTable | undefined, after: FinCreditNotesTable): void {
    if (before && before.deleted === 0)
      this.settle(before.dealer_code, before.invoice_id, -before.amount);
    if (after.deleted === 0) this.settle(after.dealer_code, after.invoice_id, after.amount);
  }

  /** The dealer's limit and what it uses, with this book's unflushed changes; undefined when no live dealer has the code. */
  async exposure(dealerCode: string): Promise<Exposure | undefined> {
    if (!this.rows.has(dealerCode)) {
      const row = await this.trx
        .selectFrom('dealer_exposure')
        .selectAll()
        .where('dealer_code', '=', dealerCode)
        .executeTakeFirst();
      this.rows.set(dealerCode, row);
    }
    const row = this.rows.get(dealerCode);
    if (row === undefined || row.credit_limit === null) return undefined;
    const pending = this.dealers.get(dealerCode);
    const used =
      row.open_orders + row.receivables + (pending?.open ?? 0) + (pending?.receivables ?? 0);
    return { limit: row.credit_limit, used };
  }

  /**
   * Writes what the book holds: orders' figures, then the dealers' increments — the writes now,
   * or into the transaction's WriteQueue when given one (its reads still run now).
   */
  async flush(target: WriteTarget = this.trx): Promise<void> {
    await this.placeInvoices();
    await this.flushOrders(target);
    const rows = [...this.dealers]
      .filter(([, d]) => d.open !== 0 || d.receivables !== 0)
      .map(([dealer_code, d]) => ({
        dealer_code,
        credit_limit: null,
        open_orders: d.open,
        receivables: d.receivables,
      }));
    await addToDealers(target, rows);
    this.dealers.clear();
    this.rows.clear();
  }

  private dealer(code: string, open: number, receivables: number): void {
    if (open === 0 && receivables === 0) return;
    const delta = this.dealers.get(code);
    if (delta) {
      delta.open += open;
      delta.receivables += receivables;
    } else this.dealers.set(code, { open, receivables });
  }

  private order(orderId: string, dealer: string): OrderDelta {
    let delta = this.orders.get(orderId);
    if (!delta) {
      delta = { dealer, deposit: 0, shipped: 0, settled: 0 };
      this.orders.set(orderId, delta);
    }
    return delta;
  }

  private allocationEffect(row: FinAllocationsTable, sign: 1 | -1): void {
    if (row.target_id === null) return;
    if (row.target_kind === 'invoice')
      this.settle(row.dealer_code, row.target_id, sign * (row.amount + row.write_off_amount));
    else if (row.target_kind === 'order-deposit')
      this.order(row.target_id, row.dealer_code).deposit += sign * row.amount;
  }

  private settle(dealer: string, invoiceId: string, amount: number): void {
    this.dealer(dealer, 0, -amount);
    const known = this.invoices.get(invoiceId);
    if (known) known.amount += amount;
    else this.invoices.set(invoiceId, { dealer, amount });
  }

  /**
   * Settlements count against the order whose shipment the invoice bills (INV-<shipment id>):
   * the shipment documents by id, then their lines; JSON is read here, not in SQL.
   */
  private async placeInvoices(): Promise<void> {
    if (this.invoices.size === 0) return;
    const shipmentIds = [...this.invoices.keys()].flatMap((id) =>
      id.startsWith('INV-') ? [id.slice(4)] : [],
    );
    const lineOf = await shipmentLineIds(this.trx, shipmentIds);
    const lines = await inChunks([...lineOf.values()], (ids) =>
      this.trx
        .selectFrom('order_lines')
        .select(['id', 'order_id'])
        .where('id', 'in', ids)
        .execute(),
    );
    const orderOf = new Map(lines.map((l) => [l.id, l.order_id]));
    for (const [invoiceId, { dealer, amount }] of this.invoices) {
      const line = lineOf.get(invoiceId.slice(4));
      const orderId = line === undefined ? undefined : orderOf.get(line);
      if (orderId !== undefined && amount !== 0) this.order(orderId, dealer).settled += amount;
    }
    this.invoices.clear();
  }

  private async flushOrders(target: WriteTarget): Promise<void> {
    const changed = [...this.orders].filter(
      ([, d]) => d.deposit !== 0 || d.shipped !== 0 || d.settled !== 0,
    );
    this.orders.clear();
    if (changed.length === 0) return;
    await lockKeys(
      this.trx,
      lockSpace.orderExposure,
      changed.map(([id]) => id),
    );
    const stored = await inChunks(
      changed.map(([id]) => id),
      (ids) =>
        this.trx.selectFrom('order_exposure').selectAll().where('order_id', 'in', ids).execute(),
    );
    const byId = new Map(stored.map((row) => [row.order_id, row]));
    const rows: OrderExposureTable[] = changed.map(([orderId, delta]) => {
      const before = byId.get(orderId);
      const old = before ?? { deposit: 0, shipped: 0, settled: 0 };
      const next = {
        order_id: orderId,
        dealer_code: before?.dealer_code ?? delta.dealer,
        deposit: old.deposit + delta.deposit,
        shipped: old.shipped + delta.shipped,
        settled: old.settled + delta.settled,
      };
      this.dealer(next.dealer_code, 0, -(depositMoved(next) - depositMoved(old)));
      return next;
    });
    await writeOrderExposure(target, rows);
  }
}

/**
 * Keeps dealer_exposure.credit_limit in step with the dealers written (master data): the limit
 * of a live dealer, null for a code no live dealer has any more.
 */
export async function refreshDealerLimits(trx: Db, codes: Iterable<string>): Promise<void> {
  const wanted = [...new Set(codes)];
  if (wanted.length === 0) return;
  const found = await recordsById(trx, 'dealers', wanted);
  await writeLimits(
    trx,
    wanted.map((code) => {
      const record = found.get(code);
      const limit = record && !record.deleted ? record.values.creditLimit : null;
      return {
        dealer_code: code,
        credit_limit: record && !record.deleted ? (typeof limit === 'number' ? limit : 0) : null,
        open_orders: 0,
        receivables: 0,
      };
    }),
  );
}
