// Returns (退货, docs/returns.md): one row per return line, naming the shipment it returns, at
// the price that shipment was invoiced at, with its status (awaiting approval, posted,
// rejected) and the credit note and credit-balance allocation it produced. The index on
// shipment_id makes a return's cap (shipped − already returned) a lookup by key.
// Written with Kysely's schema builder only, so the same migration runs on PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('return_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('row_key', 'text', (c) => c.notNull().unique())
    .addColumn('dealer_code', 'text', (c) => c.notNull())
    .addColumn('return_ref', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('shipment_id', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('disposition', 'text', (c) => c.notNull())
    .addColumn('location_code', 'text')
    .addColumn('remark', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('credit_note_id', 'text')
    .addColumn('credit_balance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('return_lines_seq').on('return_lines').column('change_seq').execute();
  await db.schema
    .createIndex('return_lines_shipment')
    .on('return_lines')
    .column('shipment_id')
    .execute();
  await db.schema
    .createIndex('return_lines_doc')
    .on('return_lines')
    .columns(['dealer_code', 'return_ref'])
    .execute();
}
