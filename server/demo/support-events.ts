// Demo events (docs/dealer-support.md): the latest 订货会 among the orders replayed (the fair
// orders of its last three days linked to it, their dealers invited and present), a dealer
// conference with costs and no orders, and a key-account promotion over the last 30 days,
// compared with the 30 days before.
import type { Catalog } from './catalog';
import { addDays, atHour } from './calendar';
import type { Pusher } from './pusher';
import type { Db } from '../store/db';

const rows = (pusher: Pusher, values: readonly Record<string, unknown>[]) =>
  values.map((v) => ({ rowKey: pusher.newKey(), values: v }));

async function fairOrders(db: Db) {
  const last = await db
    .selectFrom('orders')
    .select('order_date')
    .where('order_type', '=', 'fair')
    .orderBy('order_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return null;
  const start = addDays(last.order_date, -2);
  const orders = await db
    .selectFrom('orders')
    .select(['dealer_code', 'order_ref'])
    .where('order_type', '=', 'fair')
    .where('order_date', '>=', start)
    .where('order_date', '<=', last.order_date)
    .orderBy('id')
    .execute();
  return { start, end: last.order_date, orders };
}

async function seedFair(pusher: Pusher, db: Db, catalog: Catalog) {
  const fair = await fairOrders(db);
  if (!fair) return;
  const at = atHour(fair.end, 20);
  await pusher.push(
    'events',
    rows(pusher, [
      {
        code: `DHH-${fair.start.replaceAll('-', '')}`,
        kind: 'fair',
        name: '新品订货会',
        startDate: fair.start,
        endDate: fair.end,
        place: '杭州国际博览中心',
        budget: 12_000_000,
        costs: 10_850_000,
      },
    ]),
    at,
  );
  const code = `DHH-${fair.start.replaceAll('-', '')}`;
  const came = [...new Set(fair.orders.map((o) => o.dealer_code))];
  const absent = catalog.dealers
    .map((d) => d.code)
    .filter((c) => !came.includes(c))
    .slice(0, 2);
  const invites = [
    ...came.map((dealerCode) => ({ eventCode: code, dealerCode, attended: true })),
    ...absent.map((dealerCode) => ({ eventCode: code, dealerCode, attended: false })),
  ];
  await pusher.push('event-dealers', rows(pusher, invites), at);
  const links = fair.orders.map((o) => ({
    eventCode: code,
    dealerCode: o.dealer_code,
    orderRef: o.order_ref,
  }));
  await pusher.push('event-orders', rows(pusher, links), at);
}

async function seedPromotion(pusher: Pusher, db: Db, catalog: Catalog, today: string) {
  const accounts = catalog.dealers.filter((d) => d.channel === 'key-account').map((d) => d.code);
  if (accounts.length === 0) return;
  const start = addDays(today, -29);
  const busiest = await db
    .selectFrom('order_lines')
    .select('dealer_code')
    .where('dealer_code', 'in', accounts)
    .where('order_date', '>=', start)
    .orderBy('order_date', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  const dealerCode = busiest?.dealer_code ?? accounts[0];
  const promotion = {
    code: `KA-${start.replaceAll('-', '')}`,
    kind: 'promotion',
    name: '直营卖场秋冬换季促销',
    startDate: start,
    endDate: today,
    place: '卖场专柜',
    dealerCode,
    mechanics: '满 500 减 100，堆头陈列费由品牌承担',
    budget: 2_000_000,
    costs: 1_600_000,
  };
  await pusher.push('events', rows(pusher, [promotion]), atHour(start, 9));
}

export async function seedEvents(pusher: Pusher, db: Db, catalog: Catalog, today: string) {
  await seedFair(pusher, db, catalog);
  const day = addDays(today, -45);
  await pusher.push(
    'events',
    rows(pusher, [
      {
        code: `JXS-${day.replaceAll('-', '')}`,
        kind: 'conference',
        name: '年度经销商大会',
        startDate: day,
        endDate: addDays(day, 1),
        place: '上海',
        budget: 8_000_000,
        costs: 7_650_000,
      },
    ]),
    atHour(day, 9),
  );
  const invited = catalog.dealers.slice(0, 6).map((d, i) => ({
    eventCode: `JXS-${day.replaceAll('-', '')}`,
    dealerCode: d.code,
    attended: i !== 5,
  }));
  await pusher.push('event-dealers', rows(pusher, invited), atHour(day, 18));
  await seedPromotion(pusher, db, catalog, today);
}
