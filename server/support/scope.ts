// Which rows of a dealer-support register a user may write and read: a sales user limited to
// regions, only those naming a dealer (or a region) in those regions or below — as orders and
// complaints do (server/datasets/stock-refs.ts `userMayServe`). Everyone else: every row.
import type { AuthUser } from '../services/users';
import type { Db } from '../store/db';
import { allRecords } from '../datasets/records-store';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';

/** What a row names that a region limit applies to. */
export interface Place {
  dealer?: string | undefined;
  region?: string | undefined;
}

export type PlaceOf = (values: Readonly<Record<string, unknown>>) => Place;

/** The region a row falls in, or null when the user may see it (no limit, or nothing named). */
export type Scope = (place: Place) => { allowed: boolean; region: string };

export async function scopeFor(db: Db, user: AuthUser): Promise<Scope | null> {
  if (user.role !== 'sales' || user.regions.length === 0) return null;
  const allowed = regionsUnder(user.regions, await loadRegions(db));
  const dealerRegions = new Map(
    [...(await allRecords(db, 'dealers')).values()].map((r) => [r.id, String(r.values.regionCode)]),
  );
  return (place) => {
    const region =
      place.dealer !== undefined ? (dealerRegions.get(place.dealer) ?? '') : (place.region ?? '');
    const named = place.dealer !== undefined || place.region !== undefined;
    return { allowed: !named || allowed.has(region), region };
  };
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The place of a row whose `field` names a dealer. */
export const dealerNamedBy =
  (field: string): PlaceOf =>
  (values) => ({ dealer: text(values[field]) });
