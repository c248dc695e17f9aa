// The `product-costs` dataset (成本价): one record per SKU in `records`, versioned like master
// data; managers push, analysts and the warehouse read, sales cannot (the roles are on the
// declaration, shared/stock-ops/datasets.ts). Stocktakes value their variances at this cost.
import { productCostsDataset } from '../../shared/stock-ops/datasets';
import { masterHandler } from '../datasets/master';
import { recordsById } from '../datasets/records-store';
import type { Db } from '../store/db';

export const productCostsHandler = () => masterHandler(productCostsDataset);

/** The standard cost of each of `skus` that has one, in fen. */
export async function loadCosts(db: Db, skus: readonly string[]): Promise<Map<string, number>> {
  const costs = new Map<string, number>();
  for (const record of (await recordsById(db, productCostsDataset.name, skus)).values()) {
    const { cost } = record.values;
    if (!record.deleted && typeof cost === 'number') costs.set(record.id, cost);
  }
  return costs;
}
