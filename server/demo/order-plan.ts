// An order draft the credit check let through becomes pushed order lines: their stock is
// reserved, their cancellation or shipments are booked on later days (leaving out what falls
// after "today"), and the money side learns of the order (its deposit, its lines' prices). The
// one order the credit check refuses on purpose is pushed bare: the server reserves nothing for
// it, so neither does the planner, and nothing ships.
import { orderPlaced, type ShipmentForInvoice } from './finance-plan';
import { schedule, type Collections } from './collections';
import type { Admission } from './credit-book';
import type { DraftOrder } from './demand';
import type { DemoRow } from './pusher';
import type { Random } from './random';
import { planShipping } from './shipping';
import { groupContractCode } from './stock-ops';
import type { SimStock } from './stock-sim';

export interface PlannedShipment extends ShipmentForInvoice {
  /** Where the line's stock sits; the server knows it from the line, the planner needs it. */
  location: string;
  sku: string;
  values: { date: string; quantity: number; waybill: string };
}

interface OrderPlanner {
  random: Random;
  stock: SimStock;
  movement: { newKey: () => string };
  today: string;
  shipments: Map<string, PlannedShipment[]>;
  cancels: Map<string, DemoRow[]>;
  finance: Collections;
}

/** Books the order's cancellation or its shipments, leaving out what falls after "today". */
function bookShipping(p: OrderPlanner, draft: DraftOrder, rows: readonly DemoRow[]): void {
  const placed = rows.map((row, i) => ({
    rowKey: row.rowKey,
    quantity: Number(row.values.quantity),
    packSize: draft.lines[i]?.product.packSize ?? 1,
  }));
  const shipping = planShipping(p.random, draft, placed);
  const { cancelOn } = shipping;
  const isCancelled = cancelOn !== undefined && cancelOn <= p.today;
  for (const row of isCancelled ? rows : []) {
    const values = { ...row.values, cancelled: true };
    schedule(p.cancels, cancelOn ?? '', { rowKey: row.rowKey, baseVersion: 1, values });
  }
  orderPlaced(p.finance, draft, { rows, isCancelled });
  const skus = new Map(rows.map((row) => [row.rowKey, String(row.values.skuCode)]));
  for (const step of shipping.steps.filter((s) => s.date <= p.today)) {
    const values = { date: step.date, quantity: step.quantity, waybill: step.waybill };
    const sku = skus.get(step.lineKey) ?? '';
    const shipment = {
      rowKey: p.movement.newKey(),
      lineKey: step.lineKey,
      location: draft.locationCode,
      sku,
      values,
    };
    schedule(p.shipments, step.date, shipment);
  }
}

function orderRows(p: OrderPlanner, draft: DraftOrder): DemoRow[] {
  const group = `${draft.dealerCode}|${draft.orderRef}`;
  const { dealerCode, orderRef, orderDate, orderType, locationCode, requestedDate, remark } = draft;
  const header = {
    orderRef,
    dealerCode,
    orderDate,
    orderType,
    locationCode,
    requestedDate,
    ...(remark ? { remark } : {}),
  };
  return draft.lines.map(({ product, quantity }) => ({
    rowKey: p.movement.newKey(),
    group,
    values: {
      ...header,
      skuCode: product.skuCode,
      quantity,
      unitPrice: product.dealerPrice,
      // A 团购 order calls off its contract, signed for it beforehand (demo/stock-ops.ts).
      ...(orderType === 'group' ? { contractCode: groupContractCode(orderRef) } : {}),
    },
  }));
}

/** Turns a draft into pushed lines; an accepted order reserves its stock and books shipments. */
export function placeOrder(p: OrderPlanner, draft: DraftOrder, admission: Admission): DemoRow[] {
  if (admission === 'hold') return [];
  const rows = orderRows(p, draft);
  if (admission === 'refuse')
    return rows.map((row) => ({ ...row, expect: 'credit-limit-exceeded' }));
  for (const { product, quantity } of draft.lines)
    p.stock.reserve(draft.locationCode, product.skuCode, quantity);
  bookShipping(p, draft, rows);
  return rows;
}
