// Stock movement documents (入库, 发货, 调拨, 调整) share one shape: kept in the generic `records`
// table with a canonical number (GR-/SH-/TR-/AD-YYYYMMDD-NNNN) so they pull like master data,
// immutable once written (`immutable-movement`; a transfer may only be signed for), and every
// stock change is a ledger line with ref = the document's number.
import type { DatasetDef, PushValues } from '../../shared/dataset-def';
import type { RowProblem } from '../../shared/row-errors';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type PullRequest,
  type WriteContext,
} from '../sync/handler';
import { pullRecords } from './master';
import { recordsByKey, writeRecords, type RecordWrite, type StoredRecord } from './records-store';
import type { StockBook } from './stock-book';
import { DocNumbers, type DocPrefix } from '../sync/doc-numbers';

export interface MovementEnv {
  ctx: WriteContext;
  book: StockBook;
}

/** A movement document's values as its dataset's push schema gives them. */
type Values = Record<string, unknown>;

/** What one kind of movement adds to the common flow; `V` is its push schema's output. */
interface MovementSpec<E extends MovementEnv, V extends Values> {
  prefix: DocPrefix;
  /** Loads what the batch refers to (master data, balances, order lines) in a few queries. */
  prepare: (ctx: WriteContext, rows: readonly V[]) => Promise<E>;
  /** Checks a new document and, when it passes, applies its stock changes under `id`. */
  create: (env: E, doc: { id: string; values: V }) => RowProblem[];
  /** A change to a stored document that is allowed (a transfer's receipt); null → immutable. */
  amend?: (env: E, doc: { stored: StoredRecord; values: V }) => RowProblem[] | null;
  /** Writes what `create` changed beyond balances and documents (order lines for shipments). */
  finish?: (env: E) => Promise<void>;
  /** The pull's filters over a document's values. */
  matches?: (values: Record<string, unknown>, request: PullRequest) => boolean;
}

const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });

interface Run<E extends MovementEnv, V extends Values> {
  name: string;
  spec: MovementSpec<E, V>;
  env: E;
  numbers: DocNumbers;
  writes: RecordWrite[];
}

function store<E extends MovementEnv, V extends Values>(
  run: Run<E, V>,
  doc: { rowKey: string; id: string; values: Record<string, unknown> },
  before?: StoredRecord,
): MutationOutcome {
  const { ctx } = run.env;
  const version = (before?.version ?? 0) + 1;
  const at = ctx.now.toISOString();
  const write = {
    ...doc,
    dataset: run.name,
    version,
    changeSeq: ctx.nextSeq(),
    deleted: false,
    at,
    by: ctx.actor.user.username,
  };
  run.writes.push(write);
  const audit = { dataset: write.dataset, recordKey: doc.rowKey, recordId: doc.id, version };
  ctx.audit({
    ...audit,
    action: before ? 'update' : 'create',
    before: before?.values ?? null,
    after: doc.values,
  });
  return { status: 'applied', id: doc.id, version, problems: [] };
}

function applyToStored<E extends MovementEnv, V extends Values>(
  run: Run<E, V>,
  m: ParsedMutation<V>,
  stored: StoredRecord,
): MutationOutcome {
  if (m.op === 'delete') return rejected([{ code: 'immutable-movement' }]);
  if (same(stored.values, m.values)) {
    return { status: 'unchanged', id: stored.id, version: stored.version, problems: [] };
  }
  const amended = run.spec.amend?.(run.env, { stored, values: m.values });
  if (!amended) return rejected([{ code: 'immutable-movement' }]);
  if (amended.length > 0) return rejected(amended);
  return store(run, { rowKey: m.rowKey, id: stored.id, values: m.values }, stored);
}

function applyOne<E extends MovementEnv, V extends Values>(
  run: Run<E, V>,
  m: ParsedMutation<V>,
  stored: StoredRecord | undefined,
): MutationOutcome {
  if (stored && !stored.deleted) return applyToStored(run, m, stored);
  if (m.op === 'delete') return { status: 'unchanged', problems: [] };
  const id = run.numbers.peek();
  const problems = run.spec.create(run.env, { id, values: m.values });
  if (problems.length > 0) return rejected(problems);
  return store(run, { rowKey: m.rowKey, id: run.numbers.take(), values: m.values });
}

/** The handler of movement dataset `def`; `spec` sees values typed by its push schema. */
export function movementHandler<E extends MovementEnv, D extends DatasetDef>(
  def: D,
  spec: MovementSpec<E, PushValues<D>>,
): DatasetHandler {
  return defineHandler(def, {
    async push(ctx, mutations) {
      const stored = await recordsByKey(
        ctx.trx,
        def.name,
        mutations.map((m) => m.rowKey),
      );
      const env = await spec.prepare(
        ctx,
        mutations.filter((m) => m.op === 'upsert').map((m) => m.values),
      );
      const run: Run<E, PushValues<D>> = {
        name: def.name,
        spec,
        env,
        numbers: await DocNumbers.open(ctx.trx, spec.prefix, ctx.today),
        writes: [],
      };
      const outcomes = mutations.map((m) => applyOne(run, m, stored.get(m.rowKey)));
      await writeRecords(ctx.trx, run.writes);
      await run.numbers.flush();
      await env.book.flush(ctx);
      await spec.finish?.(env);
      return outcomes;
    },
    pull: (request) =>
      pullRecords(def.name, request, (values) => spec.matches?.(values, request) ?? true),
  });
}

/** The `from`/`to` date filter over a document's business date. */
export function inDateRange(date: unknown, request: PullRequest): boolean {
  const { from, to } = request.filter;
  return typeof date === 'string' && (!from || date >= from) && (!to || date <= to);
}
