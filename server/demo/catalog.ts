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

export interface Catalog {
  regions: Region[];
  dealers: Dealer[];
  products: Product[];
  locations: Location[];
  staff: Staff[];
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
