// Data functions of the stocktake count lines (table stocktake_lines, docs/stocktake.md) and the
// system quantity as of a cut-off, read from the stock ledger. Each takes the database first.
import { bulkWriter } from '../store/bulk';
import type { Db } from '../store/db';
import type { StocktakeLinesTable } from '../store/schema';

export type LineRow = StocktakeLinesTable;

/** A count: one location's lines of one count date. */
export interface CountKey {
  location: string;
  date: string;
}

export const countKey = (c: CountKey) => `${c.location}|${c.date}`;
export const lineKey = (c: CountKey, sku: string) => `${c.location}|${c.date}|${sku}`;

/** The lines of the counts named, keyed location|date|sku. */
export async function linesOf(db: Db, counts: readonly CountKey[]): Promise<Map<string, LineRow>> {
  const lines = new Map<string, LineRow>();
  for (const count of new Map(counts.map((c) => [countKey(c), c])).values()) {
    const rows = await db
      .selectFrom('stocktake_lines')
      .selectAll()
      .where('location_code', '=', count.location)
      .where('count_date', '=', count.date)
      .execute();
    for (const row of rows) lines.set(lineKey(count, row.sku_code), row);
  }
  return lines;
}

/** Counts (location × date) within the pull's filters, in date order. */
export async function countsWithin(
  db: Db,
  filter: { location?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<CountKey[]> {
  let query = db.selectFrom('stocktake_lines').select(['location_code', 'count_date']).distinct();
  if (filter.location) query = query.where('location_code', '=', filter.location);
  if (filter.from) query = query.where('count_date', '>=', filter.from);
  if (filter.to) query = query.where('count_date', '<=', filter.to);
  const rows = await query.orderBy('count_date').orderBy('location_code').execute();
  return rows.map((r) => ({ location: r.location_code, date: r.count_date }));
}

/** Writes lines, replacing any line of the same location, date and SKU. */
export const saveLines = bulkWriter({
  table: 'stocktake_lines',
  columns: [
    'location_code',
    'count_date',
    'sku_code',
    'row_key',
    'counted',
    'status',
    'system_quantity',
    'unit_cost',
    'version',
    'change_seq',
    'updated_at',
    'updated_by',
    'posted_at',
    'posted_by',
  ],
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.columns(['location_code', 'count_date', 'sku_code']).doUpdateSet((eb) => ({
        row_key: eb.ref('excluded.row_key'),
        counted: eb.ref('excluded.counted'),
        status: eb.ref('excluded.status'),
        system_quantity: eb.ref('excluded.system_quantity'),
        unit_cost: eb.ref('excluded.unit_cost'),
        version: eb.ref('excluded.version'),
        change_seq: eb.ref('excluded.change_seq'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
        posted_at: eb.ref('excluded.posted_at'),
        posted_by: eb.ref('excluded.posted_by'),
      })),
    ),
});

/** Removes a pending line a keeper deleted from the sheet. */
export async function dropLine(db: Db, line: LineRow): Promise<void> {
  await db
    .deleteFrom('stocktake_lines')
    .where('location_code', '=', line.location_code)
    .where('count_date', '=', line.count_date)
    .where('sku_code', '=', line.sku_code)
    .execute();
}

/**
 * On hand per SKU at `location` as of the end of `cutOff`: today's balance less every ledger
 * change dated after the cut-off. A movement after the cut-off is thereby left standing when the
 * variance posts (docs/stocktake.md, "Movements after the cut-off").
 */
export async function systemAsOf(db: Db, count: CountKey): Promise<Map<string, number>> {
  const system = new Map<string, number>();
  const balances = await db
    .selectFrom('stock_balances')
    .select(['sku_code', 'on_hand'])
    .where('location_code', '=', count.location)
    // By SKU, whatever the plan: the count sheet and the demo's counts follow this order.
    .orderBy('sku_code')
    .execute();
  for (const b of balances) system.set(b.sku_code, b.on_hand);
  const later = await db
    .selectFrom('stock_ledger')
    .select((eb) => ['sku_code', eb.fn.sum<number | string>('on_hand_delta').as('delta')])
    .where('location_code', '=', count.location)
    .where('business_date', '>', count.date)
    .groupBy('sku_code')
    .execute();
  for (const row of later)
    system.set(row.sku_code, (system.get(row.sku_code) ?? 0) - Number(row.delta));
  return system;
}
