// Data functions over the generic `records` table (master data and movement documents). Each
// takes the database (or a transaction) first, as in rocicorp/todo-row-versioning.
import { sql } from 'kysely';
import type { Db } from '../store/db';
import { bulkWriter } from '../store/bulk';

export interface StoredRecord {
  rowKey: string;
  id: string;
  version: number;
  changeSeq: number;
  deleted: boolean;
  values: Record<string, unknown>;
}

type Row = {
  row_key: string;
  id: string;
  version: number;
  change_seq: number;
  deleted: number;
  data: string;
};

const toRecord = (row: Row): StoredRecord => ({
  rowKey: row.row_key,
  id: row.id,
  version: row.version,
  changeSeq: row.change_seq,
  deleted: row.deleted === 1,
  values: JSON.parse(row.data) as Record<string, unknown>,
});

const CHUNK = 500;

async function loadBy(
  db: Db,
  dataset: string,
  column: 'row_key' | 'id',
  values: readonly string[],
): Promise<StoredRecord[]> {
  const unique = [...new Set(values)];
  const found: StoredRecord[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('records')
      .select(['row_key', 'id', 'version', 'change_seq', 'deleted', 'data'])
      .where('dataset', '=', dataset)
      .where(column, 'in', unique.slice(i, i + CHUNK))
      .execute();
    found.push(...rows.map(toRecord));
  }
  return found;
}

export async function recordsByKey(
  db: Db,
  dataset: string,
  keys: readonly string[],
): Promise<Map<string, StoredRecord>> {
  return new Map((await loadBy(db, dataset, 'row_key', keys)).map((r) => [r.rowKey, r]));
}

export async function recordsById(
  db: Db,
  dataset: string,
  ids: readonly string[],
): Promise<Map<string, StoredRecord>> {
  // A deleted record's id may be taken again by a live one: the live record wins.
  const records = await loadBy(db, dataset, 'id', ids);
  return new Map(
    records.sort((a, b) => Number(b.deleted) - Number(a.deleted)).map((r) => [r.id, r]),
  );
}

/**
 * Guard 3 for keyed records: a row pushed again — from any copy of the workbook, by any client —
 * finds its record by row key and updates it. The handlers look records up through this object
 * so a test can take the guard away and show the duplicate it prevents.
 */
export const rowKeyGuard = { find: recordsByKey };

/** Every live record of a (small) master dataset, by id. */
/** What `recordsOf` reads of one dataset: the records with these ids, or every live one. */
type RecordWant = { dataset: string; ids: readonly string[] } | { dataset: string; all: true };

/**
 * Records of several datasets in one query (one round trip, where the store is across a
 * network): by id as `recordsById` reads them (the live record wins over a deleted one with
 * its id), or every live record as `allRecords`. Results by dataset, then by id.
 */
export async function recordsOf(
  db: Db,
  wants: readonly RecordWant[],
): Promise<Map<string, Map<string, StoredRecord>>> {
  const result = new Map<string, Map<string, StoredRecord>>(
    wants.map((want) => [want.dataset, new Map()]),
  );
  const byId = wants.flatMap((want) =>
    'ids' in want && want.ids.length > 0 ? [{ ...want, ids: [...new Set(want.ids)] }] : [],
  );
  const whole = wants.flatMap((want) => ('all' in want ? [want.dataset] : []));
  // One statement while the ids stay few (a push's master data); beyond, a query per dataset.
  if (byId.some((want) => want.ids.length > CHUNK)) {
    for (const want of byId)
      result.set(want.dataset, await recordsById(db, want.dataset, want.ids));
    byId.length = 0;
  }
  if (byId.length === 0 && whole.length === 0) return result;
  const rows = await db
    .selectFrom('records')
    .select(['dataset', 'row_key', 'id', 'version', 'change_seq', 'deleted', 'data'])
    .where((eb) =>
      eb.or([
        ...byId.map((want) => eb.and([eb('dataset', '=', want.dataset), eb('id', 'in', want.ids)])),
        // `deleted = 0` as a literal, so the planner can match the partial index records_live_id
        // (WHERE deleted = 0) when it plans the statement; SQLite 3.53 even fails to plan some
        // shapes of this OR with the flag as a parameter ("internal query planner error").
        ...(whole.length > 0
          ? [eb.and([eb('dataset', 'in', whole), eb('deleted', '=', sql.lit(0))])]
          : []),
      ]),
    )
    .execute();
  // Deleted first, so a live record with the same id replaces it.
  rows.sort((a, b) => b.deleted - a.deleted);
  for (const row of rows) result.get(row.dataset)?.set(row.id, toRecord(row));
  return result;
}

export async function allRecords(db: Db, dataset: string): Promise<Map<string, StoredRecord>> {
  const rows = await db
    .selectFrom('records')
    .select(['row_key', 'id', 'version', 'change_seq', 'deleted', 'data'])
    .where('dataset', '=', dataset)
    .where('deleted', '=', 0)
    .execute();
  return new Map(rows.map((r) => [r.id, toRecord(r)]));
}

export async function recordsChangedSince(
  db: Db,
  input: { dataset: string; afterSeq: number; limit: number },
): Promise<StoredRecord[]> {
  const rows = await db
    .selectFrom('records')
    .select(['row_key', 'id', 'version', 'change_seq', 'deleted', 'data'])
    .where('dataset', '=', input.dataset)
    .where('change_seq', '>', input.afterSeq)
    .orderBy('change_seq')
    .limit(input.limit)
    .execute();
  return rows.map(toRecord);
}

export interface RecordWrite {
  dataset: string;
  rowKey: string;
  id: string;
  version: number;
  changeSeq: number;
  deleted: boolean;
  values: Record<string, unknown>;
  at: string;
  by: string;
}

const upsertRecords = bulkWriter({
  table: 'records',
  columns: [
    'dataset',
    'row_key',
    'id',
    'version',
    'change_seq',
    'deleted',
    'data',
    'updated_at',
    'updated_by',
    'category',
    'region_code',
  ],
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.columns(['dataset', 'row_key']).doUpdateSet((eb) => ({
        id: eb.ref('excluded.id'),
        version: eb.ref('excluded.version'),
        change_seq: eb.ref('excluded.change_seq'),
        deleted: eb.ref('excluded.deleted'),
        data: eb.ref('excluded.data'),
        updated_at: eb.ref('excluded.updated_at'),
        updated_by: eb.ref('excluded.updated_by'),
        category: eb.ref('excluded.category'),
        region_code: eb.ref('excluded.region_code'),
      })),
    ),
});

/** A value of a record kept as a real column too, so pulls filter by it (string or null). */
function column(write: RecordWrite, dataset: string, field: string): string | null {
  const value = write.dataset === dataset ? write.values[field] : null;
  return typeof value === 'string' ? value : null;
}

export async function writeRecords(db: Db, writes: readonly RecordWrite[]): Promise<void> {
  await upsertRecords(
    db,
    writes.map((w) => ({
      dataset: w.dataset,
      row_key: w.rowKey,
      id: w.id,
      version: w.version,
      change_seq: w.changeSeq,
      deleted: w.deleted ? 1 : 0,
      data: JSON.stringify(w.values),
      updated_at: w.at,
      updated_by: w.by,
      // What other datasets' pulls filter a record by: a product's category, a dealer's region.
      category: column(w, 'products', 'category'),
      region_code: column(w, 'dealers', 'regionCode'),
    })),
  );
}

/** The values a record had at a version, from the audit trail (for field-level merges). */
export async function valuesAtVersion(
  db: Db,
  input: { dataset: string; rowKey: string; version: number },
): Promise<Record<string, unknown> | null> {
  const row = await db
    .selectFrom('audit')
    .select('after')
    .where('dataset', '=', input.dataset)
    .where('record_key', '=', input.rowKey)
    .where('version', '=', input.version)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.after ? (JSON.parse(row.after) as Record<string, unknown>) : null;
}
