// Showroom sample loans (借样, docs/samples.md): one row per loan, with the quantity settled so
// far (returned or written off) kept by the same transaction that settles it, so the overdue
// list reads open loans by due date and never the whole sample book. The loan documents
// themselves are `sample-moves` records. Kysely's schema builder only, for PostgreSQL too.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sample_loans')
    .addColumn('loan_ref', 'text', (c) => c.primaryKey())
    .addColumn('showroom_code', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('borrower_kind', 'text', (c) => c.notNull())
    .addColumn('borrower_code', 'text', (c) => c.notNull())
    .addColumn('loan_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('settled', 'integer', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sample_loans_open')
    .on('sample_loans')
    .columns(['is_open', 'due_date'])
    .execute();
}
