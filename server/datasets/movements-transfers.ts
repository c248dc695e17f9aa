// 调拨: stock leaves the sending location at once (on hand falls, it must be available) and is in
// transit at the receiving one until someone pushes the same row again with its receivedDate;
// then it moves into on hand there. A received transfer can no longer change.
import { transfersDataset } from '../../shared/datasets';
import type { RowProblem } from '../../shared/row-errors';
import { transferSchema, type Transfer } from '../../shared/stock';
import { inDateRange, movementHandler } from './movements';
import type { StoredRecord } from './records-store';
import { prepareStock, type StockEnv } from './movements-stock';
import { checkLocation, checkSku } from './stock-refs';

function transferProblems(env: StockEnv, t: Transfer): RowProblem[] {
  const problems = [
    ...checkLocation(env.refs, t.fromLocationCode, 'fromLocationCode'),
    ...checkLocation(env.refs, t.toLocationCode, 'toLocationCode'),
    ...checkSku(env.refs, t.skuCode),
  ];
  if (t.fromLocationCode === t.toLocationCode)
    problems.push({ field: 'toLocationCode', code: 'same-location' });
  if (problems.length > 0) return problems;
  const available = env.book.available(t.fromLocationCode, t.skuCode);
  if (t.quantity > available) {
    return [
      {
        field: 'quantity',
        code: 'insufficient-stock',
        params: { available: Math.max(0, available) },
      },
    ];
  }
  return [];
}

function receive(env: StockEnv, t: Transfer & { receivedDate: string }, ref: string): void {
  const { toLocationCode: location, skuCode: sku, quantity } = t;
  env.book.change({
    kind: 'transfer-received',
    location,
    sku,
    date: t.receivedDate,
    ref,
    inTransit: -quantity,
    onHand: quantity,
  });
}

function sendAndMaybeReceive(env: StockEnv, t: Transfer, ref: string): void {
  const { skuCode: sku, quantity, date } = t;
  env.book.change({
    kind: 'transfer-out',
    location: t.fromLocationCode,
    sku,
    date,
    ref,
    onHand: -quantity,
  });
  env.book.change({
    kind: 'transfer-in-transit',
    location: t.toLocationCode,
    sku,
    date,
    ref,
    inTransit: quantity,
  });
  if (t.receivedDate) receive(env, { ...t, receivedDate: t.receivedDate }, ref);
}

/** Only the receipt may be added to a stored transfer; null means "immutable". */
function amendTransfer(
  env: StockEnv,
  doc: { stored: StoredRecord; values: Transfer },
): RowProblem[] | null {
  const read = transferSchema.safeParse(doc.stored.values);
  if (!read.success) return null;
  const stored = read.data;
  const { values } = doc;
  if (stored.receivedDate) return [{ field: 'receivedDate', code: 'transfer-received' }];
  const { receivedDate, ...rest } = values;
  const unchangedOtherwise =
    JSON.stringify(Object.entries(rest).sort()) ===
    JSON.stringify(Object.entries(doc.stored.values).sort());
  if (!receivedDate || !unchangedOtherwise) return null;
  if (receivedDate < stored.date) return [{ field: 'receivedDate', code: 'invalid-value' }];
  receive(env, { ...stored, receivedDate }, doc.stored.id);
  return [];
}

const touches = (t: Partial<Transfer>, location: string | undefined) =>
  !location || t.fromLocationCode === location || t.toLocationCode === location;

export function transfersHandler() {
  return movementHandler(transfersDataset, {
    prefix: 'TR',
    prepare: (ctx, rows) => prepareStock(ctx, rows, ['fromLocationCode', 'toLocationCode']),
    create(env: StockEnv, doc) {
      const t = doc.values;
      const problems = transferProblems(env, t);
      if (problems.length === 0) sendAndMaybeReceive(env, t, doc.id);
      return problems;
    },
    amend: amendTransfer,
    matches: (values, request) =>
      touches(values, request.filter.location) && inDateRange(values.date, request),
  });
}
