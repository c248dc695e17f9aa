// Data functions over the generic `records` table (master data and movement documents). Each
// takes the database (or a transaction) first, as in rocicorp/todo-row-versioning.
import { sql } from 'kysely';
import type { Db } from '../store/db';
import { isPostgres } from '../store/dialect';
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

/** What `recordsOf` reads of one dataset: the records with these ids, or every live one. */
type RecordWant = { dataset: string; ids: readonly string[] } | { dataset: string; all: true };

/**
 * Records of several datasets: by id as `recordsById` reads them (the live record wins over a
 * deleted one with its id), or every live record as `allRecords`. Results by dataset, then by
 * id. On PostgreSQL in one statement of fixed text (one round trip, planned once per
 * connection's cache); SQLite runs in-process, where the plain per-dataset queries are cheaper
 * than one query that joins them (docs/architecture.md, "Round trips").
 */
export async function recordsOf(
  db: Db,
  wants: readonly RecordWant[],
): Promise<Map<string, Map<string, StoredRecord>>> {
  const result = new Map<string, Map<string, StoredRecord>>();
  if (!isPostgres(db)) {
    for (const want of wants)
      result.set(
        want.dataset,
        'all' in want
          ? await allRecords(db, want.dataset)
          : await recordsById(db, want.dataset, want.ids),
      );
    return result;
  }
  for (const want of wants) result.set(want.dataset, new Map());
  const datasets: string[] = [];
  const ids: string[] = [];
  for (const want of wants)
    if ('ids' in want)
      for (const id of new Set(want.ids)) {
        datasets.push(want.dataset);
        ids.push(id);
      }
  const whole = wants.flatMap((want) => ('all' in want ? [want.dataset] : []));
  if (ids.length === 0 && whole.length === 0) return result;
  // Two index scans (records_id, records_live_id) under one UNION ALL: an OR of the two
  // conditions would read the whole table.
  const { rows } = await sql<Row & { dataset: string }>`
    SELECT r.dataset, r.row_key, r.id, r.version, r.change_seq, r.deleted, r.data
    FROM unnest(${datasets}::text[], ${ids}::text[]) AS w(dataset, id)
    JOIN records r ON r.dataset = w.dataset AND r.id = w.id
    UNION ALL
    SELECT dataset, row_key, id, version, change_seq, deleted, data FROM records
    WHERE dataset = ANY(${whole}::text[]) AND deleted = 0`.execute(db);
  // Deleted first, so a live record with the same id replaces it.
  rows.sort((a, b) => b.deleted - a.deleted);
  for (const row of rows) result.get(row.dataset)?.set(row.id, toRecord(row));
  return result;
}

/** Every live record of a (small) master dataset, by id. */
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
