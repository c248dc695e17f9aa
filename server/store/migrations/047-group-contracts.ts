// Group-buy contracts (团购, docs/group-buy.md): one row per contract item (a SKU or a style),
// the contract's header repeated on each. Order lines that call off a contract carry its code,
// the item they draw on, the delivery region and the dealer the sale is attributed to; the
// called-off quantity of an item is the sum of its live lines, read by (contract, item).
// Kysely's schema builder only, so it runs on PostgreSQL too.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('group_contract_items')
    .addColumn('contract_code', 'text', (c) => c.notNull())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('customer_name', 'text', (c) => c.notNull())
    .addColumn('signing_region_code', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('allowance_percent', 'integer', (c) => c.notNull())
    .addColumn('unit_price', 'bigint', (c) => c.notNull())
    .addColumn('contracted_quantity', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_contract_items_pk', ['contract_code', 'item_code'])
    .execute();
  for (const column of [
    'contract_code',
    'contract_item',
    'delivery_region_code',
    'attributed_dealer_code',
  ])
    await db.schema.alterTable('order_lines').addColumn(column, 'text').execute();
  await db.schema
    .createIndex('order_lines_contract')
    .on('order_lines')
    .columns(['contract_code', 'contract_item'])
    .execute();
}
