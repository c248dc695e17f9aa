// What dealers order, and when: regular and replenishment orders shaped by grade and season,
// 订货会 orders for the coming season, and 团购 orders of shirts and suits in bulk. Pure: the
// history decides whether stock allows them and when they ship.
import type { DemoDealer, DemoProduct } from './catalog';
import { addDays, monthOf, weekdayOf } from './calendar';
import { type TopRegion, warehouseFor } from './places';
import { categories, categoryOf, sizeWeights } from './products';
import type { Random } from './random';

type OrderType = 'normal' | 'replenishment' | 'fair' | 'group';

export interface DraftOrder {
  dealerCode: string;
  orderRef: string;
  orderType: OrderType;
  orderDate: string;
  requestedDate: string;
  locationCode: string;
  remark?: string;
  lines: { product: DemoProduct; quantity: number }[];
}

/** A style in one colour: what a buyer picks before splitting it into sizes. */
export interface Colourway {
  prefix: string;
  popularity: number;
  skus: DemoProduct[];
}

export interface DealerProfile {
  dealer: DemoDealer;
  warehouse: string;
  ordersPerMonth: number;
  /** How many colourways a regular order picks, and how deep it buys each size. */
  breadth: readonly [number, number];
  depth: number;
  /** The last day this dealer orders (dealers that later become inactive). */
  lastOrderDay?: string;
}

/** Days from a 订货会 to the middle of the season it orders for (May → September, Nov → March). */
export const FAIR_SEASON_AHEAD = 110;

const categoryDepth: Readonly<Record<string, number>> = {
  CS: 15,
  TX: 20,
  XF: 5,
  JK: 6,
  XK: 12,
  ZZ: 6,
  YR: 5,
};

/** Colourways with a popularity drawn once, so some styles become best-sellers and some linger. */
export function buildColourways(random: Random, products: readonly DemoProduct[]): Colourway[] {
  const byKey = new Map<string, Colourway>();
  for (const product of products) {
    const key = `${product.styleCode}|${product.colour}`;
    let way = byKey.get(key);
    if (!way) {
      way = {
        prefix: product.styleCode.slice(0, 2),
        popularity: 0.4 + random.next() * 1.8,
        skus: [],
      };
      byKey.set(key, way);
    }
    way.skus.push(product);
  }
  return [...byKey.values()];
}

/** How often and how widely each kind of customer buys; A dealers order most, and deepest. */
const byGrade = {
  A: { ordersPerMonth: 2.5, breadth: [2, 4], depth: 1.5 },
  B: { ordersPerMonth: 1.7, breadth: [1, 3], depth: 1 },
  C: { ordersPerMonth: 1, breadth: [1, 2], depth: 0.6 },
} as const;
const byChannel = {
  'key-account': { ordersPerMonth: 2.5, breadth: [3, 5], depth: 2 },
  'own-store': { ordersPerMonth: 3.5, breadth: [2, 4], depth: 0.8 },
  // 团购 customers only place group orders (groupOrder), never regular ones.
  'group-buyer': { ordersPerMonth: 0, breadth: [1, 2], depth: 10 },
} as const;

export function buildProfile(dealer: DemoDealer): DealerProfile {
  const warehouse = warehouseFor[dealer.regionCode.slice(0, 2) as TopRegion];
  const shape = dealer.channel === 'dealer' ? byGrade[dealer.grade] : byChannel[dealer.channel];
  return { dealer, warehouse, ...shape };
}

/** Relative demand of a category in the month of `date`. */
export const seasonWeight = (prefix: string, date: string): number =>
  categoryOf(prefix).season[monthOf(date) - 1] ?? 1;

const monthTotals = Array.from({ length: 12 }, (_, m) =>
  categories.reduce((sum, c) => sum + (c.season[m] ?? 0), 0),
);
const meanTotal = monthTotals.reduce((a, b) => a + b, 0) / 12;

/** How busy a month is overall (1 = an average month). */
export const monthFactor = (date: string): number =>
  (monthTotals[monthOf(date) - 1] ?? meanTotal) / meanTotal;

/** Dealers rarely order at weekends. */
export const weekdayFactor = (date: string): number =>
  [0.15, 1.1, 1.1, 1.1, 1.1, 1.1, 0.45][weekdayOf(date)] ?? 1;

/** Splits a colourway into size lines: M and L get most, thin orders skip the end sizes. */
function sizeRun(random: Random, way: Colourway, depth: number): DraftOrder['lines'] {
  const lines: DraftOrder['lines'] = [];
  for (const product of way.skus) {
    const units =
      (categoryDepth[way.prefix] ?? 6) *
      depth *
      ((sizeWeights[product.size] ?? 10) / 20) *
      (0.7 + random.next() * 0.6);
    const packs = Math.round(units / product.packSize);
    if (packs >= 1) lines.push({ product, quantity: packs * product.packSize });
  }
  return lines;
}

/** Distinct colourways, weighted by popularity and by how `date`'s season favours their category. */
export function pickColourways(
  random: Random,
  ways: readonly Colourway[],
  input: { count: number; date: string; sharpen?: number },
): Colourway[] {
  const chosen: Colourway[] = [];
  const weight = (w: Colourway) =>
    w.popularity ** (input.sharpen ?? 1) * seasonWeight(w.prefix, input.date);
  for (let i = 0; i < input.count; i++) {
    const left = ways.filter((w) => !chosen.includes(w));
    if (left.length === 0) break;
    chosen.push(random.weighted(left, weight));
  }
  return chosen;
}

/** The dealer's own PO number: code, date and a running letter (HD003-260315A). */
const orderRefFor = (dealerCode: string, date: string, n: number) =>
  `${dealerCode}-${date.slice(2).replaceAll('-', '')}${String.fromCharCode(65 + n)}`;

/** A regular order (常规) or, for one in three, a small replenishment (补货) of best-sellers. */
export function regularOrder(
  random: Random,
  input: { profile: DealerProfile; ways: readonly Colourway[]; date: string; n: number },
): DraftOrder {
  const { profile, date } = input;
  const replenish = random.chance(0.3);
  const [min, max] = replenish ? [1, 2] : profile.breadth;
  const ways = pickColourways(random, input.ways, {
    count: random.int(min, max),
    date,
    sharpen: replenish ? 2 : 1,
  });
  const depth = profile.depth * (replenish ? 0.6 : 1);
  return {
    dealerCode: profile.dealer.code,
    orderRef: orderRefFor(profile.dealer.code, date, input.n),
    orderType: replenish ? 'replenishment' : 'normal',
    orderDate: date,
    requestedDate: addDays(date, replenish ? random.int(2, 4) : random.int(3, 7)),
    locationCode: profile.warehouse,
    ...(random.chance(0.08)
      ? { remark: random.pick(['加急', '请尽快安排发货', '门店活动备货', '补齐断码']) }
      : {}),
    lines: ways.flatMap((way) => sizeRun(random, way, depth)),
  };
}

/** 订货会: a wide, deep order for the season the goods sell in, about 110 days after the fair. */
export function fairOrder(
  random: Random,
  input: {
    profile: DealerProfile;
    ways: readonly Colourway[];
    date: string;
    requestedDate: string;
    remark: string;
  },
): DraftOrder {
  const { profile, date, requestedDate } = input;
  const [min, max] = profile.breadth;
  const ways = pickColourways(random, input.ways, {
    count: random.int(min * 2, max * 2),
    date: addDays(date, FAIR_SEASON_AHEAD),
  });
  return {
    dealerCode: profile.dealer.code,
    orderRef: orderRefFor(profile.dealer.code, date, 0),
    orderType: 'fair',
    orderDate: date,
    requestedDate,
    locationCode: profile.warehouse,
    remark: input.remark,
    lines: ways.flatMap((way) => sizeRun(random, way, profile.depth * 1.5)),
  };
}

const groupStyles = new Set(['CS', 'XF', 'TX', 'JK']);

/** 团购: company uniforms — one or two shirt, suit, polo or jacket colourways in bulk. */
export function groupOrder(
  random: Random,
  input: { profile: DealerProfile; ways: readonly Colourway[]; date: string; n: number },
): DraftOrder {
  const { profile, date } = input;
  const ways = pickColourways(
    random,
    input.ways.filter((w) => groupStyles.has(w.prefix)),
    { count: random.int(1, 2), date },
  );
  return {
    dealerCode: profile.dealer.code,
    orderRef: orderRefFor(profile.dealer.code, date, input.n),
    orderType: 'group',
    orderDate: date,
    requestedDate: addDays(date, random.int(14, 30)),
    locationCode: profile.warehouse,
    remark: random.pick(['企业工装团购', '银行员工制服', '年会礼服团购', '学校教职工团购']),
    lines: ways.flatMap((way) => sizeRun(random, way, random.int(6, 12))),
  };
}
