// Twelve months of business ending at "today", planned day by day: opening stock, dealer orders
// (regular, replenishment, two 订货会, 团购), production receipts that keep stock up, shipments,
// cancellations, transfers, adjustments and two dealers who stop trading. Pure and seeded; the
// simulated stock follows the server's rules so replaying the plan is never refused.
import type { Catalog, DemoProduct } from './catalog';
import { addDays, lastOccurrence, weekdayOf } from './calendar';
import { buildColourways, buildProfile, fairOrder, groupOrder, monthFactor, regularOrder, weekdayFactor, type Colourway, type DealerProfile, type DraftOrder } from './demand';
import { planAdjustments, planTransfers, receiveArrivals, type MovementState } from './movements-plan';
import { seededUuid, type DemoRow } from './pusher';
import type { Random } from './random';
import { planShipping } from './shipping';
import { SimStock } from './stock-sim';

export interface PlannedShipment {
  rowKey: string;
  lineKey: string;
  /** Where the line's stock sits; the server knows it from the line, the planner needs it. */
  location: string;
  sku: string;
  values: { date: string; quantity: number; waybill: string };
}

export interface DayPlan {
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
}

/** How much of each SKU a warehouse keeps, relative to the SKU's safety stock. */
const warehouseShare: Readonly<Record<string, number>> = { 'WH-SH': 1, 'WH-GZ': 0.5 };
const packRound = (quantity: number, pack: number) => Math.max(1, Math.ceil(quantity / pack)) * pack;

const later = <T>(map: Map<string, T[]>, date: string, item: T) => {
  const list = map.get(date) ?? [];
  list.push(item);
  map.set(date, list);
};

function takeDue<T>(map: Map<string, T[]>, date: string): T[] {
  const due = map.get(date) ?? [];
  map.delete(date);
  return due;
}

function receiptRows(p: Planner, date: string, wanted: Map<string, number>, remark: string): DemoRow[] {
  return [...wanted].map(([key, quantity]) => {
    const [locationCode = '', skuCode = ''] = key.split('|');
    p.stock.addOnHand(locationCode, skuCode, quantity);
    return { rowKey: p.movement.newKey(), values: { date, locationCode, skuCode, quantity, remark } };
  });
}

function openingStock(p: Planner, date: string): DemoRow[] {
  const wanted = new Map<string, number>();
  for (const [warehouse, share] of Object.entries(warehouseShare)) {
    for (const product of p.products) wanted.set(`${warehouse}|${product.skuCode}`, packRound(product.safetyStock * share * 4, product.packSize));
  }
  return receiptRows(p, date, wanted, '期初库存');
}

/** Monday production deliveries top up what runs low; a same-day delivery covers any shortfall. */
function planReceipts(p: Planner, date: string, drafts: readonly DraftOrder[]): DemoRow[] {
  const wanted = new Map<string, number>();
  const monday = weekdayOf(date) === 1;
  for (const [warehouse, share] of Object.entries(warehouseShare)) {
    for (const product of p.products) {
      const low = product.safetyStock * share;
      if (monday && p.stock.available(warehouse, product.skuCode) < low) wanted.set(`${warehouse}|${product.skuCode}`, packRound(low * 3, product.packSize));
    }
  }
  const need = new Map<string, { product: DemoProduct; quantity: number }>();
  for (const draft of drafts) {
    for (const line of draft.lines) {
      const key = `${draft.locationCode}|${line.product.skuCode}`;
      need.set(key, { product: line.product, quantity: (need.get(key)?.quantity ?? 0) + line.quantity });
    }
  }
  for (const [key, { product, quantity }] of need) {
    const [location = ''] = key.split('|');
    const short = quantity - p.stock.available(location, product.skuCode) - (wanted.get(key) ?? 0);
    if (short > 0) wanted.set(key, (wanted.get(key) ?? 0) + packRound(short + product.safetyStock * (warehouseShare[location] ?? 1), product.packSize));
  }
  return receiptRows(p, date, wanted, '生产入库');
}

function fairDrafts(p: Planner, date: string, fair: string): DraftOrder[] {
  const autumn = fair.slice(5, 7) === '05';
  const remark = autumn ? `${fair.slice(0, 4)}秋冬订货会` : `${Number(fair.slice(0, 4)) + 1}春夏订货会`;
  const drafts: DraftOrder[] = [];
  for (const profile of p.profiles) {
    const attends = profile.ordersPerMonth > 0 && (!profile.lastOrderDay || profile.lastOrderDay >= date);
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
    if (p.random.chance((profile.ordersPerMonth / 30) * busy)) drafts.push(regularOrder(p.random, input));
    const groupsPerYear = { 'group-buyer': 7, 'key-account': 1.5 }[profile.dealer.channel as string] ?? 0;
    if (p.random.chance((groupsPerYear / 365) * weekdayFactor(date) * p.scale)) drafts.push(groupOrder(p.random, { ...input, n: 1 }));
  }
  return drafts.filter((d) => d.lines.length > 0);
}

/** Turns a draft into pushed lines, reserves their stock and books their shipments. */
function placeOrder(p: Planner, draft: DraftOrder): DemoRow[] {
  const group = `${draft.dealerCode}|${draft.orderRef}`;
  const rows = draft.lines.map(({ product, quantity }): DemoRow => {
    p.stock.reserve(draft.locationCode, product.skuCode, quantity);
    const { dealerCode, orderRef, orderDate, orderType, locationCode, requestedDate, remark } = draft;
    const header = { orderRef, dealerCode, orderDate, orderType, locationCode, requestedDate, ...(remark ? { remark } : {}) };
    return { rowKey: p.movement.newKey(), group, values: { ...header, skuCode: product.skuCode, quantity, unitPrice: product.dealerPrice } };
  });
  const placed = rows.map((row, i) => ({ rowKey: row.rowKey, quantity: Number(row.values.quantity), packSize: draft.lines[i]?.product.packSize ?? 1 }));
  const shipping = planShipping(p.random, draft, placed);
  if (shipping.cancelOn && shipping.cancelOn <= p.today) {
    for (const row of rows) later(p.cancels, shipping.cancelOn, { rowKey: row.rowKey, baseVersion: 1, values: { ...row.values, cancelled: true } });
  }
  const byKey = new Map(rows.map((row) => [row.rowKey, row]));
  for (const step of shipping.steps.filter((s) => s.date <= p.today)) {
    const sku = String(byKey.get(step.lineKey)?.values.skuCode);
    const values = { date: step.date, quantity: step.quantity, waybill: step.waybill };
    later(p.shipments, step.date, { rowKey: p.movement.newKey(), lineKey: step.lineKey, location: draft.locationCode, sku, values });
  }
  return rows;
}

function planDay(p: Planner, date: string): DayPlan {
  const transfers = [...receiveArrivals(p.movement, date), ...planTransfers(p.random, p.movement, date)];
  const adjustments = planAdjustments(p.random, p.movement, date);
  const drafts = draftOrders(p, date);
  const receipts = planReceipts(p, date, drafts);
  const orders = drafts.flatMap((draft) => placeOrder(p, draft));
  const cancels = takeDue(p.cancels, date);
  for (const row of cancels) p.stock.reserve(String(row.values.locationCode), String(row.values.skuCode), -Number(row.values.quantity));
  const shipments = takeDue(p.shipments, date);
  for (const s of shipments) p.stock.ship(s.location, s.sku, s.values.quantity);
  const deactivate = p.profiles.filter((pr) => pr.deactivateOn === date).map((pr) => pr.dealer.code);
  return { date, receipts, transfers, adjustments, orders, cancels, shipments, deactivate };
}

export function planHistory(catalog: Catalog, random: Random, options: { today: string; scale?: number }): HistoryPlan {
  const { today } = options;
  const start = addDays(today, -364);
  const fairs = [lastOccurrence('05-18', today), lastOccurrence('11-18', today)].filter((f) => f > addDays(start, 7)).sort();
  const stock = new SimStock();
  const keys = random.fork('rows');
  const ways = buildColourways(random.fork('colourways'), catalog.products);
  const p: Planner = {
    random: random.fork('days'),
    stock,
    movement: { stock, ways, newKey: () => seededUuid(keys), arrivals: new Map(), start, fairs },
    profiles: catalog.dealers.map((dealer) => {
      const profile = buildProfile(dealer);
      if (dealer.status === 'active') return profile;
      const lastOrderDay = addDays(start, random.int(150, 210));
      return { ...profile, lastOrderDay, deactivateOn: addDays(lastOrderDay, 45) };
    }),
    ways,
    products: catalog.products,
    scale: options.scale ?? 1,
    today,
    shipments: new Map(),
    cancels: new Map(),
    fairSecondDay: new Set(),
  };
  const days: DayPlan[] = [{ ...emptyDay(addDays(start, -1)), receipts: openingStock(p, addDays(start, -1)) }];
  for (let date = start; date <= today; date = addDays(date, 1)) days.push(planDay(p, date));
  return { start, today, fairs, days };
}

const emptyDay = (date: string): DayPlan => ({ date, receipts: [], transfers: [], adjustments: [], orders: [], cancels: [], shipments: [], deactivate: [] });
