// GET /api/v1/meta: datasets with fields, labels, synonyms, enumerations; master-data lists
// for dropdowns; limits. The ETag changes whenever master data changes.
import { createHash } from 'node:crypto';
import { limits } from '../../shared/protocol';
import { describeDataset, type ListEntry, type MetaResponse } from '../../shared/meta';
import type { Db } from '../store/db';
import type { HandlerRegistry } from '../sync/registry';
import { allRecords } from '../datasets/records-store';

const listSources: Record<string, { code: string; name: string }> = {
  regions: { code: 'code', name: 'name' },
  dealers: { code: 'code', name: 'name' },
  products: { code: 'skuCode', name: 'name' },
  locations: { code: 'code', name: 'name' },
  staff: { code: 'code', name: 'name' },
};

async function masterSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('records')
    .select((eb) => eb.fn.max('change_seq').as('seq'))
    .where('dataset', 'in', Object.keys(listSources))
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

export async function buildMeta(db: Db, handlers: HandlerRegistry): Promise<MetaResponse> {
  const lists: Record<string, ListEntry[]> = {};
  const inactive: Record<string, string[]> = {};
  for (const [dataset, source] of Object.entries(listSources)) {
    const records = [...(await allRecords(db, dataset)).values()];
    const isActive = (r: (typeof records)[number]) => r.values.status !== 'inactive';
    lists[dataset] = records
      .filter(isActive)
      .map((r) => ({ code: String(r.values[source.code]), name: String(r.values[source.name]) }))
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
