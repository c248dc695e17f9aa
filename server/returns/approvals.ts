// The "return-approvals" dataset (退货审批, docs/returns.md): a manager approves or rejects a
// whole return awaiting approval. Approval posts it — stock for restocked lines, a credit note,
// credit balance past what the invoice owes (post.ts) — in the push's transaction; rejection
// frees its quantities for other returns. Each decision is kept in `records` (versions, audit)
// and an approved or rejected return cannot be decided again (`return-not-awaiting`).
import type { PushValues } from '../../shared/dataset-def';
import { returnApprovalsDataset } from '../../shared/returns/datasets';
import { pullRecords } from '../datasets/master';
import { recordsByKey, writeRecords, type RecordWrite } from '../datasets/records-store';
import { rowStamp } from '../sync/changes';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { flushPosting, openPosting, postLine } from './post';
import { returnDocument, saveReturnLines } from './store';
import type { ReturnLinesTable } from './tables';

type Values = PushValues<typeof returnApprovalsDataset>;
type Decided = { m: ParsedMutation<Values> & { op: 'upsert' }; lines: ReturnLinesTable[] };

const rejected = (code: 'return-not-found' | 'return-not-awaiting', params: object) =>
  ({ status: 'rejected', problems: [{ code, params }] }) as MutationOutcome;

async function decide(ctx: WriteContext, m: Decided['m']): Promise<MutationOutcome | Decided> {
  const { dealerCode: dealer, returnRef: ref } = m.values;
  const lines = await returnDocument(ctx.trx, dealer, ref);
  if (lines.length === 0) return rejected('return-not-found', { dealer, ref });
  const status = lines.find((l) => l.status !== 'awaiting-approval')?.status;
  if (status !== undefined) return rejected('return-not-awaiting', { ref, status });
  return { m, lines };
}

function record(ctx: WriteContext, d: Decided, version: number): RecordWrite {
  const id = `${d.m.values.dealerCode}/${d.m.values.returnRef}`;
  const audit = { dataset: returnApprovalsDataset.name, recordKey: d.m.rowKey, recordId: id };
  ctx.audit({ ...audit, version, action: d.m.values.decision, before: null, after: d.m.values });
  return {
    dataset: returnApprovalsDataset.name,
    rowKey: d.m.rowKey,
    id,
    version,
    changeSeq: ctx.nextSeq(),
    deleted: false,
    values: d.m.values,
    at: ctx.now.toISOString(),
    by: ctx.actor.user.username,
  };
}

async function pushApprovals(ctx: WriteContext, mutations: readonly ParsedMutation<Values>[]) {
  const stored = await recordsByKey(
    ctx.trx,
    returnApprovalsDataset.name,
    mutations.map((m) => m.rowKey),
  );
  const outcomes: MutationOutcome[] = [];
  const decided: Decided[] = [];
  const taken = new Set<string>();
  for (const m of mutations) {
    const before = stored.get(m.rowKey);
    if (m.op === 'delete' || before) {
      const unchanged = before && JSON.stringify(before.values) === JSON.stringify(m.values);
      const stored = before?.values.returnRef ?? m.values?.returnRef;
      const ref = typeof stored === 'string' ? stored : '';
      outcomes.push(
        unchanged
          ? { status: 'unchanged', id: before.id, version: before.version, problems: [] }
          : rejected('return-not-awaiting', { ref, status: 'decided' }),
      );
      continue;
    }
    const key = `${m.values.dealerCode}\u0000${m.values.returnRef}`;
    const result = taken.has(key)
      ? rejected('return-not-awaiting', { ref: m.values.returnRef, status: 'decided' })
      : await decide(ctx, m);
    taken.add(key);
    if ('status' in result) outcomes.push(result);
    else {
      decided.push(result);
      outcomes.push({ status: 'applied', id: '', version: 1, problems: [] });
    }
  }
  const approved = decided.filter((d) => d.m.values.decision === 'approve');
  const lines: ReturnLinesTable[] = [];
  if (approved.length > 0) {
    const posting = await openPosting(
      ctx,
      approved.flatMap((d) => d.lines),
    );
    for (const d of approved) lines.push(...d.lines.map((l) => postLine(posting, l)));
    await flushPosting(posting);
  }
  for (const d of decided.filter((d) => d.m.values.decision === 'reject'))
    lines.push(...d.lines.map((l) => ({ ...l, status: 'rejected' })));
  const written = lines.map((l) => ({ ...l, ...rowStamp(ctx, l.version + 1) }));
  for (const line of written) {
    const audit = { dataset: 'returns', recordKey: line.row_key, recordId: line.id };
    ctx.audit({ ...audit, version: line.version, action: line.status, before: null, after: line });
  }
  await saveReturnLines(ctx.trx, written);
  const writes = decided.map((d) => record(ctx, d, 1));
  await writeRecords(ctx.trx, writes);
  return outcomes.map((o, i) => {
    const write = writes.find((w) => w.rowKey === mutations[i]?.rowKey);
    return write && o.status === 'applied' ? { ...o, id: write.id } : o;
  });
}

export function returnApprovalsHandler(): DatasetHandler {
  return defineHandler(returnApprovalsDataset, {
    push: pushApprovals,
    pull: (request) =>
      pullRecords(returnApprovalsDataset.name, request, (values) => {
        const { dealer } = request.filter;
        return dealer === undefined || values.dealerCode === dealer;
      }),
  });
}
