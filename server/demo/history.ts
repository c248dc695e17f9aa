// Twelve months of business ending at "today", planned day by day: opening stock, dealer orders
// (regular, replenishment, two 订货会, 团购), production receipts that keep stock up, shipments,
// cancellations, transfers, adjustments and two dealers who stop trading. Pure and seeded; the
// simulated stock follows the server's rules so replaying the plan is never refused.
import type { Catalog, DemoProduct } from './catalog';
import { addDays, lastOccurrence } from './calendar';
import {
  buildColourways,
  buildProfile,
  fairOrder,
  groupOrder,
  monthFactor,
  regularOrder,
  weekdayFactor,
  type Colourway,
  type DealerProfile,
  type DraftOrder,
} from './demand';
import {
  planAdjustments,
  planTransfers,
  receiveArrivals,
  type MovementState,
} from './movements-plan';
import { createCollections, takeDue, type Collections } from './collections';
import {
  admitOrder,
  financeDay,
  invoiceShipped,
  lineCancelled,
  type FinanceDay,
} from './finance-plan';
import { placeOrder, type PlannedShipment } from './order-plan';
import { seededUuid, type DemoRow } from './pusher';
import type { Random } from './random';
import { openingStock, planReceipts } from './receipts-plan';
import { SimStock } from './stock-sim';

export type { PlannedShipment } from './order-plan';

export interface DayPlan extends FinanceDay {
  date: string;
  receipts: DemoRow[];
  /** New transfers and the signing-for of earlier ones (same row key, with receivedDate). */
  transfers: DemoRow[];
  adjustments: DemoRow[];
  /** Order lines; `group` keeps an order's lines in one push. */
  orders: DemoRow[];
  cancels: DemoRow[];
  shipments: PlannedShipment[];
  /** Dealers whose file is set to inactive today. */
  deactivate: string[];
}

export interface HistoryPlan {
  start: string;
  today: string;
  fairs: string[];
  /** The day before `start` (opening stock) first, then every day up to `today`. */
  days: DayPlan[];
  /** Orders the dealers wanted but the planner held back: over their credit limit. */
  heldForCredit: number;
}

interface Planner {
  random: Random;
  stock: SimStock;
  movement: MovementState;
  profiles: (DealerProfile & { deactivateOn?: string })[];
  ways: Colourway[];
  products: DemoProduct[];
  scale: number;
  today: string;
  shipments: Map<string, PlannedShipment[]>;
  cancels: Map<string, DemoRow[]>;
  /** Dealers who come to the fair's second day. */
  fairSecondDay: Set<string>;
  finance: Collections;
}

function fairDrafts(p: Planner, date: string, fair: string): DraftOrder[] {
  const autumn = fair.slice(5, 7) === '05';
  const remark = autumn
    ? `${fair.slice(0, 4)}秋冬订货会`
    : `${Number(fair.slice(0, 4)) + 1}春夏订货会`;
  const drafts: DraftOrder[] = [];
  for (const profile of p.profiles) {
    const attends =
      profile.ordersPerMonth > 0 && (!profile.lastOrderDay || profile.lastOrderDay >= date);
    if (!attends) continue;
    const firstDay = date === fair;
    if (firstDay && p.random.chance(0.45)) p.fairSecondDay.add(profile.dealer.code);
    else if (firstDay || p.fairSecondDay.has(profile.dealer.code)) {
      const requestedDate = addDays(fair, p.random.int(75, 100));
      drafts.push(fairOrder(p.random, { profile, ways: p.ways, date, requestedDate, remark }));
    }
  }
  return drafts;
}

function draftOrders(p: Planner, date: string): DraftOrder[] {
  const fair = p.movement.fairs.find((f) => date === f || date === addDays(f, 1));
  if (fair) return fairDrafts(p, date, fair);
  const drafts: DraftOrder[] = [];
  const busy = monthFactor(date) * weekdayFactor(date) * p.scale;
  for (const profile of p.profiles) {
    if (profile.lastOrderDay && date > profile.lastOrderDay) continue;
    const input = { profile, ways: p.ways, date, n: 0 };
    if (p.random.chance((profile.ordersPerMonth / 30) * busy))
      drafts.push(regularOrder(p.random, input));
    const groupsPerYear =
      { 'group-buyer': 7, 'key-account': 1.5 }[profile.dealer.channel as string] ?? 0;
    if (p.random.chance((groupsPerYear / 365) * weekdayFactor(date) * p.scale))
      drafts.push(groupOrder(p.random, { ...input, n: 1 }));
  }
  return drafts.filter((d) => d.lines.length > 0);
}

/** Orders the credit check lets through reserve stock (topped up by today's deliveries). */
function planOrders(p: Planner, date: string) {
  const decided = draftOrders(p, date).map((draft) => ({
    draft,
    admission: admitOrder(p.finance, draft),
  }));
  // The order refused on purpose needs its stock too, or the server would refuse it for that.
  const pushed = decided.filter((d) => d.admission !== 'hold').map((d) => d.draft);
  const receipts = planReceipts(p, date, pushed);
  const orders = decided.flatMap((d) => placeOrder(p, d.draft, d.admission));
  return { receipts, orders };
}

function planDay(p: Planner, date: string): DayPlan {
  const transfers = [
    ...receiveArrivals(p.movement, date),
    ...planTransfers(p.random, p.movement, date),
  ];
  const adjustments = planAdjustments(p.random, p.movement, date);
  const { receipts, orders } = planOrders(p, date);
  const cancels = takeDue(p.cancels, date);
  for (const row of cancels) {
    const { locationCode, skuCode, quantity } = row.values;
    p.stock.reserve(String(locationCode), String(skuCode), -Number(quantity));
    lineCancelled(p.finance, row);
  }
  const finance = financeDay(p.finance, date);
  const shipments = takeDue(p.shipments, date);
  for (const s of shipments) {
    p.stock.ship(s.location, s.sku, s.values.quantity);
    invoiceShipped(p.finance, s);
  }
  const deactivate = p.profiles
    .filter((pr) => pr.deactivateOn === date)
    .map((pr) => pr.dealer.code);
  const movements = { receipts, transfers, adjustments, orders, cancels, shipments, deactivate };
  return { date, ...movements, ...finance };
}

/** Dealers that later become inactive stop ordering five to seven months into the history. */
function buildProfiles(catalog: Catalog, random: Random, start: string): Planner['profiles'] {
  return catalog.dealers.map((dealer) => {
    const profile = buildProfile(dealer);
    if (dealer.status === 'active') return profile;
    const lastOrderDay = addDays(start, random.int(150, 210));
    return { ...profile, lastOrderDay, deactivateOn: addDays(lastOrderDay, 45) };
  });
}

export function planHistory(
  catalog: Catalog,
  random: Random,
  options: { today: string; scale?: number },
): HistoryPlan {
  const { today } = options;
  const start = addDays(today, -364);
  const fairs = [lastOccurrence('05-18', today), lastOccurrence('11-18', today)]
    .filter((f) => f > addDays(start, 7))
    .sort();
  const stock = new SimStock();
  const keys = random.fork('rows');
  const ways = buildColourways(random.fork('colourways'), catalog.products);
  const p: Planner = {
    random: random.fork('days'),
    stock,
    movement: { stock, ways, newKey: () => seededUuid(keys), arrivals: new Map(), start, fairs },
    profiles: buildProfiles(catalog, random, start),
    ways,
    products: catalog.products,
    scale: options.scale ?? 1,
    today,
    shipments: new Map(),
    cancels: new Map(),
    fairSecondDay: new Set(),
    finance: createCollections({
      random: random.fork('finance'),
      today,
      dealers: catalog.dealers,
      newKey: () => seededUuid(keys),
    }),
  };
  const days: DayPlan[] = [
    { ...emptyDay(addDays(start, -1)), receipts: openingStock(p, addDays(start, -1)) },
  ];
  for (let date = start; date <= today; date = addDays(date, 1)) days.push(planDay(p, date));
  return { start, today, fairs, days, heldForCredit: p.finance.credit.held };
}

const emptyDay = (date: string): DayPlan => ({
  date,
  receipts: [],
  transfers: [],
  adjustments: [],
  orders: [],
  cancels: [],
  shipments: [],
  deactivate: [],
  bankReceipts: [],
  allocations: [],
});
