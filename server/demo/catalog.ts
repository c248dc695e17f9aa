// The demo master data in one value: regions, dealers, products, locations and staff, drawn
// deterministically from the seed. Pure: nothing here touches the store.
import type { Dealer } from '../../shared/dealer';
import type { Location } from '../../shared/location';
import type { Product } from '../../shared/product';
import type { Region } from '../../shared/region';
import type { Staff } from '../../shared/staff';
import { buildDealers } from './dealers';
import { buildRegions, locations, staff } from './places';
import { buildProducts } from './products';
import type { Random } from './random';

/**
 * The demo's rows: every required field filled, and the named optional ones may be absent
 * (never `undefined`, which exactOptionalPropertyTypes keeps apart from a missing key).
 */
type Pinned<T, Optional extends keyof T = never> = {
  -readonly [K in Exclude<keyof T, Optional>]-?: Exclude<T[K], undefined>;
} & { [K in Optional]?: Exclude<T[K], undefined> };

export type DemoRegion = Pinned<Region, 'parentCode'>;
export type DemoDealer = Pinned<Dealer, 'uscc' | 'contactName' | 'contactPhone' | 'address'>;
export type DemoProduct = Pinned<Product>;
export type DemoLocation = Pinned<Location, 'servesRegions'>;
export type DemoStaff = Pinned<Staff, 'regionCode' | 'title' | 'phone'>;

export interface Catalog {
  regions: DemoRegion[];
  dealers: DemoDealer[];
  products: DemoProduct[];
  locations: DemoLocation[];
  staff: DemoStaff[];
}

/** `today` ('YYYY-MM-DD') names the season: style codes carry its year (CS2601 in 2026). */
export function buildCatalog(random: Random, today: string): Catalog {
  return {
    regions: buildRegions(),
    dealers: buildDealers(random.fork('dealers')),
    products: buildProducts(random.fork('products'), today.slice(2, 4)),
    locations: locations.map((l) => ({ ...l })),
    staff: staff.map((s) => ({ ...s })),
  };
}
