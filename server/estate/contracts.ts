// 签约: a contract made from an active subscription with the same figures and a number from the
// project's allocator (HT-<project>-0001). Once signed, its signing date changes only with a
// manager's approval (push option `approveChange`); its stage moves on to 备案 and 回款完成 by the
// state machine; 退房 and 换房 need a manager and free the unit in the same transaction.
import type { z } from 'zod';
import { estateContractsDataset } from '../../shared/estate/datasets';
import type { contractSchema } from '../../shared/estate/rows';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import {
  applied,
  cancelDocument,
  closedCheck,
  nextNumber,
  planMove,
  pullDocuments,
  rejected,
  staleCheck,
} from './documents';
import { notYours } from './holds';
import { documentById, documentByKey, expireHolds, saveDocument, unitByCode } from './store';
import type { EstDocumentsTable } from './tables';
import { stampFor } from './units';

type ContractValues = z.output<typeof contractSchema>;
type Upsert = ParsedMutation<ContractValues> & { op: 'upsert' };

async function sign(ctx: WriteContext, m: Upsert): Promise<MutationOutcome> {
  const sub = await documentById(ctx.trx, m.values.subscriptionId);
  const unit = sub && (await unitByCode(ctx.trx, sub.unit_code));
  if (!sub || !unit || sub.kind !== 'subscription' || sub.state !== 'active') {
    const params = { document: m.values.subscriptionId };
    return rejected({ field: 'subscriptionId', code: 'estate-subscription-unknown', params });
  }
  const refusal = notYours(ctx, sub);
  if (refusal) return refusal;
  const move = planMove(ctx, unit, 'sign');
  if ('refusal' in move) return move.refusal;
  await saveDocument(ctx.trx, stampFor(ctx), { ...sub, state: 'converted', active: 0 }, sub);
  const figures = JSON.parse(sub.values_json) as Record<string, unknown>;
  const doc = await saveDocument(ctx.trx, stampFor(ctx), {
    ...sub,
    id: await nextNumber(ctx.trx, 'HT', unit.project_code),
    row_key: m.rowKey,
    kind: 'contract',
    values_json: JSON.stringify({
      ...figures,
      subscriptionId: sub.id,
      signDate: m.values.signDate,
    }),
    doc_date: m.values.signDate,
    source_id: sub.id,
    stage: 'contracted',
    state: 'active',
    active: 1,
  });
  await move.apply();
  return applied(doc);
}

/** A stage move (备案, 回款完成) or an approved change of the signing date. */
async function change(ctx: WriteContext, stored: EstDocumentsTable, v: ContractValues) {
  const before = JSON.parse(stored.values_json) as Record<string, unknown>;
  const approved =
    ctx.options.approveChange === true && ['admin', 'manager'].includes(ctx.actor.user.role);
  if ((v.signDate !== before.signDate || v.subscriptionId !== stored.source_id) && !approved)
    return rejected({ field: 'signDate', code: 'estate-contract-signed' });
  if (v.subscriptionId !== stored.source_id)
    return rejected({ field: 'subscriptionId', code: 'invalid-value' });
  const stage = v.stage ?? stored.stage;
  let applyMove: (() => Promise<unknown>) | null = null;
  if (stage !== stored.stage) {
    const unit = await unitByCode(ctx.trx, stored.unit_code);
    if (!unit) throw new Error(`contract ${stored.id}: unit ${stored.unit_code} is missing`);
    const move = planMove(ctx, unit, stage === 'filed' ? 'file' : 'complete-payment');
    if ('refusal' in move) return move.refusal;
    applyMove = move.apply;
  }
  const values = JSON.stringify({ ...before, signDate: v.signDate });
  const doc = await saveDocument(
    ctx.trx,
    stampFor(ctx),
    { ...stored, values_json: values, doc_date: v.signDate, stage },
    stored,
  );
  await applyMove?.();
  return applied(doc);
}

async function applyContract(ctx: WriteContext, m: ParsedMutation<ContractValues>) {
  const stored = await documentByKey(ctx.trx, 'contract', m.rowKey);
  if (!stored) {
    if (m.op === 'delete') return { status: 'unchanged', problems: [] } satisfies MutationOutcome;
    if (m.values.cancel) return rejected({ field: 'cancel', code: 'record-not-found' });
    return sign(ctx, m);
  }
  const refusal =
    staleCheck(stored, m.baseVersion) ?? closedCheck(ctx, stored) ?? notYours(ctx, stored);
  if (refusal) return refusal;
  if (m.op === 'delete') return cancelDocument(ctx, stored, { kind: 'exit' });
  const { cancel, cancelReason } = m.values;
  if (cancel) return cancelDocument(ctx, stored, { kind: cancel, reason: cancelReason });
  return change(ctx, stored, m.values);
}

export function contractsHandler() {
  return defineHandler(estateContractsDataset, {
    push: async (ctx, mutations) => {
      await expireHolds(ctx.trx, stampFor(ctx));
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) outcomes.push(await applyContract(ctx, m));
      return outcomes;
    },
    pull: (request) =>
      pullDocuments(request, 'contract', (doc) => ({
        stage: doc.stage,
        ...(doc.source_id ? { subscriptionId: doc.source_id } : {}),
      })),
  });
}
