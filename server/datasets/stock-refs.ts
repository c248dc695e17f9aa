// The master data a batch of orders or movements refers to, loaded once per push with `where in`
// queries, and the reference checks every such row shares (exists, active, serves the region).
import type { Dealer } from '../../shared/dealer';
import type { Location } from '../../shared/location';
import { servedRegions } from '../../shared/location';
import type { Product } from '../../shared/product';
import { regionAndDescendants, type Region } from '../../shared/region';
import type { RowProblem } from '../../shared/row-errors';
import type { Db } from '../store/db';
import type { AuthUser } from '../services/users';
import { allRecords, recordsOf, type StoredRecord } from './records-store';

/**
 * A stored row as read back from JSON: required fields present, optional ones absent rather
 * than `undefined` (z.infer types them `?: T | undefined`, which exactOptionalPropertyTypes
 * keeps apart from a missing key). `Optional` names the fields a row may lack.
 */
export type Parsed<T, Optional extends keyof T = never> = {
  -readonly [K in Exclude<keyof T, Optional>]-?: Exclude<T[K], undefined>;
} & { [K in Optional]?: Exclude<T[K], undefined> };

export type ProductRef = Parsed<Product>;
type DealerRef = Parsed<Pick<Dealer, 'code' | 'regionCode' | 'status'>>;
type LocationRef = Parsed<Pick<Location, 'code' | 'status' | 'servesRegions'>, 'servesRegions'>;
export type RegionRef = Parsed<Pick<Region, 'code' | 'parentCode'>, 'parentCode'>;

export interface MasterRefs {
  products: Map<string, ProductRef>;
  locations: Map<string, LocationRef>;
  dealers: Map<string, DealerRef>;
  regions: RegionRef[];
}

const live = <T>(records: Map<string, { deleted: boolean; values: Record<string, unknown> }>) => {
  const result = new Map<string, T>();
  for (const [id, record] of records) if (!record.deleted) result.set(id, record.values as T);
  return result;
};

/**
 * The batch's master data in one query; `alsoWhole` names datasets read whole in the same
 * query (small settings a push checks against), returned in `whole`.
 */
export async function loadRefs(
  db: Db,
  wanted: {
    skus?: readonly string[];
    locations?: readonly string[];
    dealers?: readonly string[];
    alsoWhole?: readonly string[];
  },
): Promise<MasterRefs & { whole: Map<string, Map<string, StoredRecord>> }> {
  const withRegions = (wanted.dealers?.length ?? 0) > 0;
  const found = await recordsOf(db, [
    { dataset: 'products', ids: wanted.skus ?? [] },
    { dataset: 'locations', ids: wanted.locations ?? [] },
    { dataset: 'dealers', ids: wanted.dealers ?? [] },
    ...(withRegions ? [{ dataset: 'regions', all: true as const }] : []),
    ...(wanted.alsoWhole ?? []).map((dataset) => ({ dataset, all: true as const })),
  ]);
  const of = (dataset: string) => found.get(dataset) ?? new Map<string, StoredRecord>();
  return {
    products: live<ProductRef>(of('products')),
    locations: live<LocationRef>(of('locations')),
    dealers: live<DealerRef>(of('dealers')),
    regions: withRegions ? [...of('regions').values()].map((r) => r.values as RegionRef) : [],
    whole: new Map((wanted.alsoWhole ?? []).map((dataset) => [dataset, of(dataset)])),
  };
}

export async function loadRegions(db: Db): Promise<RegionRef[]> {
  return [...(await allRecords(db, 'regions')).values()].map((r) => r.values as RegionRef);
}

export function checkSku(refs: MasterRefs, code: string, field = 'skuCode'): RowProblem[] {
  const product = refs.products.get(code);
  if (!product) return [{ field, code: 'unknown-sku', params: { value: code } }];
  if (product.status !== 'active')
    return [{ field, code: 'sku-inactive', params: { value: code } }];
  return [];
}

export function checkLocation(
  refs: MasterRefs,
  code: string,
  field = 'locationCode',
): RowProblem[] {
  const location = refs.locations.get(code);
  if (!location) return [{ field, code: 'unknown-location', params: { value: code } }];
  if (location.status !== 'active')
    return [{ field, code: 'location-inactive', params: { value: code } }];
  return [];
}

/** Codes of the regions and everything below them. */
/** Per loaded region list (one per push or pull), the sets already worked out: a batch asks often. */
const underCache = new WeakMap<readonly RegionRef[], Map<string, Set<string>>>();

export function regionsUnder(codes: readonly string[], regions: readonly RegionRef[]): Set<string> {
  const cache = underCache.get(regions) ?? new Map<string, Set<string>>();
  underCache.set(regions, cache);
  const key = codes.join('\u0000');
  const known = cache.get(key);
  if (known) return known;
  const result = new Set<string>();
  for (const code of codes) for (const c of regionAndDescendants(code, regions)) result.add(c);
  cache.set(key, result);
  return result;
}

/** A location with no `servesRegions` serves every region; otherwise those and their children. */
export function locationServes(
  refs: MasterRefs,
  locationCode: string,
  regionCode: string,
): boolean {
  const location = refs.locations.get(locationCode);
  if (!location) return false;
  const served = servedRegions({ servesRegions: location.servesRegions });
  return served.length === 0 || regionsUnder(served, refs.regions).has(regionCode);
}

/** A sales user limited to regions may only work on dealers in them (or below them). */
export function userMayServe(
  user: AuthUser,
  regionCode: string,
  regions: readonly RegionRef[],
): boolean {
  if (user.role !== 'sales' || user.regions.length === 0) return true;
  return regionsUnder(user.regions, regions).has(regionCode);
}
