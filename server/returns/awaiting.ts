// Exchanges and dealer transfers awaiting a manager (docs/returns.md): a document over the
// approval threshold (an exchange) or requested by a sales user (a transfer) is kept in `records`
// with status awaiting-approval and ids `<document>/<n>`, and moves nothing. A manager's push of
// its approvals dataset (exchange-approvals, transfer-approvals) books it then — the document's
// own booking, rules re-checked — or rejects it; each decision is kept (versions, audit) and a
// decided document cannot be decided again (`approval-not-awaiting`).
import type { z } from 'zod';
import type { DatasetDef } from '../../shared/dataset-def';
import type { RowProblem } from '../../shared/row-errors';
import { recordsById, writeRecords, type StoredRecord } from '../datasets/records-store';
import type { Db } from '../store/db';
import type { MutationOutcome, ParsedMutation, WriteContext } from '../sync/handler';
import { keepRows, rejected, type Upsert } from './compound';

/** The stored rows of a document awaiting approval, in row order. */
async function awaitingRows(db: Db, dataset: string, doc: string) {
  const rows = await db
    .selectFrom('records')
    .select(['row_key', 'id', 'version', 'data'])
    .where('dataset', '=', dataset)
    // LIKE's wildcards (and PostgreSQL's escape) in a ref match any one character: the exact
    // prefix is checked below.
    .where('id', 'like', `${doc.replace(/[%_\\]/g, '_')}/%`)
    .where('deleted', '=', 0)
    .execute();
  return rows
    .map((r) => ({
      rowKey: r.row_key,
      id: r.id,
      version: r.version,
      values: JSON.parse(r.data) as Record<string, unknown>,
    }))
    .filter((r) => r.id.startsWith(`${doc}/`) && r.values.status === 'awaiting-approval')
    .sort((a, b) => Number(a.id.split('/').pop()) - Number(b.id.split('/').pop()));
}
export type AwaitingRow = Awaited<ReturnType<typeof awaitingRows>>[number];

/** Keeps a document's rows as awaiting approval: nothing else moves. */
export async function keepAwaiting<V extends Record<string, unknown>>(
  ctx: WriteContext,
  { dataset, doc }: { dataset: string; doc: string },
  rows: readonly { m: Upsert<V>; shown: Record<string, unknown> }[],
  outcomes: Map<number, MutationOutcome>,
): Promise<void> {
  const kept = rows.map(({ m, shown }, i) => {
    const id = `${doc}/${i + 1}`;
    return {
      rowKey: m.rowKey,
      id,
      values: { ...m.values, ...shown, id, status: 'awaiting-approval' },
    };
  });
  await keepRows(ctx, dataset, kept);
  kept.forEach((row, i) => {
    const index = rows[i]?.m.index ?? -1;
    outcomes.set(index, { status: 'applied', id: row.id, version: 1, problems: [] });
  });
}

/** The stored rows as the mutations that pushed them (the push schema's fields only). */
export function asMutations<V>(schema: z.ZodObject, rows: readonly AwaitingRow[]): Upsert<V>[] {
  const names = Object.keys(schema.shape);
  return rows.map((row, index) => {
    const values = Object.fromEntries(
      names.flatMap((n) => (n in row.values ? [[n, row.values[n]]] : [])),
    );
    return {
      mutationId: `${row.rowKey}:approval`,
      rowKey: row.rowKey,
      index,
      op: 'upsert',
      values: values as V,
    };
  });
}

export interface ApprovalSpec<V> {
  def: DatasetDef;
  /** The document an approval row names, as in the awaiting rows' ids. */
  doc: (values: V) => string;
  dataset: string;
  /** Books the document; its rows' problems when a rule refuses it now. */
  approve: (ctx: WriteContext, rows: readonly AwaitingRow[]) => Promise<RowProblem[] | undefined>;
}

type Decision = { decision: 'approve' | 'reject' };

async function decide<V extends Decision>(
  ctx: WriteContext,
  spec: ApprovalSpec<V>,
  m: Upsert<V>,
): Promise<MutationOutcome> {
  const doc = spec.doc(m.values);
  const rows = await awaitingRows(ctx.trx, spec.dataset, doc);
  if (rows.length === 0) {
    const earlier = (await recordsById(ctx.trx, spec.def.name, [doc])).get(doc);
    const status = earlier?.values.decision;
    if (typeof status === 'string')
      return rejected([{ code: 'approval-not-awaiting', params: { ref: doc, status } }]);
    return rejected([{ code: 'approval-not-found', params: { ref: doc } }]);
  }
  if (m.values.decision === 'approve') {
    const problems = await spec.approve(ctx, rows);
    if (problems) return rejected(problems);
  } else {
    const kept = rows.map((r) => ({
      ...r,
      values: { ...r.values, status: 'rejected' },
      version: r.version + 1,
    }));
    await keepRows(ctx, spec.dataset, kept);
  }
  const by = ctx.actor.user.username;
  const audit = { dataset: spec.def.name, recordKey: m.rowKey, recordId: doc, version: 1 };
  ctx.audit({ ...audit, action: m.values.decision, before: null, after: m.values });
  const write = { dataset: spec.def.name, rowKey: m.rowKey, id: doc, version: 1, deleted: false };
  const at = ctx.now.toISOString();
  await writeRecords(ctx.trx, [{ ...write, changeSeq: ctx.nextSeq(), values: m.values, at, by }]);
  return { status: 'applied', id: doc, version: 1, problems: [] };
}

/** Decides each approval row in push order; a stored row pushed again is unchanged or refused. */
export async function pushDecisions<V extends Decision>(
  ctx: WriteContext,
  spec: ApprovalSpec<V>,
  mutations: readonly ParsedMutation<V>[],
  stored: ReadonlyMap<string, StoredRecord>,
): Promise<MutationOutcome[]> {
  const outcomes: MutationOutcome[] = [];
  for (const m of mutations) {
    const before = stored.get(m.rowKey);
    if (m.op === 'upsert' && !before) {
      outcomes.push(await decide(ctx, spec, m));
      continue;
    }
    const same = before && JSON.stringify(before.values) === JSON.stringify(m.values);
    const decided = before?.values.decision;
    const params = { ref: before?.id ?? '', status: typeof decided === 'string' ? decided : '' };
    outcomes.push(
      same
        ? { status: 'unchanged', id: before.id, version: before.version, problems: [] }
        : rejected([{ code: 'approval-not-awaiting', params }]),
    );
  }
  return outcomes;
}

/** What refused a document booked on approval (its own rows' problems), or none. */
export function refusalOf(
  outcomes: ReadonlyMap<number, MutationOutcome>,
): RowProblem[] | undefined {
  const all = [...outcomes.values()];
  if (all.length > 0 && all.every((o) => o.status === 'applied')) return undefined;
  const own = all
    .flatMap((o) => o.problems)
    .filter((p) => p.code !== 'exchange-other-part-refused')
    .map((p): RowProblem => (p.params ? { code: p.code, params: p.params } : { code: p.code }));
  return own.length > 0 ? own : [{ code: 'exchange-other-part-refused' }];
}
