// A natural key (a region's code) is unique among live records only: a record deleted in Excel
// and typed again under a new row key is a new record, while its tombstone stays for the pulls
// that must still tell clients about the delete.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX records_id`.execute(db);
  await sql`CREATE UNIQUE INDEX records_live_id ON records (dataset, id) WHERE deleted = 0`.execute(
    db,
  );
  await sql`CREATE INDEX records_id ON records (dataset, id)`.execute(db);
}
