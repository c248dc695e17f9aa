// Dealer sell-out reports (docs/sell-out.md): one row per dealer × SKU × period, replaced when the
// period is pushed again (the replacement is audited), versioned so pulls send only what
// changed; and the reasons given for 进销存 differences, kept with the difference they explain
// so a later change of the figures reopens the row. Periods carry their first and last business
// date (ISO text) so the check orders them and finds the sell-in between them by comparison.
// Written with Kysely's schema builder only, so the same migration runs on PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dealer_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('dealer_code', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('units_sold', 'integer', (c) => c.notNull())
    .addColumn('closing_stock', 'integer', (c) => c.notNull())
    .addColumn('opening_stock', 'integer')
    .addColumn('scope_region', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dealer_reports_seq')
    .on('dealer_reports')
    .column('change_seq')
    .execute();
  await db.schema
    .createIndex('dealer_reports_row_key')
    .on('dealer_reports')
    .column('row_key')
    .execute();
  await db.schema
    .createIndex('dealer_reports_flow')
    .on('dealer_reports')
    .columns(['dealer_code', 'sku_code', 'period_start'])
    .execute();
  await db.schema
    .createTable('stock_difference_reasons')
    .addColumn('report_id', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('difference', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
