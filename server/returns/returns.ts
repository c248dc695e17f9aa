// The "returns" dataset (退货, docs/returns.md): lines grouped by dealer + 退货单号, each naming
// the shipment it returns. A return stands or falls as one document; it is valued at the price
// each shipment was invoiced at. Worth more than the approval threshold it waits
// (awaiting-approval) for a manager (return-approvals.ts); otherwise it posts at once: stock
// for restocked lines, a credit note and, past what the invoice owes, credit balance (post.ts).
// Booked lines are immutable (`return-immutable`).
import { groupKeyOf, type PushValues } from '../../shared/dataset-def';
import { returnsDataset } from '../../shared/returns/datasets';
import type { RowProblem } from '../../shared/row-errors';
import { rowStamp } from '../sync/changes';
import { DocNumbers } from '../sync/doc-numbers';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type ParsedUpsert,
  type WriteContext,
} from '../sync/handler';
import { regionGuard, returnProblems, takeReturned, type ReturnCheck } from './check';
import { flushPosting, openPosting, postLine } from './post';
import { loadReturnsSettings } from './settings';
import { loadReturned, loadShipped, type ShippedLine } from './shipped';
import { pullReturns, returnLinesByKey, saveReturnLines } from './store';
import type { ReturnLinesTable } from './tables';

type Values = PushValues<typeof returnsDataset>;
type Upsert = ParsedUpsert<Values>;
const nothing: MutationOutcome = { status: 'unchanged', problems: [] };
const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });

function lineRow(ctx: WriteContext, m: Upsert, shipment: ShippedLine): ReturnLinesTable {
  const v = m.values;
  return {
    id: '',
    row_key: m.rowKey,
    dealer_code: v.dealerCode,
    return_ref: v.returnRef,
    date: v.date,
    shipment_id: v.shipmentId,
    sku_code: shipment.skuCode,
    quantity: v.quantity,
    unit_price: shipment.unitPrice,
    reason: v.reason,
    disposition: v.disposition,
    location_code: v.disposition === 'restock' ? (v.locationCode ?? null) : null,
    remark: v.remark ?? null,
    status: 'awaiting-approval',
    credit_note_id: null,
    credit_balance: 0,
    ...rowStamp(ctx, 1),
  };
}

/** Checks one document's new lines; all pass (and take their quantities) or none does. */
function checkGroup(check: ReturnCheck, group: readonly Upsert[]): (RowProblem[] | null)[] {
  const problems = group.map((m) => {
    const found = returnProblems(check, m.values);
    if (found.length === 0) takeReturned(check, m.values);
    return found;
  });
  if (problems.every((p) => p.length === 0)) return problems.map(() => null);
  group.forEach((m, i) => {
    if (problems[i]?.length === 0) takeReturned(check, m.values, -1);
  });
  return problems.map((p) => (p.length === 0 ? [{ code: 'order-rejected' }] : p));
}

function storedOutcome(m: ParsedMutation<Values>, stored: ReturnLinesTable): MutationOutcome {
  const v = m.values;
  const same =
    v !== undefined &&
    v.shipmentId === stored.shipment_id &&
    v.quantity === stored.quantity &&
    v.reason === stored.reason &&
    v.disposition === stored.disposition &&
    v.date === stored.date;
  if (same) return { status: 'unchanged', id: stored.id, version: stored.version, problems: [] };
  return rejected([{ code: 'return-immutable' }]);
}

async function pushReturns(ctx: WriteContext, mutations: readonly ParsedMutation<Values>[]) {
  const stored = await returnLinesByKey(
    ctx.trx,
    mutations.map((m) => m.rowKey),
  );
  const fresh = mutations.filter((m): m is Upsert => m.op === 'upsert' && !stored.has(m.rowKey));
  const shipmentIds = fresh.map((m) => m.values.shipmentId);
  const shipped = await loadShipped(ctx.trx, shipmentIds);
  const check = {
    role: ctx.actor.user.role,
    outOfRegion: await regionGuard(
      ctx,
      fresh.map((m) => m.values.dealerCode),
    ),
    shipped,
    returned: await loadReturned(ctx.trx, shipmentIds, true),
  };
  const groups = new Map<string, Upsert[]>();
  for (const m of fresh) {
    const key = groupKeyOf(returnsDataset.groupBy, m.values) ?? m.rowKey;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const { approvalThreshold } = await loadReturnsSettings(ctx.trx);
  const numbers = await DocNumbers.open(ctx.trx, 'RT', ctx.today);
  const outcomes = new Map<number, MutationOutcome>();
  const written: ReturnLinesTable[] = [];
  const toPost: ReturnLinesTable[] = [];
  for (const group of groups.values()) {
    const problems = checkGroup(check, group);
    if (problems.some((p) => p !== null)) {
      group.forEach((m, i) => outcomes.set(m.index, rejected(problems[i] ?? [])));
      continue;
    }
    const rows = group.map((m) => {
      const shipment = shipped.get(m.values.shipmentId);
      return shipment ? { ...lineRow(ctx, m, shipment), id: numbers.take() } : undefined;
    });
    const lines = rows.filter((r): r is ReturnLinesTable => r !== undefined);
    const value = lines.reduce((sum, l) => sum + l.quantity * l.unit_price, 0);
    (value > approvalThreshold ? written : toPost).push(...lines);
    lines.forEach((line, i) => {
      const index = group[i]?.index ?? -1;
      outcomes.set(index, { status: 'applied', id: line.id, version: 1, problems: [] });
    });
  }
  if (toPost.length > 0) {
    const posting = await openPosting(ctx, toPost);
    written.push(...toPost.map((line) => postLine(posting, line)));
    await flushPosting(posting);
  }
  for (const line of written) {
    const audit = { dataset: 'returns', recordKey: line.row_key, recordId: line.id, version: 1 };
    ctx.audit({ ...audit, action: 'create', before: null, after: line });
  }
  await saveReturnLines(ctx.trx, written);
  await numbers.flush();
  return mutations.map((m) => {
    const before = stored.get(m.rowKey);
    if (before) return storedOutcome(m, before);
    if (m.op === 'delete') return nothing;
    return outcomes.get(m.index) ?? rejected([]);
  });
}

export function returnsHandler(): DatasetHandler {
  return defineHandler(returnsDataset, { push: pushReturns, pull: pullReturns });
}
