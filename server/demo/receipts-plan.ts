// 入库 in the demo history: opening stock the day before it starts, Monday production deliveries
// that top up whatever ran below safety stock, and a same-day delivery when the day's orders
// would take more than is available (the server refuses a line it cannot reserve).
import type { DemoProduct } from './catalog';
import { weekdayOf } from './calendar';
import type { DraftOrder } from './demand';
import type { DemoRow } from './pusher';
import type { SimStock } from './stock-sim';

interface ReceiptPlanner {
  stock: SimStock;
  products: readonly DemoProduct[];
  movement: { newKey: () => string };
}

/** How much of each SKU a warehouse keeps, relative to the SKU's safety stock. */
const warehouseShare: Readonly<Record<string, number>> = { 'WH-SH': 1, 'WH-GZ': 0.5 };
const packRound = (quantity: number, pack: number) =>
  Math.max(1, Math.ceil(quantity / pack)) * pack;

function receiptRows(
  p: ReceiptPlanner,
  date: string,
  wanted: Map<string, number>,
  remark: string,
): DemoRow[] {
  return [...wanted].map(([key, quantity]) => {
    const [locationCode = '', skuCode = ''] = key.split('|');
    p.stock.addOnHand(locationCode, skuCode, quantity);
    return {
      rowKey: p.movement.newKey(),
      values: { date, locationCode, skuCode, quantity, remark },
    };
  });
}

export function openingStock(p: ReceiptPlanner, date: string): DemoRow[] {
  const wanted = new Map<string, number>();
  for (const [warehouse, share] of Object.entries(warehouseShare)) {
    for (const product of p.products)
      wanted.set(
        `${warehouse}|${product.skuCode}`,
        packRound(product.safetyStock * share * 4, product.packSize),
      );
  }
  return receiptRows(p, date, wanted, '期初库存');
}

/** Monday production deliveries top up what runs low; a same-day delivery covers any shortfall. */
export function planReceipts(
  p: ReceiptPlanner,
  date: string,
  drafts: readonly DraftOrder[],
): DemoRow[] {
  const wanted = new Map<string, number>();
  const monday = weekdayOf(date) === 1;
  for (const [warehouse, share] of Object.entries(warehouseShare)) {
    for (const product of p.products) {
      const low = product.safetyStock * share;
      if (monday && p.stock.available(warehouse, product.skuCode) < low)
        wanted.set(`${warehouse}|${product.skuCode}`, packRound(low * 3, product.packSize));
    }
  }
  const need = new Map<string, { product: DemoProduct; quantity: number }>();
  for (const draft of drafts) {
    for (const line of draft.lines) {
      const key = `${draft.locationCode}|${line.product.skuCode}`;
      need.set(key, {
        product: line.product,
        quantity: (need.get(key)?.quantity ?? 0) + line.quantity,
      });
    }
  }
  for (const [key, { product, quantity }] of need) {
    const [location = ''] = key.split('|');
    const short = quantity - p.stock.available(location, product.skuCode) - (wanted.get(key) ?? 0);
    if (short > 0)
      wanted.set(
        key,
        (wanted.get(key) ?? 0) +
          packRound(
            short + product.safetyStock * (warehouseShare[location] ?? 1),
            product.packSize,
          ),
      );
  }
  return receiptRows(p, date, wanted, '生产入库');
}
