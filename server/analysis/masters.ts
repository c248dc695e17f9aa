// Master data for the analysis pulls, loaded once per request (dealers, products, regions are
// small beside the facts), and the request's scope: which dealers and SKUs the user and the
// filter (region, dealer, category) leave in. `null` means "no restriction".
import type { Present } from '../../shared/analysis/datasets';
import type { Dealer } from '../../shared/dealer';
import type { Product } from '../../shared/product';
import type { PullFilter } from '../../shared/protocol';
import { regionAndDescendants, type Region } from '../../shared/region';
import type { Db } from '../store/db';
import type { AuthUser } from '../services/users';
import { allRecords, recordsById } from '../datasets/records-store';

export type DealerInfo = Present<Dealer, 'code' | 'name' | 'regionCode'>;
type ProductInfo = Present<
  Product,
  'skuCode' | 'styleCode' | 'colour' | 'size' | 'category' | 'packSize' | 'safetyStock'
>;
type RegionInfo = Present<Region, 'code' | 'name'>;

/** Master records as pushed: their schemas required these fields. */
export interface Masters {
  dealers: Map<string, DealerInfo>;
  products: Map<string, ProductInfo>;
  regions: Map<string, RegionInfo>;
}

export interface Scope {
  dealers: Set<string> | null;
  skus: Set<string> | null;
}

async function valuesOf<T>(db: Db, dataset: string): Promise<Map<string, T>> {
  const records = await allRecords(db, dataset);
  return new Map([...records].map(([id, record]) => [id, record.values as T]));
}

export async function loadMasters(db: Db): Promise<Masters> {
  const [dealers, products, regions] = await Promise.all([
    valuesOf<DealerInfo>(db, 'dealers'),
    valuesOf<ProductInfo>(db, 'products'),
    valuesOf<RegionInfo>(db, 'regions'),
  ]);
  return { dealers, products, regions };
}

async function liveById<T>(db: Db, dataset: string, ids: readonly string[]) {
  const records = await recordsById(db, dataset, ids);
  const live = new Map<string, T>();
  for (const [id, record] of records) if (!record.deleted) live.set(id, record.values as T);
  return live;
}

/**
 * The masters one page of a delta pull needs: the dealers and products its rows name (a page
 * never reads the whole catalogue), and every region (a short list, for names and parents).
 */
export async function mastersOf(
  db: Db,
  codes: { dealers: readonly string[]; skus: readonly string[] },
): Promise<Masters> {
  return {
    dealers: await liveById<DealerInfo>(db, 'dealers', codes.dealers),
    products: await liveById<ProductInfo>(db, 'products', codes.skus),
    regions: await valuesOf<RegionInfo>(db, 'regions'),
  };
}

/** Region codes at and below `codes`. */
export function regionsUnder(masters: Masters, codes: readonly string[]): Set<string> {
  const all = [...masters.regions.values()];
  const result = new Set<string>();
  for (const code of codes) for (const c of regionAndDescendants(code, all)) result.add(c);
  return result;
}

function dealersIn(masters: Masters, regions: Set<string>): Set<string> {
  const codes = [...masters.dealers.values()].filter((d) => regions.has(d.regionCode));
  return new Set(codes.map((d) => d.code));
}

function intersect(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (a === null) return b;
  if (b === null) return a;
  return new Set([...a].filter((x) => b.has(x)));
}

/** A sales user limited to regions sees only their dealers; everyone else sees all. */
export function userDealers(masters: Masters, user: AuthUser): Set<string> | null {
  if (user.role !== 'sales' || user.regions.length === 0) return null;
  return dealersIn(masters, regionsUnder(masters, user.regions));
}

export function scopeOf(masters: Masters, user: AuthUser, filter: PullFilter): Scope {
  let dealers = userDealers(masters, user);
  if (filter.region)
    dealers = intersect(dealers, dealersIn(masters, regionsUnder(masters, [filter.region])));
  if (filter.dealer) dealers = intersect(dealers, new Set([filter.dealer]));
  const { category } = filter;
  const skus = category
    ? new Set(
        [...masters.products.values()].filter((p) => p.category === category).map((p) => p.skuCode),
      )
    : null;
  return { dealers, skus };
}

export const inScope = (set: Set<string> | null, code: string | null | undefined): boolean =>
  set === null || (code !== null && code !== undefined && set.has(code));

/** A dealer's region and that region's parent, for the pivot's two region levels. */
export function regionPair(masters: Masters, dealer: DealerInfo | undefined) {
  const region = dealer ? masters.regions.get(dealer.regionCode) : undefined;
  const parent = region?.parentCode ? masters.regions.get(region.parentCode) : undefined;
  return { region, parent };
}
