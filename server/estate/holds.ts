// 小订/预留: a small deposit that keeps a unit for the project's hold days, then lapses back to
// 可售 by itself (evaluated lazily with the injected clock: server/estate/store.ts expireHolds).
import type { z } from 'zod';
import { estateHoldsDataset } from '../../shared/estate/datasets';
import type { holdSchema } from '../../shared/estate/rows';
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
  isManager,
  nextNumber,
  planMove,
  pullDocuments,
  rejected,
  staleCheck,
  takenBy,
  unitAndHolder,
} from './documents';
import { documentByKey, expireHolds, projectHoldDays, saveDocument } from './store';
import type { EstDocumentsTable } from './tables';
import { stampFor } from './units';

type HoldValues = z.output<typeof holdSchema>;
const DAY_MS = 86_400_000;

/** Someone else's document: only its consultant or a manager changes it. */
export function notYours(ctx: WriteContext, doc: EstDocumentsTable): MutationOutcome | null {
  if (doc.consultant === ctx.actor.user.username || isManager(ctx)) return null;
  return rejected({
    code: 'estate-not-your-document',
    params: { document: doc.id, holder: doc.consultant },
  });
}

async function placeHold(ctx: WriteContext, m: ParsedMutation<HoldValues> & { op: 'upsert' }) {
  const found = await unitAndHolder(ctx, m.values.unitCode);
  if ('refusal' in found) return found.refusal;
  const { unit, holder } = found;
  if (holder) return takenBy(ctx, unit, holder);
  const move = planMove(ctx, unit, 'hold');
  if ('refusal' in move) return move.refusal;
  const days = (await projectHoldDays(ctx.trx, unit.project_code)) ?? 3;
  const { cancel: _c, cancelReason: _r, ...values } = m.values;
  const doc = await saveDocument(ctx.trx, stampFor(ctx), {
    id: await nextNumber(ctx.trx, 'XD', unit.project_code),
    row_key: m.rowKey,
    kind: 'hold',
    unit_code: unit.code,
    project_code: unit.project_code,
    building_code: unit.building_code,
    consultant: ctx.actor.user.username,
    values_json: JSON.stringify({ ...values, consultantName: ctx.actor.user.displayName }),
    gross_area: unit.gross_area,
    price: 0,
    doc_date: ctx.today,
    expires_at: new Date(ctx.now.getTime() + days * DAY_MS).toISOString(),
    source_id: null,
    stage: 'held',
    state: 'active',
    active: 1,
    closed_on: null,
    deleted: 0,
  });
  await move.apply();
  return applied(doc);
}

async function applyHold(
  ctx: WriteContext,
  m: ParsedMutation<HoldValues>,
): Promise<MutationOutcome> {
  const stored = await documentByKey(ctx.trx, 'hold', m.rowKey);
  if (!stored) {
    if (m.op === 'delete') return { status: 'unchanged', problems: [] };
    if (m.values.cancel) return rejected({ field: 'cancel', code: 'record-not-found' });
    return placeHold(ctx, m);
  }
  const refusal =
    staleCheck(stored, m.baseVersion) ?? closedCheck(ctx, stored) ?? notYours(ctx, stored);
  if (refusal) return refusal;
  if (m.op === 'delete') return cancelDocument(ctx, stored, { kind: 'release' });
  const { cancel, cancelReason, ...values } = m.values;
  if (cancel) return cancelDocument(ctx, stored, { kind: cancel, reason: cancelReason });
  if (values.unitCode !== stored.unit_code)
    return rejected({
      field: 'unitCode',
      code: 'estate-document-closed',
      params: { document: stored.id, state: '—' },
    });
  const before = JSON.parse(stored.values_json) as Record<string, unknown>;
  const doc = await saveDocument(
    ctx.trx,
    stampFor(ctx),
    { ...stored, values_json: JSON.stringify({ ...before, ...values }) },
    stored,
  );
  return applied(doc);
}

export function holdsHandler() {
  return defineHandler(estateHoldsDataset, {
    push: async (ctx, mutations) => {
      await expireHolds(ctx.trx, stampFor(ctx));
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) outcomes.push(await applyHold(ctx, m));
      return outcomes;
    },
    pull: (request) =>
      pullDocuments(request, 'hold', (doc) => ({
        holdDate: doc.doc_date,
        expiresAt: doc.expires_at,
      })),
  });
}
