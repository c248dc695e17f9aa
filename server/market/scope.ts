// Which dealers' market-order rows a user serves: a sales user limited to regions serves the
// dealers of those regions and the regions below them (as complaints and orders do,
// server/complaints/scope.ts); everyone else serves all. Rows with no dealer (a suspected fake)
// concern every region and are shown to all.
import { allRecords } from '../datasets/records-store';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';
import type { AuthUser } from '../services/users';
import type { Db } from '../store/db';

interface DealerScope {
  /** Undefined when the user is not limited. */
  dealers?: ReadonlySet<string>;
  /** The region of each dealer, for the refusal's message. */
  regionOf: (dealer: string) => string;
}

export async function dealerScope(db: Db, user: AuthUser): Promise<DealerScope> {
  const dealers = await allRecords(db, 'dealers');
  const regionOf = (dealer: string) => {
    const region = dealers.get(dealer)?.values.regionCode;
    return typeof region === 'string' ? region : '';
  };
  if (user.role !== 'sales' || user.regions.length === 0) return { regionOf };
  const allowed = regionsUnder(user.regions, await loadRegions(db));
  const served = [...dealers.keys()].filter((code) => allowed.has(regionOf(code)));
  return { dealers: new Set(served), regionOf };
}

export function serves(scope: DealerScope, dealer: string | null): boolean {
  return dealer === null || scope.dealers === undefined || scope.dealers.has(dealer);
}
