// The store's connection layer: many-row writes with cached statement text (store/bulk.ts), on
// the store under test (SQLite, or PostgreSQL with SALES_SYNC_TEST_DATABASE_URL), and SQLite's
// WAL checkpoints that wait for a quiet moment (store/db.ts).
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { bulkWriter } from '../../server/store/bulk';
import { sql } from 'kysely';
import type { SqliteStore, Store } from '../../server/store/db';
import { openStore } from '../../server/store/db';
import { openTestStore, storePerTest } from '../support/store';

const ledgerColumns = [
  'created_at',
  'business_date',
  'kind',
  'location_code',
  'sku_code',
  'on_hand_delta',
  'reserved_delta',
  'in_transit_delta',
  'ref',
] as const;

function ledgerRow(i: number) {
  return {
    created_at: '2026-11-27T02:00:00.000Z',
    business_date: '2026-11-27',
    kind: 'receipt',
    location_code: 'WH',
    sku_code: `SKU-${i}`,
    on_hand_delta: i,
    reserved_delta: 0,
    in_transit_delta: 0,
    ref: `GR-${i}`,
  };
}

async function rows(store: Store, query: string) {
  return (await sql.raw<Record<string, unknown>>(query).execute(store.db)).rows;
}

describe('store', () => {
  describe('bulkWriter', () => {
    const store = storePerTest();

    it('writes every row, in order, across statements of different sizes', async () => {
      const write = bulkWriter({ table: 'stock_ledger', columns: ledgerColumns });
      // 9 columns → up to 500 rows per statement: 1,234 rows take 500 + 500 + 100 + 100 + 20 +
      // 5 + 5 + 1 + 1 + 1 + 1, and a second call reuses one of the same texts.
      await write(
        store.db,
        Array.from({ length: 1234 }, (_, i) => ledgerRow(i)),
      );
      await write(store.db, [ledgerRow(5000)]);
      const written = await rows(
        store,
        'SELECT sku_code, on_hand_delta, ref FROM stock_ledger ORDER BY id',
      );
      assert.equal(written.length, 1235);
      assert.deepEqual(written[0], { sku_code: 'SKU-0', on_hand_delta: 0, ref: 'GR-0' });
      assert.deepEqual(written[1233], {
        sku_code: 'SKU-1233',
        on_hand_delta: 1233,
        ref: 'GR-1233',
      });
      assert.deepEqual(written[1234], {
        sku_code: 'SKU-5000',
        on_hand_delta: 5000,
        ref: 'GR-5000',
      });
    });

    it('keeps to a few statement texts whatever the row counts', async () => {
      const write = bulkWriter({ table: 'stock_ledger', columns: ledgerColumns });
      const texts = new Set<string>();
      const execute = sinon.spy(store.db, 'executeQuery');
      let written = 0;
      for (const count of [1234, 777, 3, 499, 58]) {
        await write(
          store.db,
          Array.from({ length: count }, (_, i) => ledgerRow(written + i)),
        );
        written += count;
      }
      for (const call of execute.getCalls()) texts.add((call.args[0] as { sql: string }).sql);
      execute.restore();
      assert.ok(texts.size <= 5, `${texts.size} texts`);
      const count = await rows(store, 'SELECT count(*) AS n FROM stock_ledger');
      assert.deepEqual(count, [{ n: written }]);
    });

    it('writes absent values as NULL and applies its conflict clause', async () => {
      // last_movement_date is a column of the statement that no row gives.
      const upsert = bulkWriter({
        table: 'stock_balances',
        columns: [
          'location_code',
          'sku_code',
          'on_hand',
          'last_movement_date',
          'version',
          'change_seq',
        ],
        onConflict: (insert) =>
          insert.onConflict((oc) =>
            oc.columns(['location_code', 'sku_code']).doUpdateSet((eb) => ({
              on_hand: eb.ref('excluded.on_hand'),
              version: eb.ref('excluded.version'),
            })),
          ),
      });
      const balance = (sku: string, onHand: number, version: number) => ({
        location_code: 'WH',
        sku_code: sku,
        on_hand: onHand,
        reserved: 0, // not a column of the statement: the table's default (0) stands
        in_transit: 0,
        version,
        change_seq: version,
      });
      await upsert(store.db, [balance('A', 5, 1), balance('B', 7, 1)]);
      await upsert(store.db, [balance('A', 9, 2)]);
      const balances = await rows(
        store,
        'SELECT sku_code, on_hand, version, last_movement_date FROM stock_balances ORDER BY sku_code',
      );
      assert.deepEqual(balances, [
        { sku_code: 'A', on_hand: 9, version: 2, last_movement_date: null },
        { sku_code: 'B', on_hand: 7, version: 1, last_movement_date: null },
      ]);
    });

    it('refuses a conflict clause that would take parameters of its own', async () => {
      const write = bulkWriter({
        table: 'counters',
        columns: ['name', 'value'],
        onConflict: (insert) =>
          insert.onConflict((oc) => oc.column('name').doUpdateSet({ value: 1 })),
      });
      await assert.rejects(write(store.db, [{ name: 'x', value: 0 }]), /conflict clause/);
      const count = await rows(store, "SELECT count(*) AS n FROM counters WHERE name = 'x'");
      assert.deepEqual(count, [{ n: 0 }]);
    });
  });

  it('logs queries slower than the configured threshold through the injected logger', async () => {
    const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
    const logger = {
      info: () => undefined,
      warn: (message: string, fields?: Record<string, unknown>) =>
        warnings.push({ message, ...(fields ? { fields } : {}) }),
      error: () => undefined,
    };
    const opened = await openTestStore({ store: { logger, slowQueryMs: 0 } });
    try {
      warnings.length = 0;
      await rows(opened.store, "SELECT value FROM counters WHERE name = 'change_seq'");
      const slow = warnings.find((w) => w.message === 'slow query');
      assert.ok(slow);
      assert.match(String(slow.fields?.sql), /FROM counters/);
    } finally {
      await opened.drop();
    }
  });

  // SQLite's own: its WAL file.
  describe('checkpoints (SQLite)', () => {
    let dir: string;
    let store: SqliteStore | undefined;

    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-store-'));
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const walBytes = (file: string) => fs.statSync(`${file}-wal`).size;

    /** Writes about 4 MB of WAL pages (SQLite's inline checkpoint would start at 1,000 pages). */
    async function writeBatch(opened: SqliteStore, round: number): Promise<void> {
      const text = 'x'.repeat(3000);
      const write = bulkWriter({ table: 'counters', columns: ['name', 'value'] });
      await opened.db.transaction().execute(async (trx) => {
        await write(
          trx,
          Array.from({ length: 1200 }, (_, i) => ({ name: `${round}-${i}-${text}`, value: i })),
        );
      });
    }

    function openCounters(file: string, idleCheckpointMs: number): SqliteStore {
      const opened = openStore(file, { idleCheckpointMs });
      opened.sqlite.exec('CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER)');
      return opened;
    }

    it('copies the WAL into the database once writes pause, so the WAL is reused', async () => {
      const file = path.join(dir, 'quiet.db');
      store = openCounters(file, 30);
      await writeBatch(store, 1);
      const first = walBytes(file);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await writeBatch(store, 2);
      // After the idle checkpoint the second batch overwrites the WAL from its start.
      assert.ok(walBytes(file) < first * 1.3, `WAL grew from ${first} to ${walBytes(file)}`);
      const rows = store.sqlite.prepare('SELECT count(*) AS n FROM counters').get();
      assert.deepEqual(rows, { n: 2400 });
    });

    it('stops checking once the connection is closed under it', async () => {
      const file = path.join(dir, 'closed.db');
      const opened = openCounters(file, 20);
      await writeBatch(opened, 1);
      opened.sqlite.close();
      // A checkpoint on the closed connection would throw from the timer and end the process.
      await new Promise((resolve) => setTimeout(resolve, 120));
      assert.equal(opened.sqlite.open, false);
    });

    it('does not checkpoint while writes keep coming (and never inside a request)', async () => {
      const file = path.join(dir, 'busy.db');
      store = openCounters(file, 60_000);
      await writeBatch(store, 1);
      const first = walBytes(file);
      await writeBatch(store, 2);
      // SQLite's default would have checkpointed at 1,000 pages; this store lets the WAL grow.
      assert.ok(walBytes(file) > first * 1.7, `WAL stayed at ${walBytes(file)} after ${first}`);
    });
  });
});
