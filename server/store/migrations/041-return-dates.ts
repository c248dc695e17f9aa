// Net sell-in (docs/returns.md): the analysis subtracts posted return lines by return date
// (targets, achievement, grading, fair guidance, the 进销存 check), so return lines are read by
// date range as shipments are. Kysely's schema builder only, so it runs on PostgreSQL too.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('return_lines_date').on('return_lines').column('date').execute();
}
