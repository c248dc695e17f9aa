// Pull "stock" (read-only): one row per location × SKU from stock_balances, key
// `${location}|${sku}`, with the product's name, style, colour, size and safety stock.
// available = on hand − reserved; belowSafety = available < safety stock. Filters: location,
// category. Pages follow stock_balances.change_seq, so a delta costs what changed, not the table,
// and a page reads the products of its own rows only: the category filter looks each balance's
// product up by its code (records.category), never the whole catalogue.
import { sql } from 'kysely';
import { stockDataset } from '../../shared/datasets';
import type { StockRow as ParsedStockRow } from '../../shared/stock';
import type { StockBalancesTable } from '../store/schema';
import {
  defineHandler,
  type DatasetHandler,
  type PullPage,
  type PullRequest,
} from '../sync/handler';
import { recordsById } from './records-store';
import { pairKey } from './stock-book';
import type { Parsed, ProductRef as Product } from './stock-refs';

type StockRow = Parsed<ParsedStockRow>;

function stockRow(balance: StockBalancesTable, product: Product | undefined): StockRow {
  const available = balance.on_hand - balance.reserved;
  const safetyStock = product?.safetyStock ?? 0;
  return {
    locationCode: balance.location_code,
    skuCode: balance.sku_code,
    productName: product?.name ?? '',
    styleCode: product?.styleCode ?? '',
    colour: product?.colour ?? '',
    size: product?.size ?? '',
    onHand: balance.on_hand,
    reserved: balance.reserved,
    inTransit: balance.in_transit,
    available,
    safetyStock,
    belowSafety: available < safetyStock,
  };
}

/** The products of a page's rows, by SKU. */
async function productsOf(request: PullRequest, skus: readonly string[]) {
  const records = await recordsById(request.db, 'products', skus);
  const products = new Map<string, Product>();
  for (const record of records.values())
    if (!record.deleted) products.set(record.id, record.values as Product);
  return products;
}

async function pullStock(request: PullRequest): Promise<PullPage> {
  const { location, category } = request.filter;
  const locationCode = location ?? '';
  const categoryName = category ?? '';
  const rows = await request.db
    .selectFrom('stock_balances as b')
    .selectAll('b')
    .where('b.change_seq', '>', request.afterSeq)
    .where((eb) => {
      const conditions = [];
      if (location) conditions.push(eb('b.location_code', '=', locationCode));
      if (category)
        conditions.push(
          eb.exists(
            eb
              .selectFrom('records as p')
              .select(sql.lit(1).as('one'))
              .where('p.dataset', '=', 'products')
              .whereRef('p.id', '=', 'b.sku_code')
              .where('p.deleted', '=', 0)
              .where('p.category', '=', categoryName),
          ),
        );
      if (conditions.length === 0) return eb.lit(true);
      // Balances that changed after a first load began are sent even when out of scope (as deletes).
      return eb.or([eb('b.change_seq', '>', request.skipTombstonesUpTo), eb.and(conditions)]);
    })
    .orderBy('b.change_seq')
    .limit(request.limit)
    .execute();
  const products = await productsOf(
    request,
    rows.map((b) => b.sku_code),
  );
  const inScope = (b: StockBalancesTable) =>
    (!location || b.location_code === location) &&
    (!category || products.get(b.sku_code)?.category === category);
  const page: PullPage['rows'] = rows.map((b) => ({
    key: pairKey(b.location_code, b.sku_code),
    version: b.version,
    op: inScope(b) ? 'upsert' : 'delete',
    values: { ...stockRow(b, products.get(b.sku_code)) },
    seq: b.change_seq,
  }));
  return { rows: page, hasMore: rows.length === request.limit };
}

export function stockHandler(): DatasetHandler {
  return defineHandler(stockDataset, { pull: pullStock });
}
