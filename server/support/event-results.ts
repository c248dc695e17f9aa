// Pulls "event-results" and "promotion-results" (docs/dealer-support.md, "Events and
// promotions"). Both are computed, paged as snapshots.
// - An event's results: its budget and costs (budget left = budget − costs), invitations and
//   attendance, and the orders linked to it (event-orders): their count and value, Σ quantity ×
//   unit price over the lines not cancelled; orders / costs in whole percent, rounded down.
// - A key-account promotion's sell-in: the dealer's order value (same sum) with order dates in
//   the promotion's period, against the window of equal length just before it; the uplift and
//   its percent of the before value (rounded down; absent when nothing was bought before).
import { addDays, daysBetween } from '../../shared/support/labels';
import {
  eventDealersDataset,
  eventOrdersDataset,
  eventsDataset,
} from '../../shared/support/datasets';
import type { EventValues } from '../../shared/support/events';
import { compact, pageSnapshot } from '../analysis/snapshot';
import { allRecords } from '../datasets/records-store';
import type { Db } from '../store/db';
import type { PullPage, PullRequest } from '../sync/handler';
import { scopeFor } from './scope';

type Row = Record<string, unknown>;

async function loadEvents(request: PullRequest) {
  const { from, to } = request.filter;
  return [...(await allRecords(request.db, eventsDataset.name)).values()]
    .map((r) => r.values as unknown as EventValues)
    .filter((e) => (!from || e.endDate >= from) && (!to || e.startDate <= to));
}

/** Σ quantity × unit price of the lines not cancelled, per (dealer, order ref). */
async function orderValues(db: Db, refs: readonly string[]) {
  const values = new Map<string, number>();
  const unique = [...new Set(refs)];
  for (let i = 0; i < unique.length; i += 500) {
    const lines = await db
      .selectFrom('order_lines')
      .select(['dealer_code', 'order_ref', 'quantity', 'unit_price'])
      .where('order_ref', 'in', unique.slice(i, i + 500))
      .where('cancelled', '=', 0)
      .execute();
    for (const l of lines) {
      const key = `${l.dealer_code}|${l.order_ref}`;
      values.set(key, (values.get(key) ?? 0) + l.quantity * l.unit_price);
    }
  }
  return values;
}

export async function pullEventResults(request: PullRequest): Promise<PullPage> {
  const events = await loadEvents(request);
  const invites = [...(await allRecords(request.db, eventDealersDataset.name)).values()];
  const links = [...(await allRecords(request.db, eventOrdersDataset.name)).values()].map(
    (r) => r.values,
  );
  const values = await orderValues(
    request.db,
    links.map((l) => String(l.orderRef)),
  );
  const rows = events.map((e) => {
    const mine = links.filter((l) => l.eventCode === e.code);
    const invited = invites.filter((r) => r.values.eventCode === e.code);
    const ordersValue = mine.reduce(
      (sum, l) => sum + (values.get(`${String(l.dealerCode)}|${String(l.orderRef)}`) ?? 0),
      0,
    );
    const costs = e.costs ?? 0;
    const row: Row = {
      code: e.code,
      kind: e.kind,
      name: e.name,
      startDate: e.startDate,
      endDate: e.endDate,
      budget: e.budget,
      costs,
      budgetLeft: e.budget - costs,
      invited: invited.length,
      attended: invited.filter((r) => r.values.attended === true).length,
      orders: mine.length,
      ordersValue,
      returnPercent: costs > 0 ? Math.floor((ordersValue * 100) / costs) : null,
    };
    return { key: e.code, values: compact(row) };
  });
  return pageSnapshot(rows, request);
}

/** The dealer's order value with order dates in [from, to]. */
async function sellIn(db: Db, dealer: string, window: { from: string; to: string }) {
  const lines = await db
    .selectFrom('order_lines')
    .select(['quantity', 'unit_price'])
    .where('dealer_code', '=', dealer)
    .where('order_date', '>=', window.from)
    .where('order_date', '<=', window.to)
    .where('cancelled', '=', 0)
    .execute();
  return lines.reduce((sum, l) => sum + l.quantity * l.unit_price, 0);
}

export async function pullPromotionResults(request: PullRequest): Promise<PullPage> {
  const { dealer } = request.filter;
  const promotions = (await loadEvents(request)).filter(
    (e) =>
      e.kind === 'promotion' && e.dealerCode !== undefined && (!dealer || e.dealerCode === dealer),
  );
  const scope = await scopeFor(request.db, request.user);
  const rows = [];
  for (const e of promotions) {
    if (scope && !scope({ dealer: e.dealerCode }).allowed) continue;
    const account = e.dealerCode ?? '';
    const days = daysBetween(e.startDate, e.endDate) + 1;
    const before = { from: addDays(e.startDate, -days), to: addDays(e.startDate, -1) };
    const during = await sellIn(request.db, account, { from: e.startDate, to: e.endDate });
    const prior = await sellIn(request.db, account, before);
    const row: Row = {
      code: e.code,
      name: e.name,
      dealerCode: account,
      startDate: e.startDate,
      endDate: e.endDate,
      budget: e.budget,
      beforeFrom: before.from,
      beforeTo: before.to,
      sellInBefore: prior,
      sellInDuring: during,
      uplift: during - prior,
      upliftPercent: prior > 0 ? Math.floor(((during - prior) * 100) / prior) : null,
    };
    rows.push({ key: e.code, values: compact(row) });
  }
  return pageSnapshot(rows, request);
}
