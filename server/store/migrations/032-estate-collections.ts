// The sales office's money: collections (回款) recorded against a contract's payment schedule,
// and commission (佣金) statements a manager confirmed, with the lines they fixed. Lines of a
// month not yet confirmed are computed on every pull; confirming stores them, so a later 退房
// claws back exactly what was paid (docs/estate.md, "Collections" and "Commission").
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('est_collections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('row_key', 'text', (c) => c.notNull().unique())
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('consultant', 'text', (c) => c.notNull())
    .addColumn('collected_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('receipt_no', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('est_collections_contract')
    .on('est_collections')
    .columns(['contract_id', 'part'])
    .execute();
  await db.schema
    .createIndex('est_collections_seq')
    .on('est_collections')
    .column('change_seq')
    .execute();
  await db.schema
    .createIndex('est_collections_date')
    .on('est_collections')
    .columns(['project_code', 'collected_on'])
    .execute();
  await db.schema
    .createTable('est_commission_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('row_key', 'text', (c) => c.notNull().unique())
    .addColumn('consultant', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('est_commission_statements_month', ['consultant', 'month'])
    .execute();
  await db.schema
    .createTable('est_commission_lines')
    .addColumn('statement_id', 'text', (c) => c.notNull())
    .addColumn('contract_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('consultant', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('due_month', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('price', 'bigint', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('est_commission_lines_pk', ['statement_id', 'contract_id', 'stage'])
    .execute();
  await db.schema
    .createIndex('est_commission_lines_contract')
    .on('est_commission_lines')
    .column('contract_id')
    .execute();
}
