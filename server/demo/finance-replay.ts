// Replays a day's money (16:00, after the orders and before the evening's dispatch) as the demo
// finance user: the bank statement lines first, then the allocations finance confirms today. The
// plan names orders by group and invoices by shipment row key; here they become the canonical
// SO-… and INV-SH-… numbers the earlier pushes handed out, and a remark quoting an order gets
// its SO number, as a dealer would type it.
import { atHour } from './calendar';
import type { PlannedAllocation, PlannedReceipt } from './collections';
import type { DayPlan } from './history';
import type { DemoRow, Pusher } from './pusher';

export interface FinanceIds {
  /** Order group → SO-YYYYMMDD-NNNN. */
  orderIds: Map<string, string>;
  /** Shipment row key → SH-YYYYMMDD-NNNN (its invoice is INV-<that>). */
  shipmentIds: Map<string, string>;
  /** Bank line row key → RC-YYYYMMDD-NNNN. */
  receiptIds: Map<string, string>;
}

export interface FinanceCounts {
  bankReceipts: number;
  allocations: number;
  /** Allocations of a receipt to an order as its deposit (订金). */
  deposits: number;
}

interface FinanceRun {
  pusher: Pusher;
  ids: FinanceIds;
  counts: FinanceCounts;
}

function receiptRow(ids: FinanceIds, line: PlannedReceipt): DemoRow {
  const quoted = line.quotes === undefined ? undefined : ids.orderIds.get(line.quotes);
  const remark = [line.values.remark, quoted].filter(Boolean).join(' ');
  const { remark: _planned, ...values } = line.values;
  return { rowKey: line.rowKey, values: { ...values, ...(remark ? { remark } : {}) } };
}

/** The allocation with canonical ids, or undefined when something it names was never booked. */
function allocationRow(ids: FinanceIds, a: PlannedAllocation): DemoRow | undefined {
  const receiptId = a.receiptKey === undefined ? undefined : ids.receiptIds.get(a.receiptKey);
  if (a.receiptKey !== undefined && receiptId === undefined) return undefined;
  const key = a.targetKey ?? '';
  const shipmentId = ids.shipmentIds.get(key);
  const targetId = {
    invoice: shipmentId === undefined ? undefined : `INV-${shipmentId}`,
    'order-deposit': ids.orderIds.get(key),
    'credit-balance': undefined,
  }[a.targetKind];
  if (a.targetKind !== 'credit-balance' && targetId === undefined) return undefined;
  const values = {
    ...(receiptId === undefined ? {} : { receiptId }),
    targetKind: a.targetKind,
    ...(targetId === undefined ? {} : { targetId }),
    dealerCode: a.dealerCode,
    amount: a.amount,
    ...(a.writeOffAmount === undefined ? {} : { writeOffAmount: a.writeOffAmount }),
  };
  return { rowKey: a.rowKey, values };
}

async function pushReceipts(run: FinanceRun, day: DayPlan): Promise<void> {
  if (day.bankReceipts.length === 0) return;
  const rows = day.bankReceipts.map((line) => receiptRow(run.ids, line));
  const results = await run.pusher.push('bank-receipts', rows, atHour(day.date, 16));
  results.forEach((result, i) => {
    const row = rows[i];
    if (result.status !== 'applied' || !result.id || !row) return;
    run.ids.receiptIds.set(row.rowKey, result.id);
    run.counts.bankReceipts += 1;
  });
}

async function pushAllocations(run: FinanceRun, day: DayPlan): Promise<void> {
  const rows: DemoRow[] = [];
  for (const planned of day.allocations) {
    const row = allocationRow(run.ids, planned);
    if (row) rows.push(row);
    else {
      const reason = 'unbooked-target';
      const message = `${planned.targetKind} ${planned.targetKey ?? ''} was never booked`;
      run.pusher.rejections.push({
        dataset: 'allocations',
        rowKey: planned.rowKey,
        reason,
        message,
      });
    }
  }
  if (rows.length === 0) return;
  const results = await run.pusher.push('allocations', rows, atHour(day.date, 16));
  results.forEach((result, i) => {
    if (result.status !== 'applied') return;
    run.counts.allocations += 1;
    if (rows[i]?.values.targetKind === 'order-deposit') run.counts.deposits += 1;
  });
}

export async function replayFinance(run: FinanceRun, day: DayPlan): Promise<void> {
  await pushReceipts(run, day);
  await pushAllocations(run, day);
}
