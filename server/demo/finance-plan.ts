// What the history planner asks of the money side, in the order a day runs: whether an order
// passes the credit check (14:00), the order's deposit once it is placed, a cancellation
// freeing its credit (15:00), the day's bank lines and confirmed allocations (16:00), and each
// shipment invoiced at its value (17:00) — its order's deposit moved onto it first, the rest
// due after the dealer's payment terms and paid on the dealer's habit.
import { addDays } from './calendar';
import {
  realizeAllocations,
  registerOrder,
  schedule,
  takeDue,
  type Collections,
  type Invoice,
  type PlannedAllocation,
  type PlannedReceipt,
} from './collections';
import type { Admission } from './credit-book';
import type { DraftOrder } from './demand';
import { schedulePayment } from './pay-dates';
import { planDeposit, planPayment, planStray } from './payments-plan';
import type { DemoRow } from './pusher';

export interface FinanceDay {
  bankReceipts: PlannedReceipt[];
  allocations: PlannedAllocation[];
}

/** The part of a planned shipment that invoicing reads. */
export interface ShipmentForInvoice {
  rowKey: string;
  lineKey: string;
  values: { date: string; quantity: number };
}

const orderValue = (draft: DraftOrder) =>
  draft.lines.reduce((sum, line) => sum + line.quantity * line.product.dealerPrice, 0);

export function admitOrder(c: Collections, draft: DraftOrder): Admission {
  return c.credit.admit(draft.dealerCode, orderValue(draft));
}

/** An accepted order: its lines are known by row key; a grade-C order's deposit is due today. */
export function orderPlaced(
  c: Collections,
  draft: DraftOrder,
  placed: { rows: readonly DemoRow[]; isCancelled: boolean },
): void {
  const group = `${draft.dealerCode}|${draft.orderRef}`;
  const { dealerCode, orderRef, orderType } = draft;
  registerOrder(
    c,
    { group, dealerCode, orderRef, orderType, value: orderValue(draft) },
    placed.rows.map((row) => [row.rowKey, Number(row.values.unitPrice)]),
  );
  // A dealer that cancels the next day never sends the deposit.
  if (!placed.isCancelled) schedule(c.depositsDue, draft.orderDate, group);
}

export function lineCancelled(c: Collections, row: DemoRow): void {
  const value = Number(row.values.quantity) * Number(row.values.unitPrice);
  c.credit.change(String(row.values.dealerCode), -value);
}

/** 开票: the shipment's value, less what is left of its order's deposit, falls due later. */
export function invoiceShipped(c: Collections, shipment: ShipmentForInvoice): void {
  const line = c.lines.get(shipment.lineKey);
  if (!line) return;
  const amount = shipment.values.quantity * line.unitPrice;
  const deposit = c.depositLeft.get(line.group) ?? 0;
  const moved = Math.min(deposit, amount);
  if (moved > 0) {
    c.depositLeft.set(line.group, deposit - moved);
    c.credit.change(line.dealerCode, -moved);
  }
  if (amount === moved) return;
  const terms = c.payers.get(line.dealerCode)?.dealer.paymentTermsDays ?? 0;
  const shipDate = shipment.values.date;
  const { group, dealerCode } = line;
  const dueDate = addDays(shipDate, terms);
  const invoice: Invoice = {
    shipmentKey: shipment.rowKey,
    group,
    dealerCode,
    shipDate,
    dueDate,
    residual: amount - moved,
  };
  schedulePayment(c, invoice);
}

function paymentRuns(c: Collections, date: string): PlannedReceipt[] {
  const byDealer = new Map<string, Invoice[]>();
  for (const invoice of takeDue(c.payDue, date)) schedule(byDealer, invoice.dealerCode, invoice);
  const lines: PlannedReceipt[] = [];
  for (const code of [...byDealer.keys()].sort()) {
    const due = (byDealer.get(code) ?? []).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const line = planPayment(c, due, date);
    if (line) lines.push(line);
  }
  return lines;
}

/** The day's statement lines and the allocations finance confirms today. */
export function financeDay(c: Collections, date: string): FinanceDay {
  const bankReceipts: PlannedReceipt[] = [];
  for (const group of takeDue(c.depositsDue, date)) {
    const line = planDeposit(c, group, date);
    if (line) bankReceipts.push(line);
  }
  bankReceipts.push(...paymentRuns(c, date));
  const stray = planStray(c, date);
  if (stray) bankReceipts.push(stray);
  return { bankReceipts, allocations: realizeAllocations(c, date) };
}
