// Pull "stock" (read-only): one row per location × SKU from stock_balances, key
// `${location}|${sku}`, with the product's name, style, colour, size and safety stock.
// available = on hand − reserved; belowSafety = available < safety stock. Filters: location,
// category. Pages follow stock_balances.change_seq, so a delta costs what changed, not the table.
import { stockDataset } from '../../shared/datasets';
import type { StockRow as ParsedStockRow } from '../../shared/stock';
import type { StockBalancesTable } from '../store/schema';
import {
  defineHandler,
  type DatasetHandler,
  type PullPage,
  type PullRequest,
} from '../sync/handler';
import { allRecords } from './records-store';
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

async function productMap(request: PullRequest): Promise<Map<string, Product>> {
  const records = await allRecords(request.db, 'products');
  return new Map([...records.values()].map((r) => [r.id, r.values as Product]));
}

export async function pullStock(request: PullRequest): Promise<PullPage> {
  const products = await productMap(request);
  const { location, category } = request.filter;
  const locationCode = location ?? '';
  const skus = category
    ? [...products.values()].filter((p) => p.category === category).map((p) => p.skuCode)
    : null;
  const rows = await request.db
    .selectFrom('stock_balances')
    .selectAll()
    .where('change_seq', '>', request.afterSeq)
    .where((eb) => {
      const conditions = [];
      if (location) conditions.push(eb('location_code', '=', locationCode));
      // '' is no SKU: it keeps the list non-empty (PostgreSQL text cannot hold the NUL once used).
      if (skus) conditions.push(eb('sku_code', 'in', [...skus, '']));
      if (conditions.length === 0) return eb.lit(true);
      // Balances that changed after a first load began are sent even when out of scope (as deletes).
      return eb.or([eb('change_seq', '>', request.skipTombstonesUpTo), eb.and(conditions)]);
    })
    .orderBy('change_seq')
    .limit(request.limit)
    .execute();
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
