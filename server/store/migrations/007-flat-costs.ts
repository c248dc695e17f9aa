// Costs that stay flat as history grows:
// - dealer_exposure: each dealer's credit limit, open (unshipped) order value and receivables
//   outstanding, kept up to date by the writers of orders, shipments, allocations and credit
//   notes, so the credit check reads one row (server/finance/exposure-book.ts); order_exposure
//   holds per order what moving its deposit onto its invoices needs (deposit, shipped value,
//   settled). Both are filled from the ledger once the migrations ran (store/open.ts) and can
//   be checked and rebuilt with `npm run cli -- exposure rebuild [--repair]`.
// - records.category (products) and records.region_code (dealers) as real columns, so a pull
//   filtered by category or region looks up the product or dealer of each row it reads (by the
//   records_id index) instead of reading every product or dealer; filled here from the JSON.
// - orders by reference: a push finds the orders its lines name by (dealer, reference) pairs
//   from a list of references, which the (dealer_code, order_ref) key cannot serve alone;
// - indexes on created_at of the stored push replies and applied mutation ids, so pruning them
//   after their retention (server/sync/retention.ts) reads only what it deletes.
import { sql, type Kysely } from 'kysely';

const str = (value: unknown) => (typeof value === 'string' ? value : null);

async function fillFacets(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ dataset: string; row_key: string; data: string }>`
    SELECT dataset, row_key, data FROM records WHERE dataset IN ('products', 'dealers')`.execute(
    db,
  );
  for (const row of rows.rows) {
    const values = JSON.parse(row.data) as Record<string, unknown>;
    const category = row.dataset === 'products' ? str(values.category) : null;
    const region = row.dataset === 'dealers' ? str(values.regionCode) : null;
    await sql`UPDATE records SET category = ${category}, region_code = ${region}
      WHERE dataset = ${row.dataset} AND row_key = ${row.row_key}`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE dealer_exposure (
    dealer_code TEXT PRIMARY KEY, credit_limit INTEGER,
    open_orders INTEGER NOT NULL DEFAULT 0, receivables INTEGER NOT NULL DEFAULT 0)`.execute(db);
  await sql`CREATE TABLE order_exposure (
    order_id TEXT PRIMARY KEY, dealer_code TEXT NOT NULL, deposit INTEGER NOT NULL DEFAULT 0,
    shipped INTEGER NOT NULL DEFAULT 0, settled INTEGER NOT NULL DEFAULT 0)`.execute(db);
  await sql`ALTER TABLE records ADD COLUMN category TEXT`.execute(db);
  await sql`ALTER TABLE records ADD COLUMN region_code TEXT`.execute(db);
  await fillFacets(db);
  await sql`CREATE INDEX orders_ref ON orders (order_ref)`.execute(db);
  await sql`CREATE INDEX idempotency_created ON idempotency (created_at)`.execute(db);
  await sql`CREATE INDEX applied_mutations_created ON applied_mutations (created_at)`.execute(db);
}
