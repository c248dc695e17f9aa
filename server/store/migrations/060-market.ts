// Market order (窜货) and rebates (返利), docs/market-order.md: traceable codes with their
// parent (unit → case → pallet) and consignee, scans, cases with the unit codes they hold, the
// deposit ledger with a kept balance per dealer, and confirmed rebate settlements — unique per
// dealer × policy × period, so a settlement can never pay twice. Dates are ISO text, money fen.
// Written with Kysely's schema builder only, so the same migration runs on PostgreSQL.
import type { Kysely } from 'kysely';

type Builder = ReturnType<Kysely<unknown>['schema']['createTable']>;

const stamped = (table: Builder) =>
  table
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull());

export async function up(db: Kysely<unknown>): Promise<void> {
  await stamped(
    db.schema
      .createTable('market_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('row_key', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('shipment_ref', 'text')
      .addColumn('dealer_code', 'text')
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();
  await db.schema
    .createIndex('market_codes_parent')
    .on('market_codes')
    .column('parent_code')
    .execute();
  await db.schema.createIndex('market_codes_seq').on('market_codes').column('change_seq').execute();

  await stamped(
    db.schema
      .createTable('market_scans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('row_key', 'text', (c) => c.notNull().unique())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('city', 'text')
      .addColumn('scan_date', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('scanned_by', 'text')
      .addColumn('evidence', 'text')
      .addColumn('dealer_code', 'text')
      .addColumn('out_of_area', 'integer', (c) => c.notNull())
      .addColumn('two_areas', 'integer', (c) => c.notNull())
      .addColumn('never_shipped', 'integer', (c) => c.notNull())
      .addColumn('case_id', 'text'),
  ).execute();
  await db.schema
    .createIndex('market_scans_code')
    .on('market_scans')
    .columns(['code', 'scan_date'])
    .execute();
  await db.schema.createIndex('market_scans_seq').on('market_scans').column('change_seq').execute();

  await stamped(
    db.schema
      .createTable('market_cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('scan_id', 'text', (c) => c.notNull())
      .addColumn('scanned_code', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('dealer_code', 'text', (c) => c.notNull())
      .addColumn('province', 'text', (c) => c.notNull())
      .addColumn('city', 'text')
      .addColumn('found_date', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text')
      .addColumn('unit_count', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('findings', 'text')
      .addColumn('penalty', 'bigint')
      .addColumn('measures', 'text'),
  ).execute();
  await db.schema.createIndex('market_cases_seq').on('market_cases').column('change_seq').execute();

  await db.schema
    .createTable('market_case_units')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('dealer_code', 'text', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('market_case_units_pk', ['case_id', 'code'])
    .execute();
  await db.schema
    .createIndex('market_case_units_seq')
    .on('market_case_units')
    .column('change_seq')
    .execute();

  await db.schema
    .createTable('market_deposits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('row_key', 'text', (c) => c.notNull().unique())
    .addColumn('dealer_code', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.unique())
    .addColumn('remark', 'text')
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('market_deposits_seq')
    .on('market_deposits')
    .column('change_seq')
    .execute();

  await db.schema
    .createTable('market_deposit_balances')
    .addColumn('dealer_code', 'text', (c) => c.primaryKey())
    .addColumn('paid', 'bigint', (c) => c.notNull())
    .addColumn('refunded', 'bigint', (c) => c.notNull())
    .addColumn('penalties', 'bigint', (c) => c.notNull())
    .addColumn('balance', 'bigint', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('market_rebate_settlements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dealer_code', 'text', (c) => c.notNull())
    .addColumn('policy_code', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('base', 'bigint', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('credit_notes', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('market_rebate_once', [
      'dealer_code',
      'policy_code',
      'period_from',
      'period_to',
    ])
    .execute();
}
