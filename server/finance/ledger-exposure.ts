// One dealer's credit exposure — receivables outstanding + open (unshipped) order value, what
// the credit check of every order push reads — in a few
// indexed queries over that dealer's rows, instead of building the whole ledger. It equals the
// ledger's outstanding + openOrderValue (ledger.ts) because:
//   open orders = Σ (quantity − shipped) × price over the dealer's lines not cancelled;
//   invoiced    = Σ shipped × price over its lines (an invoice per shipment; shipments are
//                 immutable, and the line's shipped quantity is their sum);
//   outstanding = invoiced − allocations, write-offs and credit notes (红字) against its
//                 invoices − deposits moved onto invoices. The ledger moves an order's deposit onto the order's invoices
//                 oldest first, capped by what each still owes; in total that is
//                 min(deposit, shipped value − settled), whatever the order, since the
//                 allocation and credit-note checks keep each invoice's own settlements within
//                 its amount.
import { sql } from 'kysely';
import type { Db } from '../store/db';
import { jsonInt, jsonText } from '../store/dialect';
import { fin } from './tables';

export interface Exposure {
  limit: number;
  used: number;
}

const CHUNK = 500;
const num = (value: unknown) => (typeof value === 'number' ? value : 0);

async function creditLimitOf(db: Db, dealerCode: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('records')
    .select(jsonInt(db, 'data', 'creditLimit').as('creditLimit'))
    .where('dataset', '=', 'dealers')
    .where('id', '=', dealerCode)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  return row === undefined ? undefined : num(row.creditLimit);
}

async function lineTotals(db: Db, dealerCode: string) {
  const row = await db
    .selectFrom('order_lines')
    .select(
      sql<number>`coalesce(sum(CASE WHEN cancelled = 0 THEN (quantity - shipped_qty) * unit_price ELSE 0 END), 0)`.as(
        'open',
      ),
    )
    .select(sql<number>`coalesce(sum(shipped_qty * unit_price), 0)`.as('invoiced'))
    .where('dealer_code', '=', dealerCode)
    .executeTakeFirstOrThrow();
  return { open: row.open, invoiced: row.invoiced };
}

async function settledOnInvoices(db: Db, dealerCode: string): Promise<number> {
  const row = await fin(db)
    .selectFrom('fin_allocations')
    .select(sql<number>`coalesce(sum(amount + write_off_amount), 0)`.as('settled'))
    .where('dealer_code', '=', dealerCode)
    .where('target_kind', '=', 'invoice')
    .where('deleted', '=', 0)
    .executeTakeFirstOrThrow();
  const credited = await fin(db)
    .selectFrom('fin_credit_notes')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('credited'))
    .where('dealer_code', '=', dealerCode)
    .where('deleted', '=', 0)
    .executeTakeFirstOrThrow();
  return row.settled + credited.credited;
}

/** Per order of the given ids: credit notes against its invoices (INV-<shipment id>). */
async function creditedByOrder(db: Db, dealerCode: string, ids: readonly string[]) {
  const result = await sql<{ order_id: string; amount: number }>`
    SELECT l.order_id, sum(c.amount) amount FROM fin_credit_notes c
    JOIN records r ON r.dataset = 'shipments' AND r.id = substr(c.invoice_id, 5)
    JOIN order_lines l ON l.id = ${jsonText(db, 'r.data', 'lineId')}
    WHERE c.dealer_code = ${dealerCode} AND c.deleted = 0 AND l.order_id IN (${sql.join(ids)})
    GROUP BY l.order_id`.execute(db);
  return result.rows;
}

/** Deposits (订金) received per order of the dealer. */
async function depositsOf(db: Db, dealerCode: string): Promise<Map<string, number>> {
  const rows = await fin(db)
    .selectFrom('fin_allocations')
    .select(['target_id'])
    .select(sql<number>`sum(amount)`.as('amount'))
    .where('dealer_code', '=', dealerCode)
    .where('target_kind', '=', 'order-deposit')
    .where('deleted', '=', 0)
    .groupBy('target_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.target_id === null ? [] : [[r.target_id, r.amount]])));
}

/** Per order: value shipped so far, and what was settled against its invoices. */
async function orderProgress(db: Db, dealerCode: string, orderIds: readonly string[]) {
  const shipped = new Map<string, number>();
  const settled = new Map<string, number>();
  for (let i = 0; i < orderIds.length; i += CHUNK) {
    const ids = orderIds.slice(i, i + CHUNK);
    const lines = await db
      .selectFrom('order_lines')
      .select('order_id')
      .select(sql<number>`sum(shipped_qty * unit_price)`.as('value'))
      .where('order_id', 'in', ids)
      .groupBy('order_id')
      .execute();
    for (const r of lines) shipped.set(r.order_id, r.value);
    const paid = await sql<{ order_id: string; amount: number }>`
      SELECT l.order_id, sum(a.amount + a.write_off_amount) amount FROM fin_allocations a
      JOIN records r ON r.dataset = 'shipments' AND r.id = substr(a.target_id, 5)
      JOIN order_lines l ON l.id = ${jsonText(db, 'r.data', 'lineId')}
      WHERE a.dealer_code = ${dealerCode} AND a.target_kind = 'invoice' AND a.deleted = 0
        AND l.order_id IN (${sql.join(ids)})
      GROUP BY l.order_id`.execute(db);
    for (const r of paid.rows) settled.set(r.order_id, r.amount);
    for (const r of await creditedByOrder(db, dealerCode, ids))
      settled.set(r.order_id, (settled.get(r.order_id) ?? 0) + r.amount);
  }
  return { shipped, settled };
}

/** Deposits moved onto invoices: per order, min(deposit, shipped value − settled). */
async function depositsMoved(db: Db, dealerCode: string): Promise<number> {
  const deposits = await depositsOf(db, dealerCode);
  if (deposits.size === 0) return 0;
  const { shipped, settled } = await orderProgress(db, dealerCode, [...deposits.keys()]);
  let moved = 0;
  for (const [orderId, deposit] of deposits) {
    const room = (shipped.get(orderId) ?? 0) - (settled.get(orderId) ?? 0);
    moved += Math.min(deposit, Math.max(0, room));
  }
  return moved;
}

/** The dealer's limit and what it uses now; undefined for a dealer that does not exist. */
export async function loadExposure(db: Db, dealerCode: string): Promise<Exposure | undefined> {
  const limit = await creditLimitOf(db, dealerCode);
  if (limit === undefined) return undefined;
  const { open, invoiced } = await lineTotals(db, dealerCode);
  const settled = await settledOnInvoices(db, dealerCode);
  const moved = await depositsMoved(db, dealerCode);
  return { limit, used: open + invoiced - settled - moved };
}
