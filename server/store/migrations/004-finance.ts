// Finance tables: bank receipts unique by their bank-line fingerprint, allocations
// (which also hold deposits 订金, credit balance 预收 and tolerance write-offs), and payer aliases.
// Each carries version and change_seq so pulls send only what changed.
import { sql, type Kysely } from 'kysely';
import { ddl } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = ddl(db);
  await sql`CREATE TABLE fin_receipts (
    id TEXT PRIMARY KEY, row_key TEXT NOT NULL UNIQUE, fingerprint TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL, payer_name TEXT NOT NULL, payer_account TEXT, amount ${t.int} NOT NULL CHECK (amount > 0),
    bank_ref TEXT, remark TEXT, allocated ${t.int} NOT NULL DEFAULT 0, dealer_codes TEXT NOT NULL DEFAULT '',
    deleted ${t.int} NOT NULL DEFAULT 0, version ${t.int} NOT NULL, change_seq ${t.int} NOT NULL,
    created_at TEXT NOT NULL, created_by TEXT NOT NULL, workbook_id TEXT NOT NULL,
    CHECK (allocated >= 0 AND allocated <= amount))`.execute(db);
  await sql`CREATE INDEX fin_receipts_seq ON fin_receipts (change_seq)`.execute(db);
  await sql`CREATE TABLE fin_allocations (
    id TEXT PRIMARY KEY, row_key TEXT NOT NULL UNIQUE, receipt_id TEXT REFERENCES fin_receipts(id),
    target_kind TEXT NOT NULL, target_id TEXT, dealer_code TEXT NOT NULL, amount ${t.int} NOT NULL CHECK (amount > 0),
    write_off_amount ${t.int} NOT NULL DEFAULT 0 CHECK (write_off_amount >= 0), write_off_reason TEXT,
    remark TEXT, source TEXT NOT NULL, deleted ${t.int} NOT NULL DEFAULT 0, version ${t.int} NOT NULL,
    change_seq ${t.int} NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX fin_allocations_seq ON fin_allocations (change_seq)`.execute(db);
  await sql`CREATE INDEX fin_allocations_receipt ON fin_allocations (receipt_id)`.execute(db);
  await sql`CREATE INDEX fin_allocations_target ON fin_allocations (target_kind, target_id)`.execute(
    db,
  );
  await sql`CREATE TABLE fin_payer_aliases (
    id TEXT PRIMARY KEY, row_key TEXT NOT NULL UNIQUE, dealer_code TEXT NOT NULL, payer_account TEXT,
    payer_name TEXT, source TEXT NOT NULL, deleted ${t.int} NOT NULL DEFAULT 0, version ${t.int} NOT NULL,
    change_seq ${t.int} NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX fin_payer_aliases_seq ON fin_payer_aliases (change_seq)`.execute(db);
}
