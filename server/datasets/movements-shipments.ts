// 发货: a shipment against an order line. On hand and reserved fall together at the line's
// location, never more than ordered minus already shipped (`over-shipment`), never on a
// cancelled line. The line's shipped quantity, version and change_seq move in the same
// transaction, so the orders pull shows the new status, and so does the dealer's exposure (the
// value shipped leaves open orders and becomes receivable).
import type { RowProblem } from '../../shared/row-errors';
import { shipmentsDataset } from '../../shared/datasets';
import type { Shipment } from '../../shared/stock';
import { ExposureBook } from '../finance/exposure-book';
import { depositProblems } from '../finance/order-guards';
import type { WriteContext } from '../sync/handler';
import { inDateRange, movementHandler, type MovementEnv } from './movements';
import { linesById, type StoredLine } from './orders-store';
import { saveLines } from './orders-write';
import { StockBook } from './stock-book';

interface ShipmentEnv extends MovementEnv {
  lines: Map<string, StoredLine>;
  shipped: Set<string>;
  deposits: Map<string, RowProblem>;
  exposure: ExposureBook;
}

async function prepare(
  ctx: WriteContext,
  rows: readonly Record<string, unknown>[],
): Promise<ShipmentEnv> {
  const lines = await linesById(
    ctx.trx,
    rows.map((r) => String(r.lineId)),
  );
  const pairs = [...lines.values()].map((l) => ({
    location: l.values.locationCode,
    sku: l.values.skuCode,
  }));
  const deposits = await depositProblems(ctx.trx, rows);
  const book = await StockBook.load(ctx.trx, pairs);
  const exposure = new ExposureBook(ctx.trx);
  return { ctx, book, lines, shipped: new Set(), deposits, exposure };
}

function shipmentProblems(env: ShipmentEnv, s: Shipment): RowProblem[] {
  const line = env.lines.get(s.lineId);
  if (!line) return [{ field: 'lineId', code: 'unknown-order-line', params: { value: s.lineId } }];
  if (line.values.cancelled) return [{ field: 'lineId', code: 'order-cancelled' }];
  const deposit = env.deposits.get(s.lineId);
  if (deposit) return [deposit];
  const remaining = line.values.quantity - line.shippedQty;
  if (s.quantity > remaining)
    return [{ field: 'quantity', code: 'over-shipment', params: { remaining } }];
  const balance = env.book.get(line.values.locationCode, line.values.skuCode);
  // The line's reservation covers it unless the balances were broken; say so rather than fail.
  if (balance.reserved < s.quantity || balance.onHand < s.quantity) {
    return [
      {
        field: 'quantity',
        code: 'insufficient-stock',
        params: { available: Math.min(balance.reserved, balance.onHand) },
      },
    ];
  }
  return [];
}

function ship(env: ShipmentEnv, s: Shipment, ref: string): void {
  const line = env.lines.get(s.lineId);
  if (!line) return;
  const { locationCode: location, skuCode: sku } = line.values;
  env.book.change({
    kind: 'shipment',
    location,
    sku,
    date: s.date,
    ref,
    onHand: -s.quantity,
    reserved: -s.quantity,
  });
  const { quantity, unitPrice, cancelled } = line.values;
  const money = { quantity, unitPrice, cancelled };
  const before = { ...money, shippedQty: line.shippedQty };
  line.shippedQty += s.quantity;
  env.exposure.line(line.values.dealerCode, line.orderId, before, {
    ...money,
    shippedQty: line.shippedQty,
  });
  if (line.lastShippedDate === null || s.date > line.lastShippedDate) line.lastShippedDate = s.date;
  env.shipped.add(line.id);
}

/** Writes the shipped lines with a new version and change_seq, audited as the orders dataset. */
async function finish(env: ShipmentEnv): Promise<void> {
  const { ctx } = env;
  const written: StoredLine[] = [];
  for (const id of env.shipped) {
    const line = env.lines.get(id);
    if (!line) continue;
    const next = { ...line, version: line.version + 1, changeSeq: ctx.nextSeq() };
    written.push(next);
    const audit = {
      dataset: 'orders',
      recordKey: line.rowKey,
      recordId: line.id,
      version: next.version,
    };
    // Shipping changes no pushed value, and the line holds them (orders-audit.ts).
    ctx.audit({ ...audit, action: 'ship', before: null, after: null });
  }
  await saveLines(ctx.trx, written, ctx.now.toISOString());
  await env.exposure.flush();
}

export function shipmentsHandler() {
  return movementHandler(shipmentsDataset, {
    prefix: 'SH',
    prepare,
    create(env, doc) {
      const s = doc.values;
      const problems = shipmentProblems(env, s);
      if (problems.length === 0) ship(env, s, doc.id);
      return problems;
    },
    finish,
    matches: (values, request) => inDateRange(values.date, request),
  });
}
