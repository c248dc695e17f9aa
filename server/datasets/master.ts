// Master data (regions, dealers, products, locations, staff): versioned records keyed by the
// client's row key and unique by their natural key (a dealer's code). Managers push; all pull.
import type { DatasetDef } from '../../shared/datasets';
import { describeDataset } from '../../shared/meta';
import { decideUpdate } from '../../shared/merge';
import type { RowProblem } from '../../shared/row-errors';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type PullPage,
  type PullRequest,
  type WriteContext,
} from '../sync/handler';
import {
  allRecords,
  recordsById,
  rowKeyGuard,
  recordsChangedSince,
  valuesAtVersion,
  writeRecords,
  type RecordWrite,
  type StoredRecord,
} from './records-store';
import { refreshDealerLimits } from '../finance/exposure-book';

/** Fields of `def` that name records of another master dataset, e.g. a dealer's region. */
function referenceFields(def: DatasetDef): { field: string; dataset: string }[] {
  return describeDataset(def).fields.flatMap((f) =>
    f.ref !== undefined && !f.readOnly ? [{ field: f.name, dataset: f.ref }] : [],
  );
}

async function missingReferences(
  ctx: WriteContext,
  def: DatasetDef,
  mutations: readonly ParsedMutation[],
  written: Map<string, string>,
): Promise<Map<number, RowProblem[]>> {
  const problems = new Map<number, RowProblem[]>();
  for (const { field, dataset } of referenceFields(def)) {
    const known = await allRecords(ctx.trx, dataset);
    for (const m of mutations) {
      if (m.op === 'delete') continue;
      const code = m.values[field];
      if (typeof code !== 'string') continue;
      const selfRef = dataset === def.name && written.has(code);
      if (known.has(code) || selfRef) continue;
      const list = problems.get(m.index) ?? [];
      list.push({
        field,
        code: dataset === 'regions' ? 'unknown-region' : 'invalid-value',
        params: { value: code },
      });
      problems.set(m.index, list);
    }
  }
  return problems;
}

const serverValues = (record: StoredRecord) => ({
  ...record.values,
  _key: record.rowKey,
  _version: record.version,
});

interface Batch {
  ctx: WriteContext;
  def: DatasetDef;
  naturalKey: string;
  byKey: Map<string, StoredRecord>;
  byId: Map<string, StoredRecord>;
  writes: RecordWrite[];
}

function write(
  batch: Batch,
  record: Omit<RecordWrite, 'dataset' | 'changeSeq' | 'at' | 'by'>,
  before: StoredRecord | undefined,
): MutationOutcome {
  const { ctx, def } = batch;
  const full: RecordWrite = {
    ...record,
    dataset: def.name,
    changeSeq: ctx.nextSeq(),
    at: ctx.now.toISOString(),
    by: ctx.actor.user.username,
  };
  batch.writes.push(full);
  const stored: StoredRecord = {
    rowKey: full.rowKey,
    id: full.id,
    version: full.version,
    changeSeq: full.changeSeq,
    deleted: full.deleted,
    values: full.values,
  };
  batch.byKey.set(full.rowKey, stored);
  if (before && before.id !== full.id) batch.byId.delete(before.id);
  batch.byId.set(full.id, stored);
  const action = record.deleted ? 'delete' : before ? 'update' : 'create';
  ctx.audit({
    dataset: def.name,
    recordKey: full.rowKey,
    recordId: full.id,
    version: full.version,
    action,
    before: before?.values ?? null,
    after: full.values,
  });
  return { status: 'applied', id: full.id, version: full.version, problems: [] };
}

async function applyOne(batch: Batch, m: ParsedMutation): Promise<MutationOutcome> {
  const existing = batch.byKey.get(m.rowKey);
  if (m.op === 'delete') {
    if (!existing || existing.deleted) return { status: 'unchanged', problems: [] };
    if (m.baseVersion !== existing.version)
      return {
        status: 'conflict',
        problems: [{ code: 'stale-version', params: { version: existing.version } }],
        serverValues: serverValues(existing),
      };
    return write(
      batch,
      {
        rowKey: existing.rowKey,
        id: existing.id,
        version: existing.version + 1,
        deleted: true,
        values: existing.values,
      },
      existing,
    );
  }
  const id = String(m.values[batch.naturalKey]);
  const holder = batch.byId.get(id);
  if (holder && holder.rowKey !== m.rowKey && !holder.deleted) {
    return {
      status: 'conflict',
      problems: [{ field: batch.naturalKey, code: 'key-taken', params: { value: id } }],
      serverValues: serverValues(holder),
    };
  }
  if (!existing || existing.deleted) {
    if (holder && holder.rowKey !== m.rowKey) batch.byId.delete(id);
    return write(
      batch,
      {
        rowKey: m.rowKey,
        id,
        version: (existing?.version ?? 0) + 1,
        deleted: false,
        values: m.values,
      },
      existing,
    );
  }
  const base =
    m.baseVersion !== undefined && m.baseVersion < existing.version
      ? await valuesAtVersion(batch.ctx.trx, {
          dataset: batch.def.name,
          rowKey: m.rowKey,
          version: m.baseVersion,
        })
      : null;
  const decision = decideUpdate({
    current: existing.values,
    currentVersion: existing.version,
    incoming: m.values,
    baseVersion: m.baseVersion,
    base,
  });
  if (decision.kind === 'unchanged')
    return { status: 'unchanged', id: existing.id, version: existing.version, problems: [] };
  if (decision.kind === 'conflict') {
    const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
    return {
      status: 'conflict',
      problems: [{ code, params: { version: existing.version } }],
      serverValues: serverValues(existing),
    };
  }
  return write(
    batch,
    {
      rowKey: m.rowKey,
      id: String(decision.values[batch.naturalKey]),
      version: existing.version + 1,
      deleted: false,
      values: decision.values,
    },
    existing,
  );
}

/**
 * The handler of a master-like dataset `def`. It reads no field but the ones `def` names (its
 * natural key, its references), so it takes any dataset's values as a record.
 */
export function masterHandler(def: DatasetDef): DatasetHandler {
  const naturalKey = def.naturalKey;
  if (!naturalKey) throw new Error(`master dataset ${def.name} needs a natural key`);
  return defineHandler(def, {
    async push(ctx, mutations) {
      const byKey = await rowKeyGuard.find(
        ctx.trx,
        def.name,
        mutations.map((m) => m.rowKey),
      );
      const byId = await recordsById(
        ctx.trx,
        def.name,
        mutations.filter((m) => m.op === 'upsert').map((m) => String(m.values[naturalKey])),
      );
      const written = new Map(
        mutations
          .filter((m) => m.op === 'upsert')
          .map((m) => [String(m.values[naturalKey]), m.rowKey]),
      );
      const refProblems = await missingReferences(ctx, def, mutations, written);
      const storedIds = [...byKey.values()].map((record) => record.id);
      const batch: Batch = { ctx, def, naturalKey, byKey, byId, writes: [] };
      const seenIds = new Map<string, number>();
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) {
        const problems = refProblems.get(m.index);
        const id = m.op === 'upsert' ? String(m.values[naturalKey]) : undefined;
        const twin = id === undefined ? undefined : seenIds.get(id);
        if (problems) outcomes.push({ status: 'rejected', problems });
        else if (twin !== undefined)
          outcomes.push({
            status: 'rejected',
            problems: [
              { field: naturalKey, code: 'duplicate-in-batch', params: { row: twin + 1 } },
            ],
          });
        else outcomes.push(await applyOne(batch, m));
        if (id !== undefined && twin === undefined) seenIds.set(id, m.index);
      }
      await writeRecords(ctx.trx, batch.writes);
      // A dealer's credit limit is kept beside its exposure, for the credit check's one read
      // (codes written, and codes a renamed dealer left behind).
      if (def.name === 'dealers')
        await refreshDealerLimits(ctx.trx, [...batch.writes.map((w) => w.id), ...storedIds]);
      return outcomes;
    },
    pull: (request) => pullRecords(def.name, request),
  });
}

/** Pull for any dataset kept in `records`; `matches` applies the request's filters. */
export async function pullRecords(
  dataset: string,
  request: PullRequest,
  matches: (values: Record<string, unknown>) => boolean = () => true,
): Promise<PullPage> {
  const records = await recordsChangedSince(request.db, {
    dataset,
    afterSeq: request.afterSeq,
    limit: request.limit,
  });
  const rows: PullPage['rows'] = [];
  for (const record of records) {
    const live = !record.deleted && matches(record.values);
    if (!live && record.changeSeq <= request.skipTombstonesUpTo) continue;
    const values = { ...record.values, id: record.id };
    rows.push({
      key: record.rowKey,
      version: record.version,
      op: live ? 'upsert' : 'delete',
      values,
      seq: record.changeSeq,
    });
  }
  return { rows, hasMore: records.length === request.limit };
}
