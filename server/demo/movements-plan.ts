// Stock movements besides receipts and shipments: 调拨 to and from the self-operated stores, the
// showroom's samples around each 订货会, balancing between the two warehouses, and 调整 — month-end
// stocktake differences, damage and dealer returns. Each is checked against the simulated stock.
import type { DemoProduct } from './catalog';
import { addDays, daysBetween } from './calendar';
import { FAIR_SEASON_AHEAD, pickColourways, seasonWeight, type Colourway } from './demand';
import type { DemoRow } from './pusher';
import type { Random } from './random';
import type { SimStock } from './stock-sim';

export interface MovementState {
  stock: SimStock;
  ways: readonly Colourway[];
  newKey: () => string;
  /** Transfers waiting to be signed for, by the date they arrive. */
  arrivals: Map<string, DemoRow[]>;
  start: string;
  fairs: readonly string[];
}

const storeSupply = [
  { store: 'ST-01', warehouse: 'WH-SH' },
  { store: 'ST-02', warehouse: 'WH-GZ' },
];
const middleSizes = new Set(['M', 'L', 'XL', '48', '50', '52']);

type Move = { from: string; to: string; product: DemoProduct; quantity: number; remark: string };

function transfer(random: Random, state: MovementState, date: string, move: Move): DemoRow | null {
  const { from, to, product, quantity } = move;
  const sku = product.skuCode;
  if (quantity <= 0 || quantity > state.stock.available(from, sku)) return null;
  state.stock.addOnHand(from, sku, -quantity);
  const values = {
    date,
    fromLocationCode: from,
    toLocationCode: to,
    skuCode: sku,
    quantity,
    remark: move.remark,
  };
  const row: DemoRow = { rowKey: state.newKey(), values };
  const arrives = addDays(
    date,
    to.startsWith('WH') && from.startsWith('WH') ? random.int(3, 4) : random.int(1, 2),
  );
  const due = state.arrivals.get(arrives) ?? [];
  due.push({ rowKey: row.rowKey, values: { ...values, receivedDate: arrives } });
  state.arrivals.set(arrives, due);
  return row;
}

/** Signs for today's arrivals: in transit becomes on hand at the receiving location. */
export function receiveArrivals(state: MovementState, date: string): DemoRow[] {
  const due = state.arrivals.get(date) ?? [];
  state.arrivals.delete(date);
  for (const row of due)
    state.stock.addOnHand(
      String(row.values.toLocationCode),
      String(row.values.skuCode),
      Number(row.values.quantity),
    );
  return due;
}

function storeStocking(random: Random, state: MovementState, date: string): Move[] {
  return storeSupply.flatMap(({ store, warehouse }) =>
    pickColourways(random, state.ways, { count: random.int(6, 9), date }).flatMap((way) =>
      way.skus
        .filter((p) => middleSizes.has(p.size))
        .map((product) => ({
          from: warehouse,
          to: store,
          product,
          quantity: random.int(2, 4),
          remark: '门店月度铺货',
        })),
    ),
  );
}

/** At season's end the stores send back what will not sell in the coming months. */
function storeClearance(state: MovementState, date: string): Move[] {
  const products = new Map(state.ways.flatMap((w) => w.skus.map((p) => [p.skuCode, p] as const)));
  return storeSupply.flatMap(({ store, warehouse }) =>
    state.stock
      .heldAt(store)
      .map(({ sku, onHand }) => ({ product: products.get(sku), onHand }))
      .filter(
        (h): h is { product: DemoProduct; onHand: number } =>
          h.product !== undefined &&
          seasonWeight(h.product.styleCode.slice(0, 2), addDays(date, 45)) < 5,
      )
      .map(({ product, onHand }) => ({
        from: store,
        to: warehouse,
        product,
        quantity: onHand,
        remark: '换季退仓',
      })),
  );
}

function showroomSamples(random: Random, state: MovementState, date: string): Move[] {
  const fairAhead = state.fairs.find((f) => daysBetween(date, f) === 7);
  if (fairAhead) {
    const coming = state.ways.filter(
      (w) => seasonWeight(w.prefix, addDays(fairAhead, FAIR_SEASON_AHEAD)) >= 8,
    );
    return coming.flatMap((w) =>
      w.skus
        .filter((p) => p.size === 'L' || p.size === '50')
        .map((product) => ({
          from: 'WH-SH',
          to: 'SR-01',
          product,
          quantity: 1,
          remark: '订货会样衣',
        })),
    );
  }
  if (!state.fairs.some((f) => daysBetween(f, date) === 30)) return [];
  const products = new Map(state.ways.flatMap((w) => w.skus.map((p) => [p.skuCode, p] as const)));
  return state.stock
    .heldAt('SR-01')
    .filter(() => random.chance(0.5))
    .flatMap(({ sku, onHand }) => {
      const product = products.get(sku);
      return product
        ? [{ from: 'SR-01', to: 'WH-SH', product, quantity: onHand, remark: '样衣退回' }]
        : [];
    });
}

/** Quarterly top-ups of 广州仓, and one on the last day so the anchor shows stock in transit. */
function warehouseBalancing(random: Random, state: MovementState, date: string): Move[] {
  if (![60, 150, 240, 330, 364].includes(daysBetween(state.start, date))) return [];
  return pickColourways(random, state.ways, { count: random.int(2, 3), date, sharpen: 2 }).flatMap(
    (way) =>
      way.skus.map((product) => {
        const half = Math.floor(state.stock.available('WH-SH', product.skuCode) / 2);
        return {
          from: 'WH-SH',
          to: 'WH-GZ',
          product,
          quantity: Math.floor(Math.min(half, 30) / product.packSize) * product.packSize,
          remark: '仓间调拨补货',
        };
      }),
  );
}

/** Today's new transfers; the stock leaves at once and arrives on a later day. */
export function planTransfers(random: Random, state: MovementState, date: string): DemoRow[] {
  const moves: Move[] = [];
  if (date.endsWith('-03')) moves.push(...storeStocking(random, state, date));
  if (date.endsWith('-03-25') || date.endsWith('-09-25'))
    moves.push(...storeClearance(state, date));
  moves.push(...showroomSamples(random, state, date), ...warehouseBalancing(random, state, date));
  return moves.flatMap((move) => transfer(random, state, date, move) ?? []);
}

type Adjust = { location: string; sku: string; quantity: number; reason: string; remark: string };

function adjustment(state: MovementState, date: string, a: Adjust): DemoRow | null {
  if (
    a.quantity === 0 ||
    (a.quantity < 0 && -a.quantity > state.stock.available(a.location, a.sku))
  )
    return null;
  state.stock.addOnHand(a.location, a.sku, a.quantity);
  return {
    rowKey: state.newKey(),
    values: {
      date,
      locationCode: a.location,
      skuCode: a.sku,
      quantity: a.quantity,
      reason: a.reason,
      remark: a.remark,
    },
  };
}

/** Month-end stocktake at the stores and the showroom finds a unit more or less here and there. */
function stocktake(random: Random, state: MovementState): Adjust[] {
  return ['ST-01', 'ST-02', 'SR-01'].flatMap((location) => {
    const held = state.stock.heldAt(location);
    if (held.length === 0) return [];
    return Array.from({ length: random.int(0, 2) }, () => ({
      location,
      sku: random.pick(held).sku,
      quantity: random.chance(0.7) ? -1 : 1,
      reason: 'stocktake',
      remark: '月末盘点差异',
    }));
  });
}

export function planAdjustments(random: Random, state: MovementState, date: string): DemoRow[] {
  const adjusts: Adjust[] = [];
  const warehouse = random.pick(['WH-SH', 'WH-GZ']);
  const anySku = () => random.pick(random.pick(state.ways).skus).skuCode;
  if (addDays(date, 1).endsWith('-01')) adjusts.push(...stocktake(random, state));
  if (date.endsWith('-12'))
    adjusts.push({
      location: warehouse,
      sku: anySku(),
      quantity: -random.int(1, 2),
      reason: 'damage',
      remark: '运输破损',
    });
  if (date.endsWith('-20') && random.chance(0.7))
    adjusts.push({
      location: warehouse,
      sku: anySku(),
      quantity: random.int(1, 3),
      reason: 'return',
      remark: '经销商退货（质量问题）',
    });
  return adjusts.flatMap((a) => adjustment(state, date, a) ?? []);
}
