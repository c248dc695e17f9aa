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
import { ddl } from '../dialect';

const str = (value: unknown) => (typeof value === 'string' ? value : null);

async function fillColumns(db: Kysely<unknown>): Promise<void> {
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
  // Money in fen passes 2^31 on PostgreSQL: BIGINT there, INTEGER (64-bit) on SQLite.
  const money = ddl(db).int;
  await db.schema
    .createTable('dealer_exposure')
    .addColumn('dealer_code', 'text', (c) => c.primaryKey())
    .addColumn('credit_limit', money)
    .addColumn('open_orders', money, (c) => c.notNull().defaultTo(0))
    .addColumn('receivables', money, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('order_exposure')
    .addColumn('order_id', 'text', (c) => c.primaryKey())
    .addColumn('dealer_code', 'text', (c) => c.notNull())
    .addColumn('deposit', money, (c) => c.notNull().defaultTo(0))
    .addColumn('shipped', money, (c) => c.notNull().defaultTo(0))
    .addColumn('settled', money, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('records').addColumn('category', 'text').execute();
  await db.schema.alterTable('records').addColumn('region_code', 'text').execute();
  await fillColumns(db);
  await db.schema.createIndex('orders_ref').on('orders').column('order_ref').execute();
  await db.schema
    .createIndex('idempotency_created')
    .on('idempotency')
    .column('created_at')
    .execute();
  await db.schema
    .createIndex('applied_mutations_created')
    .on('applied_mutations')
    .column('created_at')
    .execute();
}
