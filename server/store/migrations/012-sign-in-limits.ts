// Failed sign-ins counted per user name and per client address (server/services/sign-in-limits.ts),
// in the store so every instance sharing it sees the same counts and lockouts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sign_in_failures (
    subject TEXT PRIMARY KEY, failures INTEGER NOT NULL, first_at TEXT NOT NULL,
    locked_until TEXT NOT NULL)`.execute(db);
}
