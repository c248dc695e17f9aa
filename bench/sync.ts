// Sync-server figures: pushing 10,000 order lines as the add-in would, beside raw
// better-sqlite3 inserting the same lines in one transaction; a full pull of 100,000 stock
// rows and delta pulls of 100 changes at 10,000 and 100,000 rows, beside raw SELECTs.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqliteOf, type Store } from '../server/store/db';
import { openMigratedStore } from '../server/store/open';
import { startTestServer, type TestServer } from '../test/support/server';
import { timeIt, type Row } from './row';

const DAY = '2026-11-27';
const now = () => new Date('2026-11-27T02:00:00Z');

async function pushRows(
  server: TestServer,
  role: 'manager' | 'warehouse' | 'sales',
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

async function seedForOrders(server: TestServer): Promise<string[]> {
  await pushRows(server, 'manager', 'regions', [{ code: 'HD', name: '华东' }]);
  const dealers = Array.from({ length: 20 }, (_, i) => ({
    code: `D${i}`,
    name: `经销商${i}`,
    regionCode: 'HD',
    channel: 'dealer',
    grade: 'A',
    creditLimit: 1e12,
    paymentTermsDays: 30,
    status: 'active',
  }));
  await pushRows(server, 'manager', 'dealers', dealers);
  const skus = Array.from({ length: 300 }, (_, i) => `SKU-${i}`);
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
    'warehouse',
    'goods-receipts',
    skus.map((skuCode) => ({ date: DAY, locationCode: 'WH', skuCode, quantity: 1_000_000 })),
  );
  return skus;
}

function orderLines(skus: string[]): Record<string, unknown>[] {
  return Array.from({ length: 10_000 }, (_, i) => ({
    orderRef: `PO-${Math.floor(i / 10)}`,
    dealerCode: `D${Math.floor(i / 10) % 20}`,
    orderDate: DAY,
    orderType: 'normal',
    skuCode: skus[i % skus.length],
    quantity: 1 + (i % 5),
    unitPrice: 10000,
    locationCode: 'WH',
  }));
}

/** The raw engine: the same lines inserted with one prepared statement in one transaction. */
function rawInsert(store: Store, lines: Record<string, unknown>[]): void {
  const sqlite = sqliteOf(store);
  sqlite.exec(`CREATE TABLE raw_lines (id TEXT PRIMARY KEY, row_key TEXT UNIQUE, order_ref TEXT, dealer_code TEXT, order_date TEXT,
    order_type TEXT, sku_code TEXT, quantity INTEGER, unit_price INTEGER, location_code TEXT, version INTEGER, change_seq INTEGER)`);
  const insert = sqlite.prepare('INSERT INTO raw_lines VALUES (?,?,?,?,?,?,?,?,?,?,1,?)');
  sqlite.transaction(() => {
    lines.forEach((l, i) =>
      insert.run(
        `L${i}`,
        randomUUID(),
        l.orderRef,
        l.dealerCode,
        l.orderDate,
        l.orderType,
        l.skuCode,
        l.quantity,
        l.unitPrice,
        l.locationCode,
        i,
      ),
    );
  })();
}

/**
 * The writes a push of these lines cannot avoid, raw: per order a header, per line the line, a
 * reservation in the stock ledger, an audit row and the client's mutation id — in 10
 * transactions like the 10 chunks. Shows how much of the push is SQLite doing what the issue
 * asks (audit, ledger, duplicate guards) and how much is the server around it.
 */
function rawPushWrites(store: Store, lines: Record<string, unknown>[]): void {
  const sqlite = sqliteOf(store);
  const at = now().toISOString();
  const order = sqlite.prepare("INSERT INTO orders VALUES (?, ?, ?, ?, 'normal', ?, 'bench')");
  const line = sqlite.prepare(
    'INSERT INTO order_lines VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,NULL,0,NULL,0,1,?,?)',
  );
  const ledger = sqlite.prepare(
    `INSERT INTO stock_ledger (created_at, business_date, kind, location_code, sku_code,
      on_hand_delta, reserved_delta, in_transit_delta, ref) VALUES (?, ?, 'reserve', ?, ?, 0, ?, 0, ?)`,
  );
  const audit = sqlite.prepare(
    `INSERT INTO audit (at, username, role, workbook_id, client_id, dataset, record_key, record_id,
      version, action, before, after) VALUES (?, 'bench', 'sales', 'bench', 'bench', 'orders', ?, ?, 1, 'create', NULL, ?)`,
  );
  const applied = sqlite.prepare(
    "INSERT INTO applied_mutations VALUES ('bench-raw', ?, 'orders', ?, ?)",
  );
  for (let chunk = 0; chunk < lines.length; chunk += 1000) {
    sqlite.transaction(() => {
      lines.slice(chunk, chunk + 1000).forEach((l, offset) => {
        const i = chunk + offset;
        const orderId = `RAW-SO-${Math.floor(i / 10)}`;
        const id = `${orderId}-${String((i % 10) + 1).padStart(2, '0')}`;
        const ref = `RAW-${String(l.orderRef)}`;
        if (i % 10 === 0) order.run(orderId, l.dealerCode, ref, l.orderDate, at);
        const rowKey = randomUUID();
        line.run(
          id,
          rowKey,
          orderId,
          (i % 10) + 1,
          l.dealerCode,
          ref,
          l.orderDate,
          l.orderType,
          l.skuCode,
          l.quantity,
          l.unitPrice,
          l.locationCode,
          1_000_000 + i,
          at,
        );
        ledger.run(at, l.orderDate, l.locationCode, l.skuCode, l.quantity, id);
        audit.run(at, rowKey, id, JSON.stringify({ ...l, orderRef: ref, cancelled: false }));
        const result = JSON.stringify({ status: 'unchanged', problems: [], id, version: 1 });
        applied.run(randomUUID(), result, at);
      });
    })();
  }
}

/** rawPushWrites timed on a fresh store, so it meets tables as empty as the push did. */
async function rawFloor(lines: Record<string, unknown>[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-floor-'));
  const store = await openMigratedStore(path.join(dir, 'floor.db'), now);
  try {
    return await timeIt(() => {
      rawPushWrites(store, lines);
    });
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPush(): Promise<Row[]> {
  const server = await startTestServer({ now });
  try {
    const skus = await seedForOrders(server);
    const lines = orderLines(skus);
    await server.tokenFor('sales');
    const pushed = await timeIt(() => pushRows(server, 'sales', 'orders', lines));
    const raw = await timeIt(() => rawInsert(server.store, lines));
    const floor = await rawFloor(lines);
    return [
      {
        name: 'push 10,000 order lines (10 HTTP chunks, all checks)',
        value: pushed.ms,
        unit: 'ms',
        baseline: raw.ms,
        baselineName: 'better-sqlite3 raw insert, 1 txn',
      },
      {
        name: "the push's own writes raw (lines+ledger+audit+ids, 10 txns)",
        value: floor.ms,
        unit: 'ms',
        baseline: raw.ms,
        baselineName: 'better-sqlite3 raw insert, 1 txn',
      },
    ];
  } finally {
    await server.close();
  }
}

/** Fills stock_balances with `count` rows (and the products they name) straight in SQL. */
function fillStock(store: Store, count: number): void {
  const sqlite = sqliteOf(store);
  const skuCount = 1000;
  const addProduct = sqlite.prepare(
    `INSERT INTO records (dataset, row_key, id, version, change_seq, deleted, data, updated_at,
      updated_by, category) VALUES ('products', ?, ?, 1, ?, 0, ?, ?, 'bench', 'T恤')`,
  );
  const addBalance = sqlite.prepare(
    'INSERT INTO stock_balances VALUES (?, ?, ?, 0, 0, NULL, 1, ?)',
  );
  sqlite.transaction(() => {
    for (let s = 0; s < skuCount; s++) {
      const sku = `SKU-${s}`;
      const data = JSON.stringify({
        skuCode: sku,
        name: `商品${s}`,
        styleCode: 'S',
        colour: '黑',
        size: 'M',
        category: 'T恤',
        unit: '件',
        listPrice: 1,
        dealerPrice: 1,
        packSize: 1,
        safetyStock: 5,
        status: 'active',
      });
      addProduct.run(sku, sku, s + 1, data, DAY);
    }
    for (let i = 0; i < count; i++)
      addBalance.run(
        `LOC-${Math.floor(i / skuCount)}`,
        `SKU-${i % skuCount}`,
        i % 50,
        skuCount + i + 1,
      );
  })();
  sqlite.prepare("UPDATE counters SET value = ? WHERE name = 'change_seq'").run(skuCount + count);
}

/** Moves `changes` balances on, as stock movements would (new change_seq). */
function touchStock(store: Store, changes: number): void {
  const sqlite = sqliteOf(store);
  const seq = (
    sqlite.prepare("SELECT value FROM counters WHERE name = 'change_seq'").get() as {
      value: number;
    }
  ).value;
  const rows = sqlite
    .prepare('SELECT location_code, sku_code FROM stock_balances ORDER BY random() LIMIT ?')
    .all(changes) as { location_code: string; sku_code: string }[];
  const update = sqlite.prepare(
    'UPDATE stock_balances SET on_hand = on_hand + 1, version = version + 1, change_seq = ? WHERE location_code = ? AND sku_code = ?',
  );
  sqlite.transaction(() =>
    rows.forEach((r, i) => update.run(seq + i + 1, r.location_code, r.sku_code)),
  )();
  sqlite.prepare("UPDATE counters SET value = ? WHERE name = 'change_seq'").run(seq + changes);
}

async function pullAll(
  server: TestServer,
  cursor?: string,
): Promise<{ rows: number; cursor: string }> {
  let rows = 0;
  let next = cursor;
  for (let more = true; more;) {
    const res = await server.call(
      'analyst',
      `/api/v1/sync/pull?dataset=stock&limit=10000${next ? `&cursor=${next}` : ''}`,
    );
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    rows += res.body.rows.length as number;
    next = res.body.cursor as string;
    more = res.body.hasMore as boolean;
  }
  return { rows, cursor: next ?? '' };
}

async function benchPull(size: number, withFull: boolean): Promise<Row[]> {
  const server = await startTestServer({ now });
  try {
    fillStock(server.store, size);
    await server.tokenFor('analyst');
    const full = await timeIt(() => pullAll(server));
    if (full.result.rows !== size) throw new Error(`full pull gave ${full.result.rows} of ${size}`);
    const rawFull = await timeIt(
      () =>
        sqliteOf(server.store).prepare('SELECT * FROM stock_balances ORDER BY change_seq').all()
          .length,
    );
    touchStock(server.store, 100);
    const seq = (
      sqliteOf(server.store)
        .prepare("SELECT value FROM counters WHERE name = 'change_seq'")
        .get() as {
        value: number;
      }
    ).value;
    const delta = await timeIt(() => pullAll(server, full.result.cursor));
    if (delta.result.rows !== 100)
      throw new Error(`delta pull gave ${delta.result.rows} rows, not 100`);
    const rawDelta = await timeIt(
      () =>
        sqliteOf(server.store)
          .prepare('SELECT * FROM stock_balances WHERE change_seq > ? ORDER BY change_seq')
          .all(seq - 100).length,
    );
    const rows: Row[] = [];
    const label = size.toLocaleString('en-US');
    if (withFull)
      rows.push({
        name: `full pull of ${label} stock rows (HTTP, pages of 10,000)`,
        value: full.ms,
        unit: 'ms',
        baseline: rawFull.ms,
        baselineName: 'raw SELECT of all balances',
      });
    rows.push({
      name: `delta pull of 100 changes at ${label} rows`,
      value: delta.ms,
      unit: 'ms',
      baseline: rawDelta.ms,
      baselineName: 'raw SELECT by change_seq',
    });
    return rows;
  } finally {
    await server.close();
  }
}

export async function benchSync(): Promise<Row[]> {
  return [
    ...(await benchPush()),
    ...(await benchPull(100_000, true)),
    ...(await benchPull(10_000, false)),
  ];
}
