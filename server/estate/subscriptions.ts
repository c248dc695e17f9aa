// 认购: a unit, its buyers, the price (area × unit price × discount, shared/estate/pricing.ts) and
// a payment schedule that sums exactly to it. A subscription takes over its consultant's own hold
// on the unit (the hold is converted); anyone else's hold, subscription or contract makes it a
// conflict naming the holder. 退订 and 换房 need a manager.
import type { z } from 'zod';
import { estateSubscriptionsDataset } from '../../shared/estate/datasets';
import { checkSchedule, dealPrice, FULL_PRICE_BP } from '../../shared/estate/pricing';
import type { subscriptionSchema } from '../../shared/estate/rows';
import { formatYuan } from '../../shared/money';
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
  takenBy,
  unitAndHolder,
} from './documents';
import { notYours } from './holds';
import { documentByKey, expireHolds, saveDocument } from './store';
import type { EstDocumentsTable, EstUnitsTable } from './tables';
import { stampFor } from './units';

type SubscriptionValues = z.output<typeof subscriptionSchema>;
type Upsert = ParsedMutation<SubscriptionValues> & { op: 'upsert' };

/** The price and the figures it came from, or the refusal when the row's price or schedule is off. */
export function priceOf(unit: EstUnitsTable, v: SubscriptionValues) {
  const unitPrice = v.unitPrice ?? unit.list_unit_price;
  const discountBp = v.discountBp ?? FULL_PRICE_BP;
  const price = dealPrice(unit.gross_area, unitPrice, discountBp);
  if (v.price !== undefined && v.price !== price) {
    const params = { expected: formatYuan(price), given: formatYuan(v.price) };
    return { refusal: rejected({ field: 'price', code: 'estate-price-mismatch', params }) };
  }
  const parts = {
    deposit: v.deposit ?? 0,
    downPayment: v.downPayment ?? 0,
    loanAmount: v.loanAmount ?? 0,
    instalments: v.instalments ?? 0,
  };
  const problem = checkSchedule(price, v.paymentMethod, parts);
  if (problem?.code === 'estate-schedule-mismatch') {
    const params = {
      sum: formatYuan(problem.sum),
      price: formatYuan(problem.price),
      difference: formatYuan(problem.difference),
    };
    return { refusal: rejected({ field: 'downPayment', code: problem.code, params }) };
  }
  if (problem)
    return {
      refusal: rejected({
        field: problem.field,
        code: problem.code,
        params: { field: problem.field },
      }),
    };
  return { figures: { ...parts, unitPrice, discountBp, price } };
}

function documentOf(
  unit: EstUnitsTable,
  m: Upsert,
  figures: { price: number },
  consultantName?: string,
) {
  const { cancel: _c, cancelReason: _r, ...values } = m.values;
  return {
    row_key: m.rowKey,
    kind: 'subscription' as const,
    unit_code: unit.code,
    project_code: unit.project_code,
    building_code: unit.building_code,
    values_json: JSON.stringify({
      ...values,
      ...figures,
      grossArea: unit.gross_area,
      consultantName,
    }),
    gross_area: unit.gross_area,
    price: figures.price,
    source_id: null,
    stage: 'subscribed' as const,
    state: 'active' as const,
    active: 1,
    closed_on: null,
    deleted: 0,
    expires_at: null,
  };
}

/** The hold this subscription takes over: the consultant's own (or any, for a manager). */
async function takeOverHold(
  ctx: WriteContext,
  unit: EstUnitsTable,
  holder: EstDocumentsTable | undefined,
) {
  if (!holder) return null;
  if (holder.kind !== 'hold' || notYours(ctx, holder)) return takenBy(ctx, unit, holder);
  await saveDocument(ctx.trx, stampFor(ctx), { ...holder, state: 'converted', active: 0 }, holder);
  return null;
}

async function subscribe(ctx: WriteContext, m: Upsert): Promise<MutationOutcome> {
  const found = await unitAndHolder(ctx, m.values.unitCode);
  if ('refusal' in found) return found.refusal;
  const { unit, holder } = found;
  if (holder && (holder.kind !== 'hold' || notYours(ctx, holder)))
    return takenBy(ctx, unit, holder);
  const move = planMove(ctx, unit, 'subscribe');
  if ('refusal' in move) return move.refusal;
  const priced = priceOf(unit, m.values);
  if ('refusal' in priced) return priced.refusal;
  await takeOverHold(ctx, unit, holder);
  const holderName =
    holder && (JSON.parse(holder.values_json) as { consultantName?: string }).consultantName;
  const doc = await saveDocument(ctx.trx, stampFor(ctx), {
    ...documentOf(unit, m, priced.figures, holderName ?? ctx.actor.user.displayName),
    id: await nextNumber(ctx.trx, 'RG', unit.project_code),
    consultant: holder?.consultant ?? ctx.actor.user.username,
    doc_date: ctx.today,
  });
  await move.apply();
  return applied(doc);
}

async function applySubscription(
  ctx: WriteContext,
  m: ParsedMutation<SubscriptionValues>,
): Promise<MutationOutcome> {
  const stored = await documentByKey(ctx.trx, 'subscription', m.rowKey);
  if (!stored) {
    if (m.op === 'delete') return { status: 'unchanged', problems: [] };
    if (m.values.cancel) return rejected({ field: 'cancel', code: 'record-not-found' });
    return subscribe(ctx, m);
  }
  const refusal =
    staleCheck(stored, m.baseVersion) ?? closedCheck(ctx, stored) ?? notYours(ctx, stored);
  if (refusal) return refusal;
  if (m.op === 'delete') return cancelDocument(ctx, stored, { kind: 'withdraw' });
  if (m.values.cancel)
    return cancelDocument(ctx, stored, { kind: m.values.cancel, reason: m.values.cancelReason });
  if (m.values.unitCode !== stored.unit_code)
    return rejected({ field: 'unitCode', code: 'invalid-value' });
  const found = await unitAndHolder(ctx, stored.unit_code);
  if ('refusal' in found) return found.refusal;
  const priced = priceOf(found.unit, m.values);
  if ('refusal' in priced) return priced.refusal;
  const before = JSON.parse(stored.values_json) as { consultantName?: string };
  const next = documentOf(found.unit, m, priced.figures, before.consultantName);
  return applied(await saveDocument(ctx.trx, stampFor(ctx), { ...stored, ...next }, stored));
}

export function subscriptionsHandler() {
  return defineHandler(estateSubscriptionsDataset, {
    push: async (ctx, mutations) => {
      await expireHolds(ctx.trx, stampFor(ctx));
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) outcomes.push(await applySubscription(ctx, m));
      return outcomes;
    },
    pull: (request) =>
      pullDocuments(request, 'subscription', (doc) => ({ subscribeDate: doc.doc_date })),
  });
}
