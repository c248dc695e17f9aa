// What the store pulls compute from (docs/sell-out.md, "Self-operated stores"), per style ×
// store as of a day: units received (every on-hand increase of the ledger at the store —
// receipts and transfers in — with the first one's date), units sold (the store-sales lines),
// the last seven days' sales, and the store's stock of the style as received − sold (store
// sales do not post to the ledger). Stores are the locations of kind 'store'.
import { addDays } from '../../shared/analysis/calendar';
import { sellThroughBp, weekSince } from '../../shared/sellout/stores';
import { allRecords } from '../datasets/records-store';
import type { Db } from '../store/db';

export interface StoreStyle {
  style: string;
  /** The store, or undefined for the style over every store. */
  store?: string;
  firstReceipt: string;
  week: number;
  received: number;
  sold: number;
  onHand: number;
  bp: number | null;
  soldLastWeek: number;
}

type Tally = Omit<StoreStyle, 'week' | 'bp' | 'onHand'>;

function tally(map: Map<string, Tally>, key: string, start: Tally, add: Partial<Tally>) {
  const t = map.get(key) ?? start;
  if (add.firstReceipt && (t.firstReceipt === '' || add.firstReceipt < t.firstReceipt))
    t.firstReceipt = add.firstReceipt;
  t.received += add.received ?? 0;
  t.sold += add.sold ?? 0;
  t.soldLastWeek += add.soldLastWeek ?? 0;
  map.set(key, t);
}

function finish(t: Tally, asOf: string): StoreStyle {
  return {
    ...t,
    week: weekSince(t.firstReceipt, asOf),
    onHand: t.received - t.sold,
    bp: sellThroughBp(t.sold, t.received),
  };
}

export async function storeStyles(db: Db, asOf: string): Promise<StoreStyle[]> {
  const locations = await allRecords(db, 'locations');
  const stores = [...locations.values()].filter((l) => l.values.kind === 'store').map((l) => l.id);
  if (stores.length === 0) return [];
  const styleOf = new Map(
    [...(await allRecords(db, 'products')).values()].map((p) => [p.id, String(p.values.styleCode)]),
  );
  const receipts = await db
    .selectFrom('stock_ledger')
    .select(['location_code', 'sku_code'])
    .select((eb) => [
      eb.fn.min<string>('business_date').as('first'),
      eb.fn.sum<number | string>('on_hand_delta').as('received'),
    ])
    .where('on_hand_delta', '>', 0)
    .where('business_date', '<=', asOf)
    .where('location_code', 'in', stores)
    .groupBy(['location_code', 'sku_code'])
    .execute();
  const pairs = new Map<string, Tally>();
  const add = (store: string, sku: string, values: Partial<Tally>) => {
    const style = styleOf.get(sku);
    if (style === undefined) return;
    const start = { style, store, firstReceipt: '', received: 0, sold: 0, soldLastWeek: 0 };
    tally(pairs, `${style}|${store}`, start, values);
  };
  for (const r of receipts)
    add(r.location_code, r.sku_code, { firstReceipt: r.first, received: Number(r.received) });
  const weekAgo = addDays(asOf, -7);
  for (const sale of (await allRecords(db, 'store-sales')).values()) {
    const v = sale.values as {
      date: string;
      locationCode: string;
      skuCode: string;
      quantity: number;
    };
    if (v.date > asOf) continue;
    const recent = v.date > weekAgo ? v.quantity : 0;
    add(v.locationCode, v.skuCode, { sold: v.quantity, soldLastWeek: recent });
  }
  const received = [...pairs.values()].filter((t) => t.firstReceipt !== '');
  const styles = new Map<string, Tally>();
  for (const t of received) {
    const start = { style: t.style, firstReceipt: '', received: 0, sold: 0, soldLastWeek: 0 };
    tally(styles, t.style, start, t);
  }
  return [...received, ...styles.values()].map((t) => finish(t, asOf));
}
