// The sales office's tables: units (the 销控表) and its documents (holds, subscriptions,
// contracts in one table, `kind` telling them apart). A partial unique index allows one active
// document per unit, so two sellers can never both hold the same flat whatever the code above
// does (docs/estate.md, "One active document per unit"). Built with Kysely's schema builder:
// plain TEXT/INTEGER columns and a partial index, the same on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('est_units')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('row_key', 'text', (c) => c.notNull().unique())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('building_code', 'text', (c) => c.notNull())
    .addColumn('entrance', 'text')
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('gross_area', 'integer', (c) => c.notNull())
    .addColumn('net_area', 'integer', (c) => c.notNull())
    .addColumn('layout', 'text')
    .addColumn('orientation', 'text')
    .addColumn('list_unit_price', 'bigint', (c) => c.notNull())
    .addColumn('list_total', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reserve_reason', 'text')
    .addColumn('reserve_until', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('est_units_seq').on('est_units').column('change_seq').execute();
  await db.schema
    .createTable('est_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('building_code', 'text', (c) => c.notNull())
    .addColumn('consultant', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('gross_area', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('price', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('doc_date', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('source_id', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('est_documents_kind_key', ['kind', 'row_key'])
    .execute();
  await db.schema
    .createIndex('est_documents_one_active')
    .on('est_documents')
    .column('unit_code')
    .unique()
    .where(sql.ref('active'), '=', 1)
    .execute();
  await db.schema
    .createIndex('est_documents_seq')
    .on('est_documents')
    .columns(['kind', 'change_seq'])
    .execute();
  await db.schema
    .createIndex('est_documents_date')
    .on('est_documents')
    .columns(['project_code', 'doc_date'])
    .execute();
}
