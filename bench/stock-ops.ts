// Stocktake figures (docs/stocktake.md): a 5,000-line count sheet of one location pushed as the
// add-in would (chunks of 1,000), then approved — the approval reads the system quantity as of
// the cut-off and posts every variance in one transaction. Baseline, same run and same store:
// better-sqlite3 inserting the same 5,000 ledger lines with one prepared statement in one
// transaction — the writes the posting cannot avoid, with none of the checks around them.
import { randomUUID } from 'node:crypto';
import { sqliteOf, type Store } from '../server/store/db';
import { startTestServer, type TestServer } from '../test/support/server';
import { timeIt, type Row } from './row';

const LINES = 5_000;
const CUT_OFF = '2026-11-25';
const now = () => new Date('2026-11-27T02:00:00Z');

async function pushRows(
  server: TestServer,
  role: 'manager' | 'warehouse',
  dataset: string,
  rows: Record<string, unknown>[],
) {
  for (let i = 0; i < rows.length; i += 1000) {
    const mutations = rows
      .slice(i, i + 1000)
      .map((values) => ({ mutationId: randomUUID(), op: 'upsert', rowKey: randomUUID(), values }));
    const res = await server.call(role, '/api/v1/sync/push', {
      body: { workbookId: 'bench', clientId: 'bench', dataset, mutations },
      headers: { 'idempotency-key': randomUUID() },
    });
    if (res.status !== 200 || res.body.summary.applied !== mutations.length)
      throw new Error(`${dataset}: ${JSON.stringify(res.body).slice(0, 500)}`);
  }
}

async function seed(server: TestServer): Promise<string[]> {
  const skus = Array.from({ length: LINES }, (_, i) => `SKU-${i}`);
  const products = skus.map((skuCode) => ({
    skuCode,
    name: skuCode,
    styleCode: 'S',
    colour: '黑',
    size: 'M',
    category: 'T恤',
    unit: '件',
    listPrice: 20000,
    dealerPrice: 10000,
    packSize: 1,
    safetyStock: 0,
    status: 'active',
  }));
  await pushRows(server, 'manager', 'products', products);
  await pushRows(server, 'manager', 'locations', [
    { code: 'WH', name: '总仓', kind: 'warehouse', status: 'active' },
  ]);
  await pushRows(
    server,
    'manager',
    'product-costs',
    skus.map((skuCode) => ({ skuCode, cost: 5000 })),
  );
  const receipts = skus.map((skuCode) => ({
    date: '2026-11-20',
    locationCode: 'WH',
    skuCode,
    quantity: 100,
  }));
  await pushRows(server, 'warehouse', 'goods-receipts', receipts);
  return skus;
}

/** Every line off by −2 … +2 (one in five counted right). */
const countedOf = (i: number) => 100 + ((i % 5) - 2);

function rawLedgerInsert(store: Store, skus: string[]): void {
  const sqlite = sqliteOf(store);
  sqlite.exec(`CREATE TABLE raw_ledger (id INTEGER PRIMARY KEY, created_at TEXT, business_date TEXT, kind TEXT,
    location_code TEXT, sku_code TEXT, on_hand_delta INTEGER, reserved_delta INTEGER, in_transit_delta INTEGER, ref TEXT)`);
  const insert = sqlite.prepare(
    'INSERT INTO raw_ledger (created_at, business_date, kind, location_code, sku_code, on_hand_delta, reserved_delta, in_transit_delta, ref) VALUES (?,?,?,?,?,?,0,0,?)',
  );
  const at = now().toISOString();
  sqlite.transaction(() => {
    skus.forEach((sku, i) =>
      insert.run(at, CUT_OFF, 'stocktake', 'WH', sku, countedOf(i) - 100, 'ST-WH'),
    );
  })();
}

export async function benchStockOps(): Promise<Row[]> {
  const server = await startTestServer({ now });
  try {
    const skus = await seed(server);
    const lines = skus.map((skuCode, i) => ({
      locationCode: 'WH',
      countDate: CUT_OFF,
      skuCode,
      countedQuantity: countedOf(i),
    }));
    const pushed = await timeIt(() => pushRows(server, 'warehouse', 'stocktakes', lines));
    const approve = [{ locationCode: 'WH', countDate: CUT_OFF }];
    const approved = await timeIt(() =>
      pushRows(server, 'manager', 'stocktake-approvals', approve),
    );
    const posted = await server.store.db
      .selectFrom('stock_ledger')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('kind', '=', 'stocktake')
      .executeTakeFirstOrThrow();
    if (Number(posted.n) !== (LINES * 4) / 5) throw new Error(`posted ${posted.n} variances`);
    const raw = await timeIt(() => rawLedgerInsert(server.store, skus));
    const baselineName = 'raw INSERT of the same ledger lines, one transaction';
    return [
      {
        name: `push ${LINES.toLocaleString('en-US')}-line count sheet`,
        value: pushed.ms,
        unit: 'ms',
        baseline: raw.ms,
        baselineName,
      },
      {
        name: 'approve: post the variances',
        value: approved.ms,
        unit: 'ms',
        baseline: raw.ms,
        baselineName,
      },
      {
        name: 'count sheet pushed and approved',
        value: pushed.ms + approved.ms,
        unit: 'ms',
        baseline: raw.ms,
        baselineName,
      },
    ];
  } finally {
    await server.close();
  }
}
