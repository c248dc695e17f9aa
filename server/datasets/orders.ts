// The "orders" dataset (要货订单): one pushed row is one order line; rows group into an order by
// (dealer, order reference) and a group is accepted or rejected whole — each row says why, its
// own problem or `order-rejected`. Accepted lines reserve stock in the same transaction.
import { coreDatasets } from '../../shared/datasets';
import { changedFields, decideUpdate } from '../../shared/merge';
import type { RowProblem } from '../../shared/row-errors';
import type { DatasetHandler, MutationOutcome, ParsedMutation, WriteContext } from '../sync/handler';
import { checkNewLine, checkUpdate, type LineCheck, type OrderBatch } from './orders-check';
import { pullOrders } from './orders-pull';
import {
  insertOrders,
  lineValues,
  linesByKey,
  orderKey,
  ordersFor,
  pullValues,
  saveLines,
  type LineValues,
  type StoredLine,
  type StoredOrder,
} from './orders-store';
import { valuesAtVersion } from './records-store';
import { StockBook } from './stock-book';
import { DocNumbers } from './stock-numbers';
import { loadRefs } from './stock-refs';

interface Entry {
  m: ParsedMutation;
  existing: StoredLine | undefined;
  values: LineValues | undefined;
  outcome?: MutationOutcome;
  plan?: { next: LineValues; check: LineCheck };
}

interface Batch extends OrderBatch {
  orders: Map<string, StoredOrder>;
  newOrders: StoredOrder[];
  numbers: DocNumbers;
  writes: StoredLine[];
}

const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });
const isFailed = (e: Entry) => e.outcome?.status === 'rejected' || e.outcome?.status === 'conflict';

export const serverValues = (line: StoredLine) => ({ ...pullValues(line), _key: line.rowKey, _version: line.version });

function toEntries(mutations: readonly ParsedMutation[], existing: Map<string, StoredLine>): Entry[] {
  const firstIndex = new Map<string, number>();
  return mutations.map((m) => {
    const line = existing.get(m.rowKey);
    const values = m.op === 'delete' ? (line ? { ...line.values, cancelled: true } : undefined) : lineValues(m.values);
    const entry: Entry = { m, existing: line, values };
    const twin = firstIndex.get(m.rowKey);
    if (twin !== undefined) entry.outcome = rejected([{ code: 'duplicate-in-batch', params: { row: twin + 1 } }]);
    else if (!values) entry.outcome = { status: 'unchanged', problems: [] };
    firstIndex.set(m.rowKey, twin ?? m.index);
    return entry;
  });
}

function groupEntries(entries: readonly Entry[]): Entry[][] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (!entry.values) continue;
    const key = orderKey(entry.values.dealerCode, entry.values.orderRef);
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function openBatch(ctx: WriteContext, entries: readonly Entry[]): Promise<Batch> {
  const values = entries.flatMap((e) => (e.values ? [e.values] : []));
  const refs = await loadRefs(ctx.trx, {
    skus: values.map((v) => v.skuCode),
    locations: values.map((v) => v.locationCode),
    dealers: values.map((v) => v.dealerCode),
  });
  const book = await StockBook.load(ctx.trx, values.map((v) => ({ location: v.locationCode, sku: v.skuCode })));
  const orders = await ordersFor(ctx.trx, values);
  const numbers = await DocNumbers.open(ctx.trx, 'SO', ctx.today);
  return { ctx, refs, book, orders, numbers, newOrders: [], writes: [] };
}

interface Known {
  existing: StoredLine;
  values: LineValues;
}

/** The protocol's stale-update rule, with the base version's values from the audit trail. */
async function decide(batch: Batch, m: ParsedMutation, known: Known) {
  const { existing } = known;
  const older = m.baseVersion !== undefined && m.baseVersion < existing.version;
  const at = { dataset: 'orders', rowKey: m.rowKey, version: m.baseVersion ?? 0 };
  const base = older ? await valuesAtVersion(batch.ctx.trx, at) : null;
  return decideUpdate({
    current: existing.values,
    currentVersion: existing.version,
    incoming: known.values,
    baseVersion: m.baseVersion,
    base: base ? lineValues(base) : null,
  });
}

async function evaluateUpdate(batch: Batch, entry: Entry, known: Known): Promise<void> {
  const { m } = entry;
  const { existing } = known;
  const decision = await decide(batch, m, known);
  if (decision.kind === 'unchanged') {
    entry.outcome = { status: 'unchanged', id: existing.id, version: existing.version, problems: [] };
    return;
  }
  if (decision.kind === 'conflict') {
    const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
    const problems: RowProblem[] = [{ code, params: { version: existing.version } }];
    entry.outcome = { status: 'conflict', problems, serverValues: serverValues(existing) };
    return;
  }
  const merged = lineValues(decision.values);
  const next = merged.cancelled ? { ...merged, quantity: existing.values.quantity } : merged;
  const check = checkUpdate(batch, existing, { next, changed: changedFields(existing.values, next) });
  if (check.problems.length > 0) entry.outcome = rejected(check.problems);
  else entry.plan = { next, check };
}

async function evaluate(batch: Batch, entry: Entry): Promise<void> {
  const { existing, values } = entry;
  if (entry.outcome || !values) return;
  if (existing) {
    await evaluateUpdate(batch, entry, { existing, values });
    return;
  }
  const check = checkNewLine(batch, values);
  if (check.problems.length > 0) entry.outcome = rejected(check.problems);
  else entry.plan = { next: values, check };
}

/** Lines of one order agree on its header: with the order already stored, or with the first row. */
function checkHeader(batch: Batch, group: readonly Entry[]): void {
  const first = group[0]?.values;
  if (!first) return;
  const header = batch.orders.get(orderKey(first.dealerCode, first.orderRef)) ?? first;
  for (const entry of group) {
    if (!entry.plan || entry.existing) continue;
    const fields = (['orderDate', 'orderType'] as const).filter((f) => entry.plan?.next[f] !== header[f]);
    if (fields.length > 0) entry.outcome = rejected(fields.map((field) => ({ field, code: 'order-inconsistent' })));
  }
}

function orderFor(batch: Batch, values: LineValues): StoredOrder {
  const key = orderKey(values.dealerCode, values.orderRef);
  const known = batch.orders.get(key);
  if (known) return known;
  const { dealerCode, orderRef, orderDate, orderType } = values;
  const order: StoredOrder = { id: batch.numbers.take(), dealerCode, orderRef, orderDate, orderType, maxLineNo: 0 };
  batch.orders.set(key, order);
  batch.newOrders.push(order);
  return order;
}

function commitEntry(batch: Batch, entry: Entry, plan: NonNullable<Entry['plan']>): void {
  const { ctx } = batch;
  const before = entry.existing;
  let line: StoredLine;
  if (before) {
    line = { ...before, values: plan.next, version: before.version + 1, changeSeq: ctx.nextSeq() };
  } else {
    const order = orderFor(batch, plan.next);
    order.maxLineNo += 1;
    const id = `${order.id}-${String(order.maxLineNo).padStart(2, '0')}`;
    const base = { id, rowKey: entry.m.rowKey, orderId: order.id, lineNo: order.maxLineNo };
    line = { ...base, values: plan.next, shippedQty: 0, lastShippedDate: null, version: 1, changeSeq: ctx.nextSeq() };
  }
  for (const ledger of plan.check.ledger) ledger.ref = line.id;
  batch.writes.push(line);
  const action = !before ? 'create' : plan.next.cancelled ? 'cancel' : 'update';
  const audit = { dataset: 'orders', recordKey: line.rowKey, recordId: line.id, version: line.version };
  ctx.audit({ ...audit, action, before: before?.values ?? null, after: line.values });
  entry.outcome = { status: 'applied', id: line.id, version: line.version, problems: [] };
}

async function settleGroup(batch: Batch, group: readonly Entry[]): Promise<void> {
  const point = batch.book.savepoint();
  for (const entry of group) await evaluate(batch, entry);
  checkHeader(batch, group);
  if (group.some(isFailed)) {
    batch.book.rollbackTo(point);
    for (const entry of group) if (!entry.outcome) entry.outcome = rejected([{ code: 'order-rejected' }]);
    return;
  }
  for (const entry of group) if (entry.plan && !entry.outcome) commitEntry(batch, entry, entry.plan);
}

async function writeBatch(batch: Batch): Promise<void> {
  const { ctx } = batch;
  const at = ctx.now.toISOString();
  const by = ctx.actor.user.username;
  await insertOrders(ctx.trx, batch.newOrders.map((o) => ({ ...o, at, by })));
  await saveLines(ctx.trx, batch.writes, at);
  await batch.book.flush(ctx);
  await batch.numbers.flush(ctx.trx);
}

async function pushOrders(ctx: WriteContext, mutations: readonly ParsedMutation[]): Promise<MutationOutcome[]> {
  const existing = await linesByKey(ctx.trx, mutations.map((m) => m.rowKey));
  const entries = toEntries(mutations, existing);
  const batch = await openBatch(ctx, entries);
  for (const group of groupEntries(entries)) await settleGroup(batch, group);
  await writeBatch(batch);
  return entries.map((e) => e.outcome ?? rejected([]));
}

const ordersDef = coreDatasets.find((d) => d.name === 'orders');

export function ordersHandler(): DatasetHandler {
  if (!ordersDef) throw new Error('the orders dataset is not defined');
  return { def: ordersDef, push: pushOrders, pull: pullOrders };
}
