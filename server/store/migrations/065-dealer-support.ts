// Dealer support (docs/dealer-support.md): two tables the writers keep beside the registers in
// `records`, so the hot paths read by key instead of scanning history.
// - dealer_licences: the dealer-held entries of the qualifications register, one row per record
//   (its row key), read by the order check for the batch's dealers only.
// - sample_use: per dealer, season and item, the units issued and their value, kept by the
//   sample-issues push in its transaction; the quota check and the quota-use pull read it.
// Written with Kysely's schema builder only, so the same migration runs on PostgreSQL.
import type { Kysely } from 'kysely';
import { ddl } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Money in fen passes 2^31 on PostgreSQL: BIGINT there, INTEGER (64-bit) on SQLite.
  const int = ddl(db).int;
  await db.schema
    .createTable('dealer_licences')
    .addColumn('row_key', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('dealer_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dealer_licences_dealer')
    .on('dealer_licences')
    .column('dealer_code')
    .execute();
  await db.schema
    .createTable('sample_use')
    .addColumn('dealer_code', 'text', (c) => c.notNull())
    .addColumn('season', 'text', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('quantity', int, (c) => c.notNull())
    .addColumn('value', int, (c) => c.notNull())
    .addPrimaryKeyConstraint('sample_use_pk', ['dealer_code', 'season', 'sku_code'])
    .execute();
}
