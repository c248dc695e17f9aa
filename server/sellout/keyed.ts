// A dataset kept in `records` whose rows are named by some of their own fields (a replenishment
// rule by location × SKU, a fair input by dealer × style, a ladder step by its number): pushing
// the same name again replaces the row, from whichever sheet row it comes, with no base version
// asked (the latest typed value is the setting), and the replacement is audited with the values
// before and after. When the name moves to another sheet row, the old row is tombstoned so a
// name is live once. docs/sell-out.md.
import type { DatasetDef } from '../../shared/dataset-def';
import type { RowProblem } from '../../shared/row-errors';
import { pullRecords } from '../datasets/master';
import {
  recordsById,
  recordsByKey,
  writeRecords,
  type RecordWrite,
  type StoredRecord,
} from '../datasets/records-store';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';

type Values = Record<string, unknown>;

interface KeyedOptions {
  /** The row's name, from its values. */
  keyOf: (values: Values) => string;
  /** Problems of each upsert's values (references, rules), in order. */
  check?: (ctx: WriteContext, values: readonly Values[]) => Promise<RowProblem[][]>;
}

interface Batch {
  ctx: WriteContext;
  def: DatasetDef;
  byId: Map<string, StoredRecord>;
  byKey: Map<string, StoredRecord>;
  tombstones: RecordWrite[];
  writes: RecordWrite[];
}

function record(
  batch: Batch,
  r: Pick<RecordWrite, 'rowKey' | 'id' | 'version' | 'deleted' | 'values'>,
) {
  const { ctx, def } = batch;
  return {
    ...r,
    dataset: def.name,
    changeSeq: ctx.nextSeq(),
    at: ctx.now.toISOString(),
    by: ctx.actor.user.username,
  };
}

function write(batch: Batch, next: RecordWrite, before: StoredRecord | undefined): MutationOutcome {
  batch.writes.push(next);
  const stored = { ...next };
  batch.byId.set(next.id, stored);
  batch.byKey.set(next.rowKey, stored);
  batch.ctx.audit({
    dataset: batch.def.name,
    recordKey: next.rowKey,
    recordId: next.id,
    version: next.version,
    action: next.deleted ? 'delete' : before ? 'update' : 'create',
    before: before?.values ?? null,
    after: next.values,
  });
  return { status: 'applied', id: next.id, version: next.version, problems: [] };
}

function upsert(batch: Batch, m: ParsedMutation & { op: 'upsert' }, id: string): MutationOutcome {
  const found = batch.byId.get(id);
  const live = found && !found.deleted ? found : undefined;
  if (live && live.rowKey === m.rowKey && JSON.stringify(live.values) === JSON.stringify(m.values))
    return { status: 'unchanged', id, version: live.version, problems: [] };
  if (live && live.rowKey !== m.rowKey) {
    const tombstone = record(batch, { ...live, version: live.version + 1, deleted: true });
    batch.tombstones.push(tombstone);
    batch.byKey.set(live.rowKey, { ...tombstone });
  }
  const atKey = batch.byKey.get(m.rowKey);
  const version =
    Math.max(live?.version ?? 0, atKey?.version ?? 0) + (live && live.rowKey !== m.rowKey ? 2 : 1);
  return write(
    batch,
    record(batch, { rowKey: m.rowKey, id, version, deleted: false, values: m.values }),
    live,
  );
}

function remove(batch: Batch, m: ParsedMutation): MutationOutcome {
  const live = batch.byKey.get(m.rowKey);
  if (!live || live.deleted) return { status: 'unchanged', problems: [] };
  return write(batch, record(batch, { ...live, version: live.version + 1, deleted: true }), live);
}

export function keyedHandler(def: DatasetDef, options: KeyedOptions): DatasetHandler {
  return defineHandler(def, {
    async push(ctx, mutations: readonly ParsedMutation[]) {
      const upserts = mutations.flatMap((m) => (m.op === 'upsert' ? [m.values] : []));
      const problems = options.check ? await options.check(ctx, upserts) : [];
      const byKey = await recordsByKey(
        ctx.trx,
        def.name,
        mutations.map((m) => m.rowKey),
      );
      const ids = [...upserts.map(options.keyOf), ...[...byKey.values()].map((r) => r.id)];
      const byId = await recordsById(ctx.trx, def.name, ids);
      const batch: Batch = { ctx, def, byId, byKey, tombstones: [], writes: [] };
      let index = 0;
      const outcomes = mutations.map((m): MutationOutcome => {
        if (m.op !== 'upsert') return remove(batch, m);
        const found = problems[index++] ?? [];
        if (found.length > 0) return { status: 'rejected', problems: found };
        return upsert(batch, m, options.keyOf(m.values));
      });
      await writeRecords(ctx.trx, batch.tombstones);
      await writeRecords(ctx.trx, batch.writes);
      return outcomes;
    },
    pull: (request) => pullRecords(def.name, request),
  });
}
