// What a sell-out push checks its rows against: the live dealers (with their regions), the live
// SKUs, the region tree, and whether the pushing user may serve a dealer's region.
import type { RowProblem } from '../../shared/row-errors';
import { recordsById } from '../datasets/records-store';
import { loadRegions, userMayServe, type RegionRef } from '../datasets/stock-refs';
import type { WriteContext } from '../sync/handler';

export interface SelloutRefs {
  ctx: WriteContext;
  dealerRegions: Map<string, string>;
  skus: Set<string>;
  regions: RegionRef[];
}

interface Named {
  dealerCode: string;
  skuCode: string;
}

export async function loadRefs(ctx: WriteContext, rows: readonly Named[]): Promise<SelloutRefs> {
  const dealers = await recordsById(
    ctx.trx,
    'dealers',
    rows.map((r) => r.dealerCode),
  );
  const products = await recordsById(
    ctx.trx,
    'products',
    rows.map((r) => r.skuCode),
  );
  const live = [...dealers.values()].filter((r) => !r.deleted);
  return {
    ctx,
    dealerRegions: new Map(live.map((r) => [r.id, String(r.values.regionCode)])),
    skus: new Set([...products.values()].filter((r) => !r.deleted).map((r) => r.id)),
    regions: await loadRegions(ctx.trx),
  };
}

/** Unknown dealer or SKU, or a dealer outside a region-limited sales user's regions. */
export function refProblems(refs: SelloutRefs, row: Named): RowProblem[] {
  const region = refs.dealerRegions.get(row.dealerCode);
  if (region === undefined)
    return [{ field: 'dealerCode', code: 'unknown-dealer', params: { value: row.dealerCode } }];
  if (!refs.skus.has(row.skuCode))
    return [{ field: 'skuCode', code: 'unknown-sku', params: { value: row.skuCode } }];
  return regionProblems(refs, region);
}

export function regionProblems(refs: SelloutRefs, region: string): RowProblem[] {
  return userMayServe(refs.ctx.actor.user, region, refs.regions)
    ? []
    : [{ field: 'dealerCode', code: 'region-not-allowed', params: { region } }];
}
