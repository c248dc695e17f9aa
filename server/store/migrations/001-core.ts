// The core tables: users and tokens, master data records, orders, the stock ledger and
// balances, the sync protocol's duplicate guards, and the audit trail.
import { sql, type Kysely } from 'kysely';
import { ddl, isPostgres } from '../dialect';
import { CHANGE_BLOCK } from '../change-blocks';

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = ddl(db);
  await sql`CREATE TABLE counters (name TEXT PRIMARY KEY, value ${t.int} NOT NULL)`.execute(db);
  await sql`INSERT INTO counters (name, value) VALUES ('change_seq', 0), ('horizon', 0)`.execute(
    db,
  );
  // PostgreSQL takes change numbers from a sequence, in blocks, instead of the counter row
  // (server/sync/changes.ts): writers never wait on each other for them.
  if (isPostgres(db))
    await sql`CREATE SEQUENCE change_seq_blocks AS BIGINT INCREMENT BY ${sql.raw(String(CHANGE_BLOCK))} MINVALUE 1 START WITH 1`.execute(
      db,
    );
  await sql`CREATE TABLE users (
    id ${t.serialKey}, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
    role TEXT NOT NULL, regions TEXT NOT NULL DEFAULT '[]', password_hash TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active', created_at TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY, user_id ${t.int} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL)`.execute(db);
  await sql`CREATE TABLE records (
    dataset TEXT NOT NULL, row_key TEXT NOT NULL, id TEXT NOT NULL, version ${t.int} NOT NULL,
    change_seq ${t.int} NOT NULL, deleted ${t.int} NOT NULL DEFAULT 0, data TEXT NOT NULL,
    updated_at TEXT NOT NULL, updated_by TEXT NOT NULL, PRIMARY KEY (dataset, row_key))`.execute(
    db,
  );
  await sql`CREATE UNIQUE INDEX records_id ON records (dataset, id)`.execute(db);
  await sql`CREATE INDEX records_seq ON records (dataset, change_seq)`.execute(db);
  await sql`CREATE TABLE orders (
    id TEXT PRIMARY KEY, dealer_code TEXT NOT NULL, order_ref TEXT NOT NULL, order_date TEXT NOT NULL,
    order_type TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
    UNIQUE (dealer_code, order_ref))`.execute(db);
  await sql`CREATE TABLE order_lines (
    id TEXT PRIMARY KEY, row_key TEXT NOT NULL UNIQUE, order_id TEXT NOT NULL REFERENCES orders(id),
    line_no ${t.int} NOT NULL, dealer_code TEXT NOT NULL, order_ref TEXT NOT NULL, order_date TEXT NOT NULL,
    order_type TEXT NOT NULL, sku_code TEXT NOT NULL, quantity ${t.int} NOT NULL CHECK (quantity > 0),
    unit_price ${t.int} NOT NULL CHECK (unit_price >= 0), location_code TEXT NOT NULL,
    requested_date TEXT, remark TEXT, shipped_qty ${t.int} NOT NULL DEFAULT 0 CHECK (shipped_qty >= 0),
    last_shipped_date TEXT, cancelled ${t.int} NOT NULL DEFAULT 0, version ${t.int} NOT NULL,
    change_seq ${t.int} NOT NULL, updated_at TEXT NOT NULL,
    CHECK (shipped_qty <= quantity))`.execute(db);
  await sql`CREATE INDEX order_lines_seq ON order_lines (change_seq)`.execute(db);
  await sql`CREATE INDEX order_lines_order ON order_lines (order_id)`.execute(db);
  await sql`CREATE INDEX order_lines_dealer_date ON order_lines (dealer_code, order_date)`.execute(
    db,
  );
  await sql`CREATE TABLE stock_balances (
    location_code TEXT NOT NULL, sku_code TEXT NOT NULL,
    on_hand ${t.int} NOT NULL DEFAULT 0, reserved ${t.int} NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    in_transit ${t.int} NOT NULL DEFAULT 0 CHECK (in_transit >= 0), last_movement_date TEXT,
    version ${t.int} NOT NULL, change_seq ${t.int} NOT NULL,
    PRIMARY KEY (location_code, sku_code), CHECK (on_hand >= reserved))`.execute(db);
  await sql`CREATE INDEX stock_balances_seq ON stock_balances (change_seq)`.execute(db);
  await sql`CREATE TABLE stock_ledger (
    id ${t.serialKey}, created_at TEXT NOT NULL, business_date TEXT NOT NULL,
    kind TEXT NOT NULL, location_code TEXT NOT NULL, sku_code TEXT NOT NULL,
    on_hand_delta ${t.int} NOT NULL, reserved_delta ${t.int} NOT NULL, in_transit_delta ${t.int} NOT NULL,
    ref TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX stock_ledger_loc_sku ON stock_ledger (location_code, sku_code)`.execute(
    db,
  );
  await sql`CREATE TABLE idempotency (
    user_id ${t.int} NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, state TEXT NOT NULL,
    status_code ${t.int} NOT NULL, response TEXT, created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, key))`.execute(db);
  await sql`CREATE TABLE applied_mutations (
    client_id TEXT NOT NULL, mutation_id TEXT NOT NULL, dataset TEXT NOT NULL, result TEXT NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY (client_id, mutation_id))`.execute(db);
  await sql`CREATE TABLE audit (
    id ${t.serialKey}, at TEXT NOT NULL, username TEXT NOT NULL, role TEXT NOT NULL,
    workbook_id TEXT NOT NULL, client_id TEXT NOT NULL, dataset TEXT NOT NULL, record_key TEXT NOT NULL,
    record_id TEXT NOT NULL, version ${t.int} NOT NULL, action TEXT NOT NULL, before TEXT, after TEXT)`.execute(
    db,
  );
  await sql`CREATE INDEX audit_record ON audit (dataset, record_id)`.execute(db);
  await sql`CREATE INDEX audit_key ON audit (dataset, record_key)`.execute(db);
}
