// The pushed store datasets, kept in `records` and replaced when pushed again (keyed.ts):
// "store-sales" named by store × SKU × day, after checking the location is a store (kind 自营店)
// and the SKU exists; "markdown-ladder" named by its step number. docs/sell-out.md.
import type { RowProblem } from '../../shared/row-errors';
import { markdownLadderDataset, storeSalesDataset } from '../../shared/sellout/store-datasets';
import { recordsById } from '../datasets/records-store';
import type { WriteContext } from '../sync/handler';
import { keyedHandler } from './keyed';

type Values = Record<string, unknown>;

async function checkSales(ctx: WriteContext, rows: readonly Values[]): Promise<RowProblem[][]> {
  const codes = (field: string) => rows.map((v) => String(v[field]));
  const locations = await recordsById(ctx.trx, 'locations', codes('locationCode'));
  const products = await recordsById(ctx.trx, 'products', codes('skuCode'));
  return rows.map((v) => {
    const store = locations.get(String(v.locationCode));
    const sku = products.get(String(v.skuCode));
    if (!store || store.deleted)
      return [
        {
          field: 'locationCode',
          code: 'unknown-location',
          params: { value: String(v.locationCode) },
        },
      ];
    if (store.values.kind !== 'store')
      return [
        {
          field: 'locationCode',
          code: 'sellout-not-a-store',
          params: { value: String(v.locationCode) },
        },
      ];
    if (!sku || sku.deleted)
      return [{ field: 'skuCode', code: 'unknown-sku', params: { value: String(v.skuCode) } }];
    return [];
  });
}

export function storeSalesHandler() {
  return keyedHandler(storeSalesDataset, {
    keyOf: (v) => `${String(v.locationCode)}|${String(v.skuCode)}|${String(v.date)}`,
    check: checkSales,
  });
}

export function markdownLadderHandler() {
  return keyedHandler(markdownLadderDataset, { keyOf: (v) => String(v.step) });
}
