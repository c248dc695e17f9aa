// Region limits on every pull (and so every export, which pulls): a sales user limited to
// regions receives no row that belongs to another region, whatever the dataset. Handlers may
// filter on their own (orders, the analyses do, and save work that way); this is the one place
// that holds for all of them, including datasets added later. A row belongs to a region when
// its values name one: `regionCode`, a `dealerCode` (the dealer's region) or an order line
// (`lineId`, the line's dealer's region). Rows naming none (products, stock, settings) are not
// regional. A dataset may name the value that says whose a row is (`pull.regionBy`, the
// attributed dealer of a sales fact, docs/group-buy.md): that dealer's region decides first.
// A row of another region is left out of a first load, and sent as a bare delete
// (key only) in a delta pull, so a row that moved out of the user's regions leaves their sheet.
import type { AuthUser } from '../services/users';
import type { Db } from '../store/db';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';
import { allRecords } from '../datasets/records-store';
import type { PullPage } from './handler';

type PageRow = PullPage['rows'][number];

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The dealer of each order line id, read in chunks. */
async function lineDealers(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const dealers = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('order_lines')
      .select(['id', 'dealer_code'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) dealers.set(row.id, row.dealer_code);
  }
  return dealers;
}

/** Is the user limited to regions at all? Only sales users with a region list are. */
export function isRegionLimited(user: AuthUser): boolean {
  return user.role === 'sales' && user.regions.length > 0;
}

/** The page without the rows of regions the user may not see (see the file comment). */
export async function limitPageToRegions(
  db: Db,
  input: { user: AuthUser; page: PullPage; skipTombstonesUpTo: number; regionBy?: string },
): Promise<PullPage> {
  const { user, page, regionBy } = input;
  if (!isRegionLimited(user) || page.rows.length === 0) return page;
  const allowed = regionsUnder(user.regions, await loadRegions(db));
  const ownerOf = (values: Record<string, unknown>) =>
    regionBy === undefined ? undefined : text(values[regionBy]);
  const needsDealers = page.rows.some(
    (r) => ownerOf(r.values) ?? text(r.values.dealerCode) ?? text(r.values.lineId),
  );
  const dealerRegion = new Map<string, string>();
  if (needsDealers)
    for (const dealer of (await allRecords(db, 'dealers')).values())
      dealerRegion.set(String(dealer.values.code), String(dealer.values.regionCode));
  const lineIds = page.rows.flatMap((r) => {
    const id = text(r.values.lineId);
    return id && !text(r.values.dealerCode) ? [id] : [];
  });
  const lines = lineIds.length > 0 ? await lineDealers(db, lineIds) : new Map<string, string>();

  const regionOf = (values: Record<string, unknown>): string | null | undefined => {
    const owner = ownerOf(values);
    if (owner) return dealerRegion.get(owner) ?? null;
    const region = text(values.regionCode);
    if (region) return region;
    const lineId = text(values.lineId);
    const dealer = text(values.dealerCode) ?? (lineId ? lines.get(lineId) : undefined);
    if (dealer) return dealerRegion.get(dealer) ?? null;
    // A line the store does not know: nobody can say whose it is, so it is not shown.
    return lineId ? null : undefined;
  };
  const rows: PageRow[] = [];
  for (const row of page.rows) {
    const region = regionOf(row.values);
    if (region === undefined || (region !== null && allowed.has(region))) {
      rows.push(row);
      continue;
    }
    if (row.seq <= input.skipTombstonesUpTo) continue;
    rows.push({ key: row.key, version: row.version, op: 'delete', values: {}, seq: row.seq });
  }
  return { ...page, rows };
}
