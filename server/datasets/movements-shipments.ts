// 发货: a shipment against an order line. On hand and reserved fall together at the line's
// location, never more than ordered minus already shipped (`over-shipment`), never on a
// cancelled line. An over-delivery allowance (per SKU, else global; zero by default) lets a
// line ship up to ordered × (1 + allowance); the units above the order come from available
// stock, and more is refused with how much to reduce it by (docs/returns.md); the line's shipped
// quantity stops at the ordered one, the invoice bills every unit. The line's shipped quantity,
// version and change_seq move in the same transaction, so the orders pull shows the new status,
// and so does the dealer's exposure (the value shipped leaves open orders and becomes receivable).
import type { RowProblem } from '../../shared/row-errors';
import { shipmentsDataset } from '../../shared/datasets';
import type { Shipment } from '../../shared/stock';
import { ExposureBook } from '../finance/exposure-book';
import { depositProblems } from '../finance/order-guards';
import { shipmentsOfLines } from './shipment-records';
import type { WriteContext } from '../sync/handler';
import { inDateRange, movementHandler, type MovementEnv } from './movements';
import { linesById, type StoredLine } from './orders-store';
import { saveLines } from './orders-write';
import { StockBook } from './stock-book';
import { loadAllowances, shippableTotal } from '../returns/settings';

interface ShipmentEnv extends MovementEnv {
  lines: Map<string, StoredLine>;
  shipped: Set<string>;
  deposits: Map<string, RowProblem>;
  exposure: ExposureBook;
  /** The over-delivery allowance in percent of a SKU. */
  allowance: (sku: string) => number;
  /** Units shipped per line, over-deliveries included (shippedQty stops at the ordered). */
  shippedTotal: Map<string, number>;
}

/** Σ quantity of the lines' shipment documents. */
async function shippedTotals(ctx: WriteContext, lines: Map<string, StoredLine>) {
  const totals = new Map<string, number>();
  // Only a fully shipped line can have been over-delivered; others' records sum to shippedQty.
  const full = [...lines.values()].filter((l) => l.shippedQty >= l.values.quantity);
  for (const line of lines.values()) totals.set(line.id, line.shippedQty);
  if (full.length === 0) return totals;
  for (const line of full) totals.set(line.id, 0);
  for (const [, record] of await shipmentsOfLines(
    ctx.trx,
    full.map((l) => l.id),
  )) {
    const id = String(record.values.lineId);
    totals.set(id, (totals.get(id) ?? 0) + Number(record.values.quantity));
  }
  return totals;
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
  const allowance = await loadAllowances(
    ctx.trx,
    pairs.map((p) => p.sku),
  );
  const shippedTotal = await shippedTotals(ctx, lines);
  return { ctx, book, lines, shipped: new Set(), deposits, exposure, allowance, shippedTotal };
}

function shipmentProblems(env: ShipmentEnv, s: Shipment): RowProblem[] {
  const line = env.lines.get(s.lineId);
  if (!line) return [{ field: 'lineId', code: 'unknown-order-line', params: { value: s.lineId } }];
  if (line.values.cancelled) return [{ field: 'lineId', code: 'order-cancelled' }];
  const deposit = env.deposits.get(s.lineId);
  if (deposit) return [deposit];
  const over = overDelivery(env, line, s.quantity);
  if (over.length > 0) return over;
  const { location, sku } = { location: line.values.locationCode, sku: line.values.skuCode };
  const balance = env.book.get(location, sku);
  const { reserved, extra } = split(line, s.quantity);
  // The line's reservation covers it unless the balances were broken; say so rather than fail.
  if (balance.reserved < reserved || balance.onHand < s.quantity) {
    const available = Math.min(balance.reserved, balance.onHand);
    return [{ field: 'quantity', code: 'insufficient-stock', params: { available } }];
  }
  // Over-delivered units are not reserved: they come from what is available.
  const free = env.book.available(location, sku);
  if (extra > free) {
    const params = { available: reserved + Math.max(0, free) };
    return [{ field: 'quantity', code: 'insufficient-stock', params }];
  }
  return [];
}

/** The part of a shipment its line's reservation covers, and the over-delivered rest. */
function split(line: StoredLine, quantity: number) {
  const reserved = Math.min(quantity, Math.max(0, line.values.quantity - line.shippedQty));
  return { reserved, extra: quantity - reserved };
}

/** `over-shipment` without an allowance (today's rule); with one, how much to reduce by. */
function overDelivery(env: ShipmentEnv, line: StoredLine, quantity: number): RowProblem[] {
  const percent = env.allowance(line.values.skuCode);
  const shipped = env.shippedTotal.get(line.id) ?? line.shippedQty;
  const allowed = shippableTotal(line.values.quantity, percent) - shipped;
  if (quantity <= allowed) return [];
  const reduceBy = quantity - Math.max(0, allowed);
  if (percent === 0) {
    const params = { remaining: Math.max(0, allowed), reduceBy };
    return [{ field: 'quantity', code: 'over-shipment', params }];
  }
  const params = { percent, allowed: Math.max(0, allowed), reduceBy };
  return [{ field: 'quantity', code: 'over-delivery-allowance', params }];
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
    reserved: -split(line, s.quantity).reserved,
  });
  const { quantity, unitPrice, cancelled } = line.values;
  const money = { quantity, unitPrice, cancelled };
  const before = { ...money, shippedQty: line.shippedQty };
  const { reserved, extra } = split(line, s.quantity);
  line.shippedQty += reserved;
  env.shippedTotal.set(line.id, (env.shippedTotal.get(line.id) ?? 0) + s.quantity);
  const { dealerCode } = line.values;
  env.exposure.line(dealerCode, line.orderId, before, { ...money, shippedQty: line.shippedQty });
  if (extra > 0) env.exposure.overDelivered(dealerCode, line.orderId, extra * unitPrice);
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
