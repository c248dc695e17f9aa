// Demo data of the stock operations (docs/stocktake.md, docs/samples.md, docs/group-buy.md):
// a group-buy contract for each planned 团购 order (signed a fortnight before it, at the dealer
// price, with room left), standard costs for the catalogue, a showroom sample book with loans
// (one overdue), and counts of two locations — one approved and posted, one awaiting approval.
import type { Db } from '../store/db';
import { systemAsOf } from '../stock-ops/stocktake-store';
import { addDays, atHour } from './calendar';
import type { Catalog } from './catalog';
import type { HistoryPlan } from './history';
import type { DemoRow, Pusher } from './pusher';

export const groupContractCode = (orderRef: string) => `GB-${orderRef}`;

const row = (pusher: Pusher, values: Record<string, unknown>, group?: string): DemoRow => ({
  rowKey: pusher.newKey(),
  values,
  ...(group ? { group } : {}),
});

/** One contract per planned group order, covering its SKUs with half as much again. */
export function groupContracts(pusher: Pusher, plan: HistoryPlan): { at: Date; rows: DemoRow[] } {
  const items = new Map<string, { values: Record<string, unknown>; quantity: number }>();
  for (const line of plan.days.flatMap((d) => d.orders)) {
    const code = line.values.contractCode;
    if (typeof code !== 'string') continue;
    const key = `${code}|${String(line.values.skuCode)}`;
    const date = String(line.values.orderDate);
    const item = items.get(key) ?? {
      quantity: 0,
      values: {
        contractCode: code,
        customerName: typeof line.values.remark === 'string' ? line.values.remark : '团购客户',
        validFrom: addDays(date, -14),
        validTo: addDays(date, 60),
        allowancePercent: 5,
        itemCode: line.values.skuCode,
        unitPrice: line.values.unitPrice,
      },
    };
    item.quantity += Number(line.values.quantity);
    items.set(key, item);
  }
  const rows = [...items.values()].map((i) =>
    row(
      pusher,
      { ...i.values, contractedQuantity: Math.ceil(i.quantity * 1.5) },
      String(i.values.contractCode),
    ),
  );
  return { at: atHour(addDays(plan.start, -1), 9), rows };
}

async function showroomSkus(db: Db, location: string, count: number): Promise<string[]> {
  const rows = await db
    .selectFrom('stock_balances')
    .select(['sku_code'])
    .where('location_code', '=', location)
    .where('on_hand', '>', 1)
    .orderBy('sku_code')
    .limit(count)
    .execute();
  return rows.map((r) => r.sku_code);
}

async function seedSamples(pusher: Pusher, db: Db, at: { today: string; dealer: string }) {
  const { today } = at;
  const [a, b, c] = await showroomSkus(db, 'SR-01', 3);
  if (!a || !b || !c) return;
  const loanDay = addDays(today, -20);
  const loan = (skuCode: string, borrower: Record<string, string>, due: number) =>
    row(pusher, {
      moveDate: loanDay,
      kind: 'loan',
      showroomCode: 'SR-01',
      skuCode,
      quantity: 1,
      dueDate: addDays(today, due),
      ...borrower,
      remark: '客户看样',
    });
  const loans = [
    loan(a, { staffCode: 'S001' }, -6),
    loan(b, { dealerCode: at.dealer }, 10),
    loan(c, { staffCode: 'S002' }, -12),
  ];
  const results = await pusher.push('sample-moves', loans, atHour(loanDay, 10));
  const returned = results[2]?.id;
  if (returned === undefined) return;
  const back = row(pusher, {
    moveDate: addDays(today, -3),
    kind: 'return',
    showroomCode: 'SR-01',
    skuCode: c,
    quantity: 1,
    loanRef: returned,
  });
  await pusher.push('sample-moves', [back], atHour(addDays(today, -3), 15));
}

/** Counts `location` as of `date`: every SKU as the system has it, but a few off by one. */
async function seedCount(
  pusher: Pusher,
  db: Db,
  count: { location: string; date: string; approve: boolean },
) {
  const system = await systemAsOf(db, count);
  const lines = [...system.entries()].filter(([, qty]) => qty > 0).slice(0, 40);
  const rows = lines.map(([skuCode, qty], i) =>
    row(pusher, {
      locationCode: count.location,
      countDate: count.date,
      skuCode,
      countedQuantity: i % 9 === 4 ? qty - 1 : i % 13 === 7 ? qty + 1 : qty,
    }),
  );
  const at = atHour(count.date, 18);
  await pusher.push('stocktakes', rows, at);
  if (count.approve)
    await pusher.push(
      'stocktake-approvals',
      [row(pusher, { locationCode: count.location, countDate: count.date, remark: '月末盘点' })],
      at,
    );
}

export async function seedStockOps(
  pusher: Pusher,
  input: { db: Db; catalog: Catalog; today: string },
) {
  const { db, catalog, today } = input;
  const costs = catalog.products.map((p) =>
    row(pusher, { skuCode: p.skuCode, cost: Math.round((p.dealerPrice * 0.55) / 100) * 100 }),
  );
  await pusher.push('product-costs', costs, atHour(addDays(today, -30), 9));
  const dealer = catalog.dealers[0]?.code;
  if (dealer) await seedSamples(pusher, db, { today, dealer });
  await seedCount(pusher, db, { location: 'ST-01', date: addDays(today, -1), approve: true });
  await seedCount(pusher, db, { location: 'ST-02', date: addDays(today, -1), approve: false });
}
