// Data functions over `dealer_reports` (migration 050), each taking the database first. A report
// is named by dealer|SKU|period, so pushing the period again finds and replaces it.
import type { Db } from '../store/db';
import type { DealerReportsTable } from '../store/schema';

const CHUNK = 500;

export const reportId = (dealer: string, sku: string, period: string) =>
  `${dealer}|${sku}|${period}`;

async function loadBy(db: Db, column: 'id' | 'row_key', values: readonly string[]) {
  const unique = [...new Set(values)];
  const found: DealerReportsTable[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    found.push(
      ...(await db
        .selectFrom('dealer_reports')
        .selectAll()
        .where(column, 'in', unique.slice(i, i + CHUNK))
        .execute()),
    );
  }
  return found;
}

export async function reportsById(db: Db, ids: readonly string[]) {
  return new Map((await loadBy(db, 'id', ids)).map((r) => [r.id, r]));
}

/** Live reports by the row key that last wrote them (a delete names only its row key). */
export async function reportsByRowKey(db: Db, keys: readonly string[]) {
  const rows = await loadBy(db, 'row_key', keys);
  return new Map(rows.filter((r) => r.deleted === 0).map((r) => [r.row_key, r]));
}

const updatable = [
  'row_key',
  'units_sold',
  'closing_stock',
  'opening_stock',
  'scope_region',
  'deleted',
  'version',
  'change_seq',
  'updated_at',
  'updated_by',
] as const;

export async function saveReports(db: Db, rows: readonly DealerReportsTable[]) {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('dealer_reports')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) =>
            Object.fromEntries(updatable.map((name) => [name, eb.ref(`excluded.${name}`)])),
          ),
      )
      .execute();
  }
}

/** The report as the sheet holds it (dealerReportPullSchema). */
export function reportValues(row: DealerReportsTable): Record<string, unknown> {
  return {
    id: row.id,
    dealerCode: row.dealer_code,
    skuCode: row.sku_code,
    period: row.period,
    unitsSold: row.units_sold,
    closingStock: row.closing_stock,
    ...(row.opening_stock === null ? {} : { openingStock: row.opening_stock }),
  };
}
