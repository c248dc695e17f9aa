// Demo store sales (自营店) and the sell-out settings: a year of daily POS lines for the SKUs each
// self-operated store received most, sold out of what had arrived (some sell briskly, a few
// hardly at all, so the markdown proposals, clearance and rebalancing pulls show something);
// a three-step markdown ladder; a reorder-level and a min/max rule at the first warehouse; and
// carry-over for a few dealers' styles.
import type { Db } from '../store/db';
import { addDays, atHour } from './calendar';
import type { Catalog } from './catalog';
import type { Pusher } from './pusher';
import type { Random } from './random';

const SKUS_PER_STORE = 12;

interface Arrival {
  store: string;
  sku: string;
  date: string;
  quantity: number;
}

async function arrivals(db: Db, stores: readonly string[], today: string): Promise<Arrival[]> {
  if (stores.length === 0) return [];
  const rows = await db
    .selectFrom('stock_ledger')
    .select(['location_code', 'sku_code', 'business_date'])
    .select((eb) => eb.fn.sum<number | string>('on_hand_delta').as('quantity'))
    .where('on_hand_delta', '>', 0)
    .where('business_date', '<=', today)
    .where('location_code', 'in', stores)
    .groupBy(['location_code', 'sku_code', 'business_date'])
    .orderBy('location_code')
    .orderBy('sku_code')
    .orderBy('business_date')
    .execute();
  return rows.map((r) => ({
    store: r.location_code,
    sku: r.sku_code,
    date: r.business_date,
    quantity: Number(r.quantity),
  }));
}

/** Daily sales of one store × SKU out of what had arrived; `pace` is the chance of a sale day. */
function dailySales(list: readonly Arrival[], pace: number, random: Random, today: string) {
  const sales: { date: string; quantity: number }[] = [];
  let stock = 0;
  const pending = [...list];
  for (let day = list[0]?.date ?? today; day <= today; day = addDays(day, 1)) {
    while (pending[0] !== undefined && pending[0].date <= day)
      stock += pending.shift()?.quantity ?? 0;
    if (stock > 0 && random.chance(pace)) {
      const quantity = Math.min(stock, random.int(1, 3));
      stock -= quantity;
      sales.push({ date: day, quantity });
    }
  }
  return sales;
}

export async function seedStores(input: {
  db: Db;
  pusher: Pusher;
  random: Random;
  catalog: Catalog;
  today: string;
}): Promise<number> {
  const { db, pusher, random, catalog, today } = input;
  const stores = catalog.locations.filter((l) => l.kind === 'store').map((l) => l.code);
  const byPair = new Map<string, Arrival[]>();
  for (const a of await arrivals(db, stores, today))
    byPair.set(`${a.store}|${a.sku}`, [...(byPair.get(`${a.store}|${a.sku}`) ?? []), a]);
  const rows: { rowKey: string; values: Record<string, unknown> }[] = [];
  for (const store of stores) {
    const total = (list: Arrival[]) => list.reduce((n, a) => n + a.quantity, 0);
    const pairs = [...byPair]
      .filter(([key]) => key.startsWith(`${store}|`))
      .sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, SKUS_PER_STORE);
    pairs.forEach(([key, list], index) => {
      const pace = index % 4 === 3 ? 0.03 : index % 4 === 0 ? 0.6 : 0.3;
      const skuCode = key.split('|')[1] ?? '';
      for (const s of dailySales(list, pace, random, today))
        rows.push({
          rowKey: pusher.newKey(),
          values: { date: s.date, locationCode: store, skuCode, quantity: s.quantity },
        });
    });
  }
  await pusher.push('store-sales', rows, atHour(today, 21));
  const ladder = [
    { step: 1, week: 4, belowPercent: 30, discountPercent: 10 },
    { step: 2, week: 8, belowPercent: 50, discountPercent: 30 },
    { step: 3, week: 12, belowPercent: 70, discountPercent: 50 },
  ];
  const keyed = (items: object[]) =>
    items.map((values) => ({ rowKey: pusher.newKey(), values: { ...values } }));
  await pusher.push('markdown-ladder', keyed(ladder), atHour(today, 8));
  await seedSettings(pusher, catalog, atHour(today, 8), keyed);
  return rows.length;
}

async function seedSettings(
  pusher: Pusher,
  catalog: Catalog,
  at: Date,
  keyed: (items: object[]) => { rowKey: string; values: Record<string, unknown> }[],
) {
  const warehouse = catalog.locations.find((l) => l.kind === 'warehouse')?.code;
  const [first, second] = catalog.products;
  if (warehouse && first && second)
    await pusher.push(
      'replenishment-rules',
      keyed([
        {
          locationCode: warehouse,
          skuCode: first.skuCode,
          rule: 'reorder-level',
          reorderLevel: 200,
          reorderQuantity: 120,
        },
        {
          locationCode: warehouse,
          skuCode: second.skuCode,
          rule: 'min-max',
          minQuantity: 100,
          maxQuantity: 300,
        },
      ]),
      at,
    );
  const inputs = catalog.dealers.slice(0, 3).map((d, i) => ({
    dealerCode: d.code,
    styleCode: catalog.products[i]?.styleCode ?? '',
    carryOver: 20 + 10 * i,
    usablePercent: 60,
  }));
  await pusher.push('fair-inputs', keyed(inputs.filter((v) => v.styleCode !== '')), at);
}
