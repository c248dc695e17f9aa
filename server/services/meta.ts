// GET /api/v1/meta: datasets with fields, labels, synonyms, enumerations; master-data lists
// for dropdowns; limits. The ETag changes whenever master data changes.
import { createHash } from 'node:crypto';
import { limits } from '../../shared/protocol';
import { describeDataset, type ListEntry, type MetaResponse } from '../../shared/meta';
import type { Db } from '../store/db';
import type { HandlerRegistry } from '../sync/registry';
import { allRecords } from '../datasets/records-store';
import { datasets } from '../../shared/registry';

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

export async function metaEtag(db: Db, handlers: HandlerRegistry): Promise<string> {
  const names = [...handlers.keys()].sort().join(',');
  return `"${createHash('sha256')
    .update(`${await masterSeq(db)}|${names}`)
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

export async function buildMeta(db: Db, handlers: HandlerRegistry): Promise<MetaResponse> {
  const lists: Record<string, ListEntry[]> = {};
  const inactive: Record<string, string[]> = {};
  for (const source of listSources) {
    const { dataset } = source;
    const records = [...(await allRecords(db, dataset)).values()];
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
