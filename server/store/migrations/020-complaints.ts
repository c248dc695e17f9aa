// The complaint log (客诉, shared/complaints/): one row per complaint, versioned like every
// document so pulls send only what changed. Times are ISO-8601 UTC text, which sorts and
// compares in time order, so the overdue query is a plain comparison on both SQLite and
// PostgreSQL. The due times are stored as computed when the complaint was logged.
// Written with Kysely's schema builder only, so the same migration runs on PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('row_key', 'text', (c) => c.notNull().unique())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('dealer_code', 'text')
    .addColumn('consumer_name', 'text')
    .addColumn('consumer_phone', 'text')
    .addColumn('region_code', 'text')
    .addColumn('scope_region', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('batch_code', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('first_response_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('fix', 'text')
    .addColumn('first_response_due', 'text', (c) => c.notNull())
    .addColumn('resolution_due', 'text', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaints_seq').on('complaints').column('change_seq').execute();
  await db.schema
    .createIndex('complaints_open')
    .on('complaints')
    .columns(['deleted', 'resolved_at'])
    .execute();
}
