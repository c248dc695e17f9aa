// Shipped quantities and amounts (fen, quantity × the line's unit price) from the `shipments`
// documents joined to their order lines. "Actual sales" in targets, achievement, grading and
// fair guidance means net sell-in: shipped (发货), not ordered — an order can still be cut or
// cancelled, a shipment is what the dealer was invoiced for — less what the dealer returned
// (posted return lines, by return date, at the price the return credits; docs/returns.md).
// Date ranges are inclusive business dates; the partial expression index of migration 003
// serves the shipments' date range, migration 041's index the returns'.
import { sql } from 'kysely';
import type { Db } from '../store/db';
import { liveShipmentsWithLines, shipmentColumns } from '../datasets/shipment-records';
import { postedReturnsIn } from './returned';

interface DealerMonthAmount {
  dealer: string;
  month: string;
  amount: number;
}

export interface DealerSkuShipped {
  dealer: string;
  sku: string;
  quantity: number;
}

const shipments = (db: Db) => {
  const columns = shipmentColumns(db);
  return { date: columns.date, quantity: columns.quantity, from: liveShipmentsWithLines(db) };
};

/** Net sell-in amount per dealer and month 'YYYY-MM' within [from, to]: shipped − returned. */
export async function shippedByDealerMonth(
  db: Db,
  range: { from: string; to: string },
): Promise<DealerMonthAmount[]> {
  const s = shipments(db);
  // PostgreSQL answers SUM as text (bigint); the rows are turned into numbers below.
  const result = await sql<{ dealer: string; month: string; amount: number | string }>`
    SELECT dealer, month, SUM(amount) AS amount FROM (
      SELECT l.dealer_code AS dealer, substr(${s.date}, 1, 7) AS month,
        ${s.quantity} * l.unit_price AS amount
      ${s.from} AND ${s.date} BETWEEN ${range.from} AND ${range.to}
      UNION ALL
      SELECT rl.dealer_code, substr(rl.date, 1, 7), -rl.quantity * rl.unit_price
      ${postedReturnsIn(range)}) t
    GROUP BY dealer, month
    ORDER BY dealer, month`.execute(db);
  return result.rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}

/** Net sell-in units per dealer and SKU within [from, to]: shipped − returned. */
export async function shippedByDealerSku(
  db: Db,
  range: { from: string; to: string },
): Promise<DealerSkuShipped[]> {
  const s = shipments(db);
  const result = await sql<{ dealer: string; sku: string; quantity: number | string }>`
    SELECT dealer, sku, SUM(quantity) AS quantity FROM (
      SELECT l.dealer_code AS dealer, l.sku_code AS sku, ${s.quantity} AS quantity
      ${s.from} AND ${s.date} BETWEEN ${range.from} AND ${range.to}
      UNION ALL
      SELECT rl.dealer_code, rl.sku_code, -rl.quantity ${postedReturnsIn(range)}) t
    GROUP BY dealer, sku
    ORDER BY dealer, sku`.execute(db);
  return result.rows.map((r) => ({ ...r, quantity: Number(r.quantity) }));
}

/** Twelve monthly totals (January first) per dealer for one year. */
export function monthlyByDealer(rows: readonly DealerMonthAmount[]): Map<string, number[]> {
  const byDealer = new Map<string, number[]>();
  for (const row of rows) {
    const months = byDealer.get(row.dealer) ?? Array.from({ length: 12 }, () => 0);
    const index = Number(row.month.slice(5, 7)) - 1;
    months[index] = (months[index] ?? 0) + row.amount;
    byDealer.set(row.dealer, months);
  }
  return byDealer;
}

export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

interface DealerSkuDayShipped extends DealerSkuShipped {
  date: string;
}

/** Shipped units per dealer, SKU and shipping date within [from, to] (the 进销存 check's sell-in). */
export async function shippedByDealerSkuDate(
  db: Db,
  range: { from: string; to: string; dealer?: string },
): Promise<DealerSkuDayShipped[]> {
  const s = shipments(db);
  const dealer = range.dealer === undefined ? sql`` : sql`AND l.dealer_code = ${range.dealer}`;
  // PostgreSQL answers SUM as text (bigint); the rows are turned into numbers below.
  const result = await sql<Omit<DealerSkuDayShipped, 'quantity'> & { quantity: number | string }>`
    SELECT l.dealer_code AS dealer, l.sku_code AS sku, ${s.date} AS date,
      SUM(${s.quantity}) AS quantity
    ${s.from} AND ${s.date} BETWEEN ${range.from} AND ${range.to} ${dealer}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3`.execute(db);
  return result.rows.map((r) => ({ ...r, quantity: Number(r.quantity) }));
}
