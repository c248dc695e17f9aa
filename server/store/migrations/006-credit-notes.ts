// Credit notes (红字/折让/退货贷项): their own table rather than a kind of
// allocation, because a credit note has a date and a reason and no receipt, and the allocations
// pull, receipt totals and deposit checks would otherwise each have to learn to skip them.
// Versioned like every finance table, so pulls send only what changed.
import { sql, type Kysely } from 'kysely';
import { ddl } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = ddl(db);
  await sql`CREATE TABLE fin_credit_notes (
    id TEXT PRIMARY KEY, row_key TEXT NOT NULL UNIQUE, date TEXT NOT NULL, dealer_code TEXT NOT NULL,
    invoice_id TEXT NOT NULL, amount ${t.int} NOT NULL CHECK (amount > 0), reason TEXT NOT NULL,
    remark TEXT, deleted ${t.int} NOT NULL DEFAULT 0, version ${t.int} NOT NULL,
    change_seq ${t.int} NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX fin_credit_notes_seq ON fin_credit_notes (change_seq)`.execute(db);
  await sql`CREATE INDEX fin_credit_notes_dealer ON fin_credit_notes (dealer_code, deleted)`.execute(
    db,
  );
  await sql`CREATE INDEX fin_credit_notes_invoice ON fin_credit_notes (invoice_id)`.execute(db);
}
