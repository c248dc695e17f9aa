import assert from 'node:assert/strict';
import { seedDemo, type SeedCounts } from '../../server/demo/seed';
import { loadExposure } from '../../server/finance/ledger-exposure';
import { login } from '../../server/services/users';
import { sql } from 'kysely';
import type { Store } from '../../server/store/db';
import { openMigratedStore } from '../../server/store/open';
import { startTestServer, type TestServer } from '../support/server';
import { onPostgres, openTestStore, type TestStore } from '../support/store';

const TODAY = '2026-11-27';

const now = () => new Date('2026-11-27T12:00:00Z');

async function freshStore(): Promise<TestStore> {
  return openTestStore({ now });
}

/** The store's database again, every session of it under these planner settings (PostgreSQL). */
async function withSettings(opened: TestStore, settings: readonly string[]): Promise<Store> {
  const name = new URL(opened.location).pathname.slice(1);
  for (const setting of settings)
    await sql.raw(`ALTER DATABASE ${name} SET ${setting}`).execute(opened.store.db);
  return openMigratedStore(opened.location, now);
}

/** Rows of a query written once for both stores (see the SQL helpers below). */
async function all(store: Store, query: string) {
  return (await sql.raw<Record<string, unknown>>(query).execute(store.db)).rows;
}

// The few spellings that differ between SQLite and PostgreSQL, for the queries below.
/** How many rows match (a comparison is a number on SQLite, a boolean on PostgreSQL). */
const n = (condition: string) => `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const json = (column: string, key: string) =>
  onPostgres ? `(${column}::json ->> '${key}')` : `json_extract(${column}, '$.${key}')`;
const position = (text: string, part: string) =>
  onPostgres ? `strpos(${text}, ${part})` : `instr(${text}, ${part})`;

/** Everything the seed wrote that a pull or an analysis could see, in a stable order. */
async function snapshot(store: Store): Promise<Record<string, Record<string, unknown>[]>> {
  const records = await all(
    store,
    'SELECT dataset, row_key, id, version, change_seq, data FROM records ORDER BY dataset, row_key',
  );
  const lines = await all(store, 'SELECT * FROM order_lines ORDER BY id');
  const balances = await all(
    store,
    'SELECT * FROM stock_balances ORDER BY location_code, sku_code',
  );
  const finance = [];
  for (const table of ['fin_receipts', 'fin_allocations', 'fin_payer_aliases'])
    finance.push(await all(store, `SELECT * FROM ${table} ORDER BY id`));
  return { records, lines, balances, finance: finance.flat() };
}

/**
 * Fails with the first row where two snapshots part, not with two strings of megabytes: the
 * table, the row's position and both versions of it.
 */
function assertSameSnapshot(
  a: Awaited<ReturnType<typeof snapshot>>,
  b: Awaited<ReturnType<typeof snapshot>>,
) {
  for (const table of Object.keys(a)) {
    const [left, right] = [a[table] ?? [], b[table] ?? []];
    const length = Math.max(left.length, right.length);
    for (let i = 0; i < length; i++) {
      const [x, y] = [JSON.stringify(left[i]), JSON.stringify(right[i])];
      if (x !== y)
        assert.fail(`${table}: row ${i} of ${left.length}/${right.length} differs\n  ${x}\n  ${y}`);
    }
  }
}

describe('demo seed', function () {
  this.timeout(180_000);
  it('writes byte-identical data for the same seed (small scale)', async () => {
    const [a, b] = [await freshStore(), await freshStore()];
    try {
      const first = await seedDemo(a.store, { seed: 3, today: TODAY, scale: 0.1 });
      const second = await seedDemo(b.store, { seed: 3, today: TODAY, scale: 0.1 });
      assert.deepEqual(second, first);
      assert.equal(first.rejected, 0);
      assert.ok(first.bankReceipts > 0 && first.allocations > first.bankReceipts);
      assertSameSnapshot(await snapshot(a.store), await snapshot(b.store));
    } finally {
      await a.drop();
      await b.drop();
    }
  });

  // PostgreSQL returns the rows of a query without ORDER BY in the order of its plan, and the
  // plan follows statistics that autovacuum refreshes when it likes: a seed that read such rows
  // in order differed now and then in full test runs. Planner settings force the other plans.
  for (const settings of [
    ['enable_seqscan = off'],
    ['enable_indexscan = off', 'enable_bitmapscan = off', 'enable_indexonlyscan = off'],
  ])
    it(`writes the same data whatever the query plans (${settings.join(', ')})`, async function () {
      if (!onPostgres) this.skip();
      const [a, b] = [await freshStore(), await freshStore()];
      const planned = await withSettings(b, settings);
      try {
        const first = await seedDemo(a.store, { seed: 3, today: TODAY, scale: 0.1 });
        const second = await seedDemo(planned, { seed: 3, today: TODAY, scale: 0.1 });
        assert.deepEqual(second, first);
        assertSameSnapshot(await snapshot(a.store), await snapshot(planned));
      } finally {
        await planned.close();
        await a.drop();
        await b.drop();
      }
    });

  describe('full demo', () => {
    let server: TestServer;
    let store: Store;
    let counts: SeedCounts;
    const progress: string[] = [];
    // The row shape is each query's own claim about its SELECT list.
    const one = async <T>(query: string) => (await all(store, query))[0] as T;
    const pull = async (dataset: string) => {
      const res = await server.call('finance', `/api/v1/sync/pull?dataset=${dataset}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return (res.body as { rows: { values: Record<string, unknown> }[] }).rows.map(
        (r) => r.values,
      );
    };

    // Seeded into a real server's store, so the finance pulls below go through HTTP.
    before(async () => {
      server = await startTestServer({
        now: () => new Date('2026-11-27T12:00:00Z'),
        seed: async (seeded) => {
          counts = await seedDemo(seeded, { today: TODAY, onProgress: (m) => progress.push(m) });
        },
      });
      store = server.store;
    });
    after(() => server.close());

    it('loads the brand: dealers, SKUs, locations and six regions at the top', async () => {
      assert.equal(counts.skipped, false);
      assert.equal(counts.rejected, 0, progress.join('\n'));
      assert.ok(counts.dealers >= 35 && counts.dealers <= 45);
      assert.ok(counts.products >= 280 && counts.products <= 320);
      const byDataset = new Map(
        (
          await all(
            store,
            'SELECT dataset, count(*) n FROM records WHERE deleted = 0 GROUP BY dataset',
          )
        ).map((r) => [r.dataset, r.n]),
      );
      assert.equal(byDataset.get('dealers'), counts.dealers);
      assert.equal(byDataset.get('products'), counts.products);
      assert.equal(byDataset.get('locations'), 5);
      const tops = await all(
        store,
        `SELECT id code FROM records WHERE dataset = 'regions' AND ${json('data', 'parentCode')} IS NULL`,
      );
      assert.deepEqual(tops.map((r) => r.code).sort(), ['DB', 'HB', 'HD', 'HN', 'HZ', 'XN']);
      const inactive = await one<{ n: number }>(
        `SELECT count(*) n FROM records WHERE dataset = 'dealers' AND ${json('data', 'status')} = 'inactive'`,
      );
      assert.ok(inactive.n >= 1 && inactive.n <= 2);
      assert.ok(progress.length >= 12);
    });

    it('has twelve months of orders with lines of every status and canonical numbers of their day', async () => {
      assert.ok(
        counts.orderLines >= 6_000 && counts.orderLines <= 12_000,
        `${counts.orderLines} lines`,
      );
      const span = await one<{ first: string; last: string; months: number }>(
        'SELECT min(order_date) AS first, max(order_date) AS last, count(DISTINCT substr(order_date, 1, 7)) months FROM order_lines',
      );
      assert.equal(span.last, TODAY);
      assert.ok(span.first <= '2025-12-01' && span.months >= 12);
      const statuses = await one<Record<string, number>>(`SELECT
        ${n('cancelled = 1')} cancelled, ${n('cancelled = 0 AND shipped_qty = 0')} submitted,
        ${n('cancelled = 0 AND shipped_qty > 0 AND shipped_qty < quantity')} partly, ${n('shipped_qty = quantity')} shipped,
        ${n('shipped_qty > quantity')} AS over FROM order_lines`);
      for (const status of ['cancelled', 'submitted', 'partly', 'shipped'])
        assert.ok((statuses[status] ?? 0) > 0, status);
      assert.equal(statuses.over, 0);
      const mismatched = await one<{ n: number }>(
        "SELECT count(*) n FROM orders WHERE substr(id, 4, 8) <> replace(order_date, '-', '')",
      );
      assert.equal(mismatched.n, 0);
    });

    it('keeps stock sane: nothing negative, reserved within on hand, balances equal to the ledger', async () => {
      const bad = await one<{ negative: number; overReserved: number; transit: number }>(
        `SELECT ${n('on_hand < 0 OR reserved < 0 OR in_transit < 0')} negative, ${n('reserved > on_hand')} "overReserved", sum(in_transit) transit FROM stock_balances`,
      );
      assert.equal(bad.negative, 0);
      assert.equal(bad.overReserved, 0);
      assert.ok(bad.transit > 0, 'some stock in transit at the anchor');
      const drift = await one<{ n: number }>(`SELECT count(*) n FROM stock_balances b LEFT JOIN (
          SELECT location_code, sku_code, sum(on_hand_delta) h, sum(reserved_delta) r, sum(in_transit_delta) t FROM stock_ledger GROUP BY 1, 2
        ) l USING (location_code, sku_code) WHERE b.on_hand <> l.h OR b.reserved <> l.r OR b.in_transit <> l.t`);
      assert.equal(drift.n, 0);
      const reserved = await one<{ lines: number; balances: number }>(
        'SELECT (SELECT sum(quantity - shipped_qty) FROM order_lines WHERE cancelled = 0) lines, (SELECT sum(reserved) FROM stock_balances) balances',
      );
      assert.equal(reserved.balances, reserved.lines);
    });

    it('collects its money: deposits before shipping, payments booked and confirmed by finance', async () => {
      const receipts = await one<{ n: number; byFinance: number; quoting: number; silent: number }>(
        `SELECT count(*) n, ${n("created_by = 'demo-finance'")} "byFinance", ${n("remark LIKE '%SO-%'")} quoting, ${n('remark IS NULL')} silent FROM fin_receipts WHERE deleted = 0`,
      );
      assert.equal(receipts.n, counts.bankReceipts);
      assert.ok(receipts.n >= 400, `${receipts.n} bank receipts`);
      assert.equal(receipts.byFinance, receipts.n);
      assert.ok(receipts.quoting > 0 && receipts.silent > 0);
      const unknownQuote = await one<{ n: number }>(
        `SELECT count(*) n FROM fin_receipts WHERE remark LIKE '%SO-%' AND substr(remark, ${position('remark', "'SO-'")}, 16) NOT IN (SELECT id FROM orders)`,
      );
      assert.equal(unknownQuote.n, 0);
      const kinds = await one<Record<string, number>>(`SELECT count(*) n,
        ${n("target_kind = 'order-deposit'")} deposits, ${n("target_kind = 'credit-balance'")} credits,
        ${n('receipt_id IS NULL')} "fromCredit", ${n('write_off_amount > 0')} "writeOffs",
        max(write_off_amount) "maxWriteOff" FROM fin_allocations
        WHERE deleted = 0 AND row_key NOT LIKE 'return:%'`);
      assert.equal(kinds.n, counts.allocations);
      assert.equal(kinds.deposits, counts.deposits);
      for (const kind of ['deposits', 'credits', 'fromCredit', 'writeOffs'])
        assert.ok((kinds[kind] ?? 0) > 0, kind);
      assert.ok((kinds.maxWriteOff ?? 0) <= 500, 'bank fees within the ¥5 tolerance');
    });

    it('shows returns: one awaiting approval, one held as credit balance, an exchange, a transfer', async () => {
      const returns = await one<Record<string, number>>(`SELECT count(*) n,
        ${n("status = 'awaiting-approval'")} waiting, ${n('credit_balance > 0')} "toCredit"
        FROM return_lines`);
      assert.ok((returns.waiting ?? 0) > 0 && (returns.toCredit ?? 0) > 0, JSON.stringify(returns));
      const documents = await one<Record<string, number>>(`SELECT
        ${n("dataset = 'exchanges'")} exchanges, ${n("dataset = 'dealer-transfers'")} transfers,
        ${n("dataset = 'exchanges' AND data LIKE '%awaiting-approval%'")} "waitingExchanges"
        FROM records`);
      assert.ok((documents.exchanges ?? 0) > 0 && (documents.transfers ?? 0) > 0);
      assert.ok((documents.waitingExchanges ?? 0) > 0, JSON.stringify(documents));
    });

    it('ships no grade-C order before its 30% deposit was received', async () => {
      const cOrders = await one<{ shipped: number; short: number }>(`SELECT
        count(*) shipped, ${n('deposit * 10 < value * 3')} short FROM (
          SELECT o.id, sum(l.quantity * l.unit_price) value, (SELECT coalesce(sum(a.amount), 0)
            FROM fin_allocations a WHERE a.target_kind = 'order-deposit' AND a.target_id = o.id
            AND a.deleted = 0) deposit
          FROM orders o JOIN order_lines l ON l.order_id = o.id AND l.cancelled = 0
          JOIN records d ON d.dataset = 'dealers' AND d.id = o.dealer_code
          WHERE ${json('d.data', 'grade')} = 'C' GROUP BY o.id HAVING sum(l.shipped_qty) > 0) c_orders`);
      assert.ok(cOrders.shipped > 0);
      assert.equal(cOrders.short, 0);
    });

    it('refuses exactly one order over its credit limit, on purpose, and releases none', async () => {
      // One order of a few lines is pushed over the limit to show the check; it was not booked.
      assert.ok(counts.refusedOnPurpose > 0 && counts.refusedOnPurpose <= 30);
      const released = await one<{ n: number }>(
        "SELECT count(*) n FROM audit WHERE action = 'release'",
      );
      assert.equal(released.n, 0);
    });

    it('ends with overdue receivables, a collection list and unmatched receipts to work on', async () => {
      const receivables = await pull('receivables');
      const total = (column: string) =>
        receivables.reduce((sum, row) => sum + Number(row[column] ?? 0), 0);
      for (const bucket of ['current', 'days1to30', 'days31to60', 'days61to90'])
        assert.ok(total(bucket) > 0, bucket);
      assert.ok(total('days91to120') + total('over120') > 0, 'some debts older than 90 days');
      assert.ok(total('creditBalance') > 0 && total('depositsHeld') > 0);
      assert.ok(
        receivables.every((row) => Number(row.headroom) >= 0),
        'nobody over the limit',
      );
      const collection = await pull('collection-list');
      assert.ok(collection.length >= 2, `${collection.length} dealers to chase`);
      const reconciliation = await pull('reconciliation');
      const open = new Set(reconciliation.map((row) => String(row.receiptId)));
      const recent = reconciliation.filter((row) => String(row.date) >= '2026-11-13');
      assert.ok(open.size >= 5 && recent.length > 0, `${open.size} unmatched receipts`);
    });

    it('gives the credit check the same figures as the receivables pull, for every dealer', async () => {
      for (const row of await pull('receivables')) {
        const exposure = await loadExposure(store.db, String(row.dealerCode));
        const used = Number(row.outstanding) + Number(row.openOrderValue);
        assert.deepEqual(
          exposure,
          { limit: Number(row.creditLimit), used },
          String(row.dealerCode),
        );
      }
    });

    it('creates the demo users with the password "demo", region-limiting demo-sales to 华东', async () => {
      const signedIn = await login(
        store.db,
        { username: 'demo-sales', password: 'demo' },
        { now: new Date(), tokenHours: 1, address: '127.0.0.1' },
      );
      assert.ok(signedIn.ok);
      assert.deepEqual(signedIn.user.regions, ['HD']);
      const users = await all(
        store,
        "SELECT username FROM users WHERE username LIKE 'demo-%' ORDER BY username",
      );
      assert.deepEqual(
        users.map((u) => u.username),
        [
          'demo-admin',
          'demo-analyst',
          'demo-finance',
          'demo-manager',
          'demo-sales',
          'demo-warehouse',
        ],
      );
    });

    it('does nothing when run again on the seeded store', async () => {
      const before = await snapshot(store);
      const again = await seedDemo(store, { today: TODAY });
      assert.equal(again.skipped, true);
      assert.equal(again.orderLines, 0);
      assertSameSnapshot(await snapshot(store), before);
    });
  });
});
