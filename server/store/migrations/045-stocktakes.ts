// Stocktake count lines (盘点, docs/stocktake.md): one row per location × count date × SKU, so a
// recount of the same location and date replaces the line instead of adding one. A line is
// pending until a manager approves the count; the approval stores the system quantity and the
// cost it posted at. Written with Kysely's schema builder only, so it runs on PostgreSQL too.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stocktake_lines')
    .addColumn('location_code', 'text', (c) => c.notNull())
    .addColumn('count_date', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('counted', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('system_quantity', 'integer')
    .addColumn('unit_cost', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text')
    .addColumn('posted_by', 'text')
    .addPrimaryKeyConstraint('stocktake_lines_pk', ['location_code', 'count_date', 'sku_code'])
    .execute();
  await db.schema
    .createIndex('stocktake_lines_row_key')
    .on('stocktake_lines')
    .column('row_key')
    .execute();
}
