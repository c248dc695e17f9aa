// Analysis benchmarks, each beside a baseline from the same run:
// - the sales-facts pull of 500,000 order lines, paged as the add-in pulls (default page
//   size, engine + handler + JSON encoding of each page), and a refresh after 1,000 lines
//   changed — beside better-sqlite3 reading the same rows raw;
// - the replenishment computation over 300 SKUs × 5 locations × 2 years of ledger history
//   (daily shipments, weekly receipts) — beside a plain loop summing the same history.
// Data is generated in SQL (recursive CTEs) straight into a migrated temporary store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { limits, type PullQuery } from '../shared/protocol';
import { computeReplenishment, policyOf } from '../server/analysis/replenishment';
import { loadMasters } from '../server/analysis/masters';
import { salesFactsHandler } from '../server/analysis/sales-facts';
import { sqliteOf, type Store } from '../server/store/db';
import { openMigratedStore } from '../server/store/open';
import { runPull } from '../server/sync/pull';
import type { AuthUser } from '../server/services/users';
import { timeIt, type Row } from './row';

const LINES = 500_000;
const CHANGED = 1_000;
const SKUS = 300;
const LOCATIONS = 5;
const DAYS = 730;
const NOW = new Date('2025-06-30T04:00:00Z');
const analyst: AuthUser = {
  id: 1,
  username: 'bench',
  displayName: 'bench',
  role: 'analyst',
  regions: [],
};

function seedMasters(store: Store): void {
  sqliteOf(store).exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SKUS})
    INSERT INTO records (dataset, row_key, id, version, change_seq, deleted, data, updated_at, updated_by, category)
    SELECT 'products', 'p' || i, 'S' || i, 1, 0, 0, json_object('skuCode', 'S' || i, 'name', 'P' || i,
      'styleCode', 'ST' || (i / 6), 'colour', 'C' || (i % 3), 'size', 'Z' || (i % 2), 'category', 'K' || (i % 7),
      'unit', 'pc', 'listPrice', 20000, 'dealerPrice', 10000, 'packSize', 6, 'safetyStock', 20, 'status', 'active'),
      '', '', 'K' || (i % 7) FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
    INSERT INTO records (dataset, row_key, id, version, change_seq, deleted, data, updated_at, updated_by, region_code)
    SELECT 'dealers', 'd' || i, 'D' || i, 1, 0, 0, json_object('code', 'D' || i, 'name', 'Dealer ' || i,
      'regionCode', 'R' || (i % 10), 'channel', 'dealer', 'grade', 'B', 'creditLimit', 0,
      'paymentTermsDays', 30, 'status', 'active'), '', '', 'R' || (i % 10) FROM n;
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9)
    INSERT INTO records (dataset, row_key, id, version, change_seq, deleted, data, updated_at, updated_by)
    SELECT 'regions', 'r' || i, 'R' || i, 1, 0, 0, json_object('code', 'R' || i, 'name', 'Region ' || i), '', '' FROM n;`);
}

function seedOrderLines(store: Store): void {
  sqliteOf(store).exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${LINES / 10})
    INSERT INTO orders (id, dealer_code, order_ref, order_date, order_type, created_at, created_by)
    SELECT 'SO' || i, 'D' || (1 + i % 200), 'R' || i, date('2023-07-01', '+' || (i % ${DAYS}) || ' days'),
      'normal', '', '' FROM n;
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${LINES})
    INSERT INTO order_lines (id, row_key, order_id, line_no, dealer_code, order_ref, order_date, order_type,
      sku_code, quantity, unit_price, location_code, shipped_qty, cancelled, version, change_seq, updated_at)
    SELECT 'L' || i, 'k' || i, 'SO' || (1 + (i - 1) / 10), 1 + (i - 1) % 10, 'D' || (1 + ((i - 1) / 10 + 1) % 200),
      'R' || (1 + (i - 1) / 10), date('2023-07-01', '+' || (((i - 1) / 10 + 1) % ${DAYS}) || ' days'), 'normal',
      'S' || (1 + i % ${SKUS}), 6 * (1 + i % 5), 10000, 'W' || (i % ${LOCATIONS}), 0, 0, 1, i, '' FROM n;
    UPDATE counters SET value = ${LINES} WHERE name = 'change_seq';`);
}

async function pullEverything(store: Store, cursor?: string) {
  const handler = salesFactsHandler();
  let rows = 0;
  let next = cursor;
  for (;;) {
    const query: PullQuery = {
      dataset: 'sales-facts',
      limit: limits.defaultPullLimit,
      ...(next ? { cursor: next } : {}),
    };
    const page = await runPull({ db: store.db, handler, user: analyst, query, now: NOW });
    JSON.stringify(page);
    rows += page.rows.length;
    next = page.cursor;
    if (!page.hasMore) return { rows, cursor: next };
  }
}

async function benchFacts(store: Store): Promise<Row[]> {
  seedMasters(store);
  seedOrderLines(store);
  sqliteOf(store).pragma('wal_checkpoint(TRUNCATE)');
  const raw = await timeIt(
    () => sqliteOf(store).prepare('SELECT * FROM order_lines ORDER BY change_seq').all().length,
  );
  const full = await timeIt(() => pullEverything(store));
  if (full.result.rows !== LINES || raw.result !== LINES)
    throw new Error(`pulled ${full.result.rows} of ${LINES}`);
  sqliteOf(store)
    .exec(`UPDATE order_lines SET quantity = quantity + 6, change_seq = ${LINES} + (change_seq / 500)
    WHERE change_seq % 500 = 0;
    UPDATE counters SET value = ${LINES + CHANGED} WHERE name = 'change_seq';`);
  const rawDelta = await timeIt(
    () =>
      sqliteOf(store)
        .prepare('SELECT * FROM order_lines WHERE change_seq > ? ORDER BY change_seq')
        .all(LINES).length,
  );
  const delta = await timeIt(() => pullEverything(store, full.result.cursor));
  if (delta.result.rows !== CHANGED || rawDelta.result !== CHANGED)
    throw new Error(`delta sent ${delta.result.rows}`);
  return [
    {
      name: `sales-facts full pull, ${LINES} lines (${limits.defaultPullLimit}/page)`,
      value: full.ms,
      unit: 'ms',
      baseline: raw.ms,
      baselineName: 'raw SELECT of the same rows',
    },
    {
      name: `sales-facts refresh, ${CHANGED} changed lines`,
      value: delta.ms,
      unit: 'ms',
      baseline: rawDelta.ms,
      baselineName: 'raw SELECT of the changed rows',
    },
  ];
}

function seedLedger(store: Store): void {
  sqliteOf(store).exec(`
    WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < ${DAYS - 1}),
      s(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM s WHERE j < ${SKUS}),
      l(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM l WHERE k < ${LOCATIONS - 1})
    INSERT INTO stock_ledger (created_at, business_date, kind, location_code, sku_code, on_hand_delta,
      reserved_delta, in_transit_delta, ref)
    SELECT '', date('2023-07-01', '+' || i || ' days'), CASE WHEN i % 7 = 0 THEN 'receipt' ELSE 'shipment' END,
      'W' || k, 'S' || j, CASE WHEN i % 7 = 0 THEN 60 ELSE -((i + j) % 3) END, 0, 0, '' FROM d, s, l;
    INSERT INTO stock_balances (location_code, sku_code, on_hand, reserved, in_transit, last_movement_date, version, change_seq)
    SELECT location_code, sku_code, MAX(0, SUM(on_hand_delta)), 0, 0, MAX(business_date), 1, 0
    FROM stock_ledger GROUP BY 1, 2;`);
}

async function benchReplenishment(store: Store): Promise<Row[]> {
  seedLedger(store);
  sqliteOf(store).pragma('wal_checkpoint(TRUNCATE)');
  const history = sqliteOf(store).prepare('SELECT COUNT(*) AS n FROM stock_ledger').get() as {
    n: number;
  };
  const baseline = await timeIt(() => {
    const sums = new Map<string, number>();
    const rows = sqliteOf(store)
      .prepare('SELECT location_code, sku_code, business_date, on_hand_delta FROM stock_ledger')
      .iterate();
    for (const r of rows as Iterable<{
      location_code: string;
      sku_code: string;
      on_hand_delta: number;
    }>) {
      const key = `${r.location_code}|${r.sku_code}`;
      sums.set(key, (sums.get(key) ?? 0) + r.on_hand_delta);
    }
    return sums.size;
  });
  const masters = await loadMasters(store.db);
  const policy = policyOf({}, '2025-06-30');
  const run = await timeIt(() =>
    computeReplenishment(store.db, { policy, products: masters.products, skus: null }),
  );
  if (run.result.length !== SKUS * LOCATIONS)
    throw new Error(`replenishment gave ${run.result.length} lines`);
  return [
    {
      name: `replenishment, ${SKUS} SKUs × ${LOCATIONS} locations, ${history.n} ledger lines`,
      value: run.ms,
      unit: 'ms',
      baseline: baseline.ms,
      baselineName: 'plain loop summing the same ledger',
    },
  ];
}

export async function benchAnalysis(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-bench-analysis-'));
  const store = await openMigratedStore(path.join(dir, 'bench.db'), () => NOW);
  try {
    return [...(await benchFacts(store)), ...(await benchReplenishment(store))];
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
