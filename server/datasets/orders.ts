// The "orders" dataset (要货订单): one pushed row is one order line; rows group into an order by
// (dealer, order reference) and a group is accepted or rejected whole — each row says why, its
// own problem or `order-rejected`. Accepted lines reserve stock in the same transaction.
import { ordersDataset } from '../../shared/datasets';
import type { OrderLine } from '../../shared/order';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import {
  checkCallOffs,
  checkHeader,
  evaluate,
  groupEntries,
  isFailed,
  rejected,
  toEntries,
  type Batch,
  type Entry,
} from './orders-evaluate';
import { ExposureBook } from '../finance/exposure-book';
import { lockSpace } from '../store/locks';
import { guardOrderCredit } from '../finance/order-credit';
import { pullOrders } from './orders-pull';
import {
  linesByKey,
  orderKey,
  ordersFor,
  type LineValues,
  type StoredLine,
  type StoredOrder,
} from './orders-store';
import { insertOrders, saveLines } from './orders-write';
import { StockBook } from './stock-book';
import { DocNumbers } from '../sync/doc-numbers';
import { loadRefs } from './stock-refs';
import { CallOffBook } from '../stock-ops/call-offs';
import { licenceSettings, loadLicenceBook } from '../support/licence-check';

async function openBatch(ctx: WriteContext, entries: readonly Entry[]): Promise<Batch> {
  const values = entries.flatMap((e) => (e.values ? [e.values] : []));
  const refs = await loadRefs(ctx.trx, {
    skus: values.map((v) => v.skuCode),
    locations: values.map((v) => v.locationCode),
    dealers: values.map((v) => v.dealerCode),
    alsoWhole: [licenceSettings],
  });
  // Credit checks of one dealer take turns across instances (PostgreSQL): its lock comes after
  // the stock pairs', in their statement, and before the day's order counter is claimed.
  const book = await StockBook.load(
    ctx.trx,
    values.map((v) => ({ location: v.locationCode, sku: v.skuCode })),
    [{ space: lockSpace.dealerCredit, keys: values.map((v) => v.dealerCode) }],
  );
  const orders = await ordersFor(ctx.trx, values);
  const numbers = await DocNumbers.open(ctx.trx, 'SO', ctx.today);
  const exposure = new ExposureBook(ctx.trx);
  const callOffs = await CallOffBook.load(ctx.trx, values);
  const licences = await loadLicenceBook(
    ctx.trx,
    entries.flatMap((e) => (e.values && !e.existing ? [e.values.dealerCode] : [])),
    refs.whole.get(licenceSettings),
  );
  return {
    ctx,
    refs,
    book,
    orders,
    numbers,
    newOrders: [],
    writes: [],
    exposure,
    callOffs,
    licences,
  };
}

function orderFor(batch: Batch, values: LineValues): StoredOrder {
  const key = orderKey(values.dealerCode, values.orderRef);
  const known = batch.orders.get(key);
  if (known) return known;
  const { dealerCode, orderRef, orderDate, orderType } = values;
  const order: StoredOrder = {
    id: batch.numbers.take(),
    dealerCode,
    orderRef,
    orderDate,
    orderType,
    maxLineNo: 0,
  };
  batch.orders.set(key, order);
  batch.newOrders.push(order);
  return order;
}

const money = (line: StoredLine) => ({
  quantity: line.values.quantity,
  shippedQty: line.shippedQty,
  unitPrice: line.values.unitPrice,
  cancelled: line.values.cancelled,
});

function commitEntry(batch: Batch, entry: Entry, plan: NonNullable<Entry['plan']>): void {
  const { ctx } = batch;
  const before = entry.existing;
  let line: StoredLine;
  if (before) {
    line = { ...before, values: plan.next, version: before.version + 1, changeSeq: ctx.nextSeq() };
  } else {
    const order = orderFor(batch, plan.next);
    order.maxLineNo += 1;
    line = {
      id: `${order.id}-${String(order.maxLineNo).padStart(2, '0')}`,
      rowKey: entry.m.rowKey,
      orderId: order.id,
      lineNo: order.maxLineNo,
      values: plan.next,
      shippedQty: 0,
      lastShippedDate: null,
      version: 1,
      changeSeq: ctx.nextSeq(),
      ...(entry.callOff ? { callOff: entry.callOff } : {}),
    };
  }
  for (const ledger of plan.check.ledger) ledger.ref = line.id;
  batch.writes.push(line);
  batch.exposure.line(
    line.values.dealerCode,
    line.orderId,
    before ? money(before) : null,
    money(line),
  );
  ctx.audit({
    dataset: 'orders',
    recordKey: line.rowKey,
    recordId: line.id,
    version: line.version,
    action: !before ? 'create' : plan.next.cancelled ? 'cancel' : 'update',
    // The line holds its values; the trail keeps only what it had (orders-audit.ts).
    before: before?.values ?? null,
    after: null,
  });
  entry.outcome = { status: 'applied', id: line.id, version: line.version, problems: [] };
}

async function settleGroup(batch: Batch, group: readonly Entry[]): Promise<void> {
  const point = batch.book.savepoint();
  const callOffPoint = batch.callOffs.savepoint();
  for (const entry of group) await evaluate(batch, entry);
  checkHeader(batch, group);
  checkCallOffs(batch, group);
  if (!group.some(isFailed)) await guardOrderCredit(batch.ctx, group, batch.exposure);
  if (group.some(isFailed)) {
    batch.book.rollbackTo(point);
    batch.callOffs.rollbackTo(callOffPoint);
    for (const entry of group)
      if (!entry.outcome) entry.outcome = rejected([{ code: 'order-rejected' }]);
    return;
  }
  for (const entry of group)
    if (entry.plan && !entry.outcome) commitEntry(batch, entry, entry.plan);
}

async function writeBatch(batch: Batch): Promise<void> {
  const { ctx } = batch;
  const at = ctx.now.toISOString();
  const by = ctx.actor.user.username;
  // Nothing in the push reads these again: they go with its audit rows (WriteContext.later).
  await insertOrders(
    ctx.later,
    batch.newOrders.map((o) => ({ ...o, at, by })),
  );
  await saveLines(ctx.later, batch.writes, at);
  await batch.book.flush(ctx, ctx.later);
  await batch.numbers.flush(ctx.later);
  await batch.exposure.flush(ctx.later);
}

async function pushOrders(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<OrderLine>[],
): Promise<MutationOutcome[]> {
  const existing = await linesByKey(
    ctx.trx,
    mutations.map((m) => m.rowKey),
  );
  const entries = toEntries(mutations, existing);
  const batch = await openBatch(ctx, entries);
  for (const group of groupEntries(entries)) await settleGroup(batch, group);
  await writeBatch(batch);
  return entries.map((e) => e.outcome ?? rejected([]));
}

export function ordersHandler(): DatasetHandler {
  return defineHandler(ordersDataset, { push: pushOrders, pull: pullOrders });
}
