// GET /api/v1/meta: datasets with fields, labels, synonyms, enumerations; master-data lists
// for dropdowns; limits. The ETag changes whenever master data changes.
import { createHash } from 'node:crypto';
import { limits } from '../../shared/protocol';
import { describeDataset, type ListEntry, type MetaResponse } from '../../shared/meta';
import type { Db } from '../store/db';
import type { HandlerRegistry } from '../sync/registry';
import { allRecords } from '../datasets/records-store';
import { datasets } from '../../shared/registry';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';
import { isRegionLimited } from '../sync/region-scope';
import type { AuthUser } from './users';

/** The datasets whose records fill dropdowns: those that declare a `list`. */
const listSources = datasets.flatMap((def) =>
  def.list && def.naturalKey ? [{ dataset: def.name, code: def.naturalKey, list: def.list }] : [],
);

async function masterSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.max('change_seq').as('seq'))
    .where(
      'dataset',
      'in',
      listSources.map((s) => s.dataset),
    )
    .executeTakeFirst();
  return row?.seq ?? 0;
}

/**
 * The regions whose list entries (dealers) the user may see, or null when the user is not
 * limited: a region-limited sales user's dropdowns hold only their regions' dealers, as their
 * pulls do (sync/region-scope.ts).
 */
async function visibleRegions(db: Db, user: AuthUser): Promise<Set<string> | null> {
  if (!isRegionLimited(user)) return null;
  return new Set(regionsUnder(user.regions, await loadRegions(db)));
}

export async function metaEtag(db: Db, handlers: HandlerRegistry, user: AuthUser): Promise<string> {
  const names = [...handlers.keys()].sort().join(',');
  const regions = isRegionLimited(user) ? [...user.regions].sort().join(',') : '*';
  return `"${createHash('sha256')
    .update(`${await masterSeq(db)}|${names}|${regions}`)
    .digest('base64url')
    .slice(0, 20)}"`;
}

function listEntry(
  source: (typeof listSources)[number],
  values: Readonly<Record<string, unknown>>,
): ListEntry {
  const entry: ListEntry = {
    code: String(values[source.code]),
    name: String(values[source.list.nameField]),
  };
  const names = source.list.attributes ?? [];
  if (names.length > 0) {
    const attrs: Record<string, number | string> = {};
    for (const name of names) {
      const value = values[name];
      if (typeof value === 'number' || typeof value === 'string') attrs[name] = value;
    }
    entry.attrs = attrs;
  }
  return entry;
}

export async function buildMeta(
  db: Db,
  handlers: HandlerRegistry,
  user: AuthUser,
): Promise<MetaResponse> {
  const regions = await visibleRegions(db, user);
  const visible = (values: Readonly<Record<string, unknown>>) =>
    regions === null ||
    typeof values.regionCode !== 'string' ||
    values.regionCode === '' ||
    regions.has(values.regionCode);
  const lists: Record<string, ListEntry[]> = {};
  const inactive: Record<string, string[]> = {};
  for (const source of listSources) {
    const { dataset } = source;
    // A module the deployment does not enable (SALES_SYNC_MODULES) lists nothing.
    if (!handlers.has(dataset)) continue;
    const records = [...(await allRecords(db, dataset)).values()].filter((r) => visible(r.values));
    const isActive = (r: (typeof records)[number]) => r.values.status !== 'inactive';
    lists[dataset] = records
      .filter(isActive)
      .map((r) => listEntry(source, r.values))
      .sort((a, b) => a.code.localeCompare(b.code));
    inactive[dataset] = records
      .filter((r) => !isActive(r))
      .map((r) => String(r.values[source.code]))
      .sort();
  }
  return {
    limits: { ...limits },
    datasets: [...handlers.values()].map((h) => describeDataset(h.def)),
    lists,
    inactive,
  };
}
