// Replays the planned history through the sync engine, one business day at a time and in the
// order a day runs (deliveries in the morning, orders in the afternoon, dispatch in the evening),
// so canonical numbers such as SO-20260315-0001 carry the day they happened.
import { atHour } from './calendar';
import type { DemoDealer } from './catalog';
import { replayFinance, type FinanceCounts, type FinanceIds } from './finance-replay';
import type { DayPlan, HistoryPlan } from './history';
import type { DemoRow, Pusher } from './pusher';

interface HistoryCounts extends FinanceCounts {
  orders: number;
  orderLines: number;
  goodsReceipts: number;
  shipments: number;
  transfers: number;
  adjustments: number;
}

interface Replay {
  pusher: Pusher;
  /** Pushes as the demo finance user (bank receipts and allocations are finance's to push). */
  finance: Pusher;
  ids: FinanceIds;
  /** The row each dealer was first pushed with, to update its status later. */
  dealerRows: ReadonlyMap<string, DemoRow>;
  dealers: ReadonlyMap<string, DemoDealer>;
  /** Canonical order line ids by row key, from the orders push results. */
  lineIds: Map<string, string>;
  counts: HistoryCounts;
}

const applied = (results: readonly { status: string }[]) =>
  results.filter((r) => r.status === 'applied').length;

async function deactivateDealers(run: Replay, day: DayPlan): Promise<void> {
  const rows = day.deactivate.flatMap((code): DemoRow[] => {
    const first = run.dealerRows.get(code);
    const dealer = run.dealers.get(code);
    return first && dealer ? [{ rowKey: first.rowKey, baseVersion: 1, values: { ...dealer } }] : [];
  });
  if (rows.length > 0) await run.pusher.push('dealers', rows, atHour(day.date, 8));
}

async function pushOrders(run: Replay, day: DayPlan): Promise<void> {
  if (day.orders.length === 0) return;
  const results = await run.pusher.push('orders', day.orders, atHour(day.date, 14));
  const groups = new Set<string>();
  results.forEach((result, i) => {
    const row = day.orders[i];
    if (result.status !== 'applied' || !result.id || !row) return;
    run.lineIds.set(row.rowKey, result.id);
    groups.add(row.group ?? row.rowKey);
    // A line id is its order's id and a two-digit line number (SO-20260315-0001-01).
    run.ids.orderIds.set(row.group ?? row.rowKey, result.id.replace(/-\d{2}$/, ''));
  });
  run.counts.orders += groups.size;
  run.counts.orderLines = run.lineIds.size;
}

/** Shipments name the canonical line id the orders push handed out. */
async function pushShipments(run: Replay, day: DayPlan): Promise<void> {
  const rows = day.shipments.flatMap((s): DemoRow[] => {
    const lineId = run.lineIds.get(s.lineKey);
    return lineId ? [{ rowKey: s.rowKey, values: { ...s.values, lineId } }] : [];
  });
  if (rows.length === 0) return;
  const results = await run.pusher.push('shipments', rows, atHour(day.date, 17));
  results.forEach((result, i) => {
    const row = rows[i];
    if (result.status !== 'applied' || !result.id || !row) return;
    run.ids.shipmentIds.set(row.rowKey, result.id);
    run.counts.shipments += 1;
  });
}

async function replayDay(run: Replay, day: DayPlan): Promise<void> {
  const { pusher, counts } = run;
  await deactivateDealers(run, day);
  if (day.receipts.length > 0)
    counts.goodsReceipts += applied(
      await pusher.push('goods-receipts', day.receipts, atHour(day.date, 9)),
    );
  if (day.transfers.length > 0) {
    const results = await pusher.push('transfers', day.transfers, atHour(day.date, 10));
    counts.transfers += results.filter(
      (r, i) => r.status === 'applied' && day.transfers[i]?.values.receivedDate === undefined,
    ).length;
  }
  if (day.adjustments.length > 0)
    counts.adjustments += applied(
      await pusher.push('adjustments', day.adjustments, atHour(day.date, 11)),
    );
  await pushOrders(run, day);
  // Only lines the server accepted can be cancelled; a refused order has nothing to cancel.
  const cancels = day.cancels.filter((row) => run.lineIds.has(row.rowKey));
  if (cancels.length > 0) await pusher.push('orders', cancels, atHour(day.date, 15));
  await replayFinance({ pusher: run.finance, ids: run.ids, counts }, day);
  await pushShipments(run, day);
}

export async function replayHistory(
  pusher: Pusher,
  plan: HistoryPlan,
  input: {
    dealerRows: ReadonlyMap<string, DemoRow>;
    dealers: readonly DemoDealer[];
    finance: Pusher;
    onProgress: (message: string) => void;
  },
): Promise<HistoryCounts> {
  const counts: HistoryCounts = {
    orders: 0,
    orderLines: 0,
    goodsReceipts: 0,
    shipments: 0,
    transfers: 0,
    adjustments: 0,
    bankReceipts: 0,
    allocations: 0,
    deposits: 0,
  };
  const run: Replay = {
    pusher,
    finance: input.finance,
    ids: { orderIds: new Map(), shipmentIds: new Map(), receiptIds: new Map() },
    dealerRows: input.dealerRows,
    dealers: new Map(input.dealers.map((d) => [d.code, d])),
    lineIds: new Map(),
    counts,
  };
  for (const [i, day] of plan.days.entries()) {
    await replayDay(run, day);
    const monthEnd = day.date.slice(0, 7) !== plan.days[i + 1]?.date.slice(0, 7);
    if (monthEnd)
      input.onProgress(
        `history ${day.date.slice(0, 7)}: ${counts.orderLines} order lines, ${counts.shipments} shipments, ${counts.bankReceipts} bank receipts so far`,
      );
  }
  return counts;
}
