// Idempotency keys carry who runs them and until when (server/sync/idempotency.ts): the owning
// server instance and a lease its request renews while it runs. A key whose lease ran out, or
// that a restarted instance finds under its own name, belonged to a process that died mid-push
// and is released, so the client's retry runs instead of meeting 409 for minutes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE idempotency ADD COLUMN owner TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE idempotency ADD COLUMN lease_until TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX idempotency_running ON idempotency (state, owner)`.execute(db);
}
