// What the replenishment pull reads, in four grouped queries (each served by an index of
// migration 001 or 003): balances, open order quantities, shipments in the sales window, and
// the receipt layers (every on-hand increase, by day) for the FIFO stock age.
import { sql } from 'kysely';
import type { Db } from '../store/db';

export interface BalanceRow {
  location: string;
  sku: string;
  onHand: number;
  reserved: number;
  inTransit: number;
  lastMovement: string | null;
}

interface PairAmount {
  location: string;
  sku: string;
  quantity: number;
}

interface LayerRow extends PairAmount {
  date: string;
}

export const pairKey = (location: string, sku: string) => `${location}|${sku}`;

export async function selectBalances(db: Db, location: string | undefined): Promise<BalanceRow[]> {
  const where = location ? sql`WHERE location_code = ${location}` : sql``;
  const result = await sql<BalanceRow>`
    SELECT location_code AS location, sku_code AS sku, on_hand AS "onHand", reserved,
      in_transit AS "inTransit", last_movement_date AS "lastMovement"
    FROM stock_balances ${where}`.execute(db);
  return result.rows;
}

/** Ordered but not yet shipped, per location × SKU (cancelled lines excluded). */
export async function selectOpenOrders(db: Db): Promise<PairAmount[]> {
  const result = await sql<PairAmount>`
    SELECT location_code AS location, sku_code AS sku, SUM(quantity - shipped_qty) AS quantity
    FROM order_lines WHERE cancelled = 0 AND shipped_qty < quantity
    GROUP BY 1, 2`.execute(db);
  return result.rows;
}

/** Units shipped in (after, asOf]. */
export async function selectShipped(
  db: Db,
  range: { after: string; asOf: string },
): Promise<PairAmount[]> {
  const result = await sql<PairAmount>`
    SELECT location_code AS location, sku_code AS sku, -SUM(on_hand_delta) AS quantity
    FROM stock_ledger
    WHERE kind = 'shipment' AND business_date > ${range.after} AND business_date <= ${range.asOf}
    GROUP BY 1, 2`.execute(db);
  return result.rows;
}

/** On-hand increases by day up to asOf, oldest first per pair. */
export async function selectLayers(db: Db, asOf: string): Promise<LayerRow[]> {
  const result = await sql<LayerRow>`
    SELECT location_code AS location, sku_code AS sku, business_date AS date,
      SUM(on_hand_delta) AS quantity
    FROM stock_ledger WHERE on_hand_delta > 0 AND business_date <= ${asOf}
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`.execute(db);
  return result.rows;
}

/** Sums per pair. */
export function byPair(rows: readonly PairAmount[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const r of rows)
    map.set(pairKey(r.location, r.sku), (map.get(pairKey(r.location, r.sku)) ?? 0) + r.quantity);
  return map;
}

/** Layers grouped per pair, keeping their oldest-first order. */
export function layersByPair(
  rows: readonly LayerRow[],
): Map<string, { date: string; quantity: number }[]> {
  const map = new Map<string, { date: string; quantity: number }[]>();
  for (const r of rows) {
    const key = pairKey(r.location, r.sku);
    const list = map.get(key) ?? [];
    list.push({ date: r.date, quantity: r.quantity });
    map.set(key, list);
  }
  return map;
}
