// PostgreSQL only (npm run test:pg): delta cursors stay correct when transactions commit out of
// order, a write holds its opening locks, and an SQLite store moves into PostgreSQL with the CLI
// (docs/postgresql.md). Several instances on one database: postgres-instances.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import sinon from 'sinon';
import { writeRecords } from '../../server/datasets/records-store';
import type { AuthUser } from '../../server/services/users';
import type { Db, Store } from '../../server/store/db';
import { hash32, lockKeys, lockKeySets, lockSpace } from '../../server/store/locks';
import { openMigratedSqlite, openMigratedStore } from '../../server/store/open';
import { seedDemo } from '../../server/demo/seed';
import {
  ChangeNumbersExhausted,
  currentSeq,
  inWriteTransaction,
  openSeqAllocator,
} from '../../server/sync/changes';
import { runPull } from '../../server/sync/pull';
import { buildRegistry } from '../../server/sync/registry';
import { fixedNow } from '../support/fixtures';
import { gate } from '../support/gate';
import {
  createTestDatabase,
  dropTestDatabase,
  onPostgres,
  openTestStore,
  type TestStore,
} from '../support/store';

(onPostgres ? describe : describe.skip)('PostgreSQL', function () {
  this.timeout(120_000);

  describe('delta cursors when transactions commit out of order', () => {
    let opened: TestStore;
    let store: Store;
    const handler = buildRegistry().get('regions')!;
    const analyst: AuthUser = {
      id: 1,
      username: 'analyst-user',
      displayName: 'analyst-user',
      role: 'analyst',
      regions: [],
    };
    const pull = async (cursor?: string) =>
      runPull({
        db: store.db,
        handler,
        user: analyst,
        query: { dataset: 'regions', limit: 100, ...(cursor ? { cursor } : {}) },
        now: fixedNow(),
      });

    /** A region written in its own transaction; `hold` keeps that transaction open. */
    async function writeRegion(code: string, hold?: Promise<void>) {
      let taken = 0;
      const numbered = gate();
      const done = store.db.transaction().execute(async (trx: Db) => {
        const seq = await openSeqAllocator(trx);
        taken = seq.next();
        await writeRecords(trx, [
          {
            dataset: 'regions',
            rowKey: `k-${code}`,
            id: code,
            version: 1,
            changeSeq: taken,
            deleted: false,
            values: { code, name: code, status: 'active' },
            at: fixedNow().toISOString(),
            by: 'test',
          },
        ]);
        numbered.release();
        await hold;
      });
      await numbered.opened;
      return { seq: taken, done };
    }

    /**
     * What a naive sequence cursor would do: send what is committed above the cursor and move
     * the cursor to the highest change number handed out.
     */
    async function naivePull(after: number) {
      const rows = await store.db
        .selectFrom('records')
        .select(['id', 'change_seq'])
        .where('dataset', '=', 'regions')
        .where('change_seq', '>', after)
        .execute();
      const { seq } = await currentSeq(store.db);
      return {
        ids: rows.map((r) => r.id),
        cursor: Math.max(seq, ...rows.map((r) => r.change_seq)),
      };
    }

    beforeEach(async () => {
      opened = await openTestStore({ now: fixedNow });
      store = opened.store;
    });
    afterEach(() => opened.drop());

    it('a naive cursor skips the row of the transaction that commits late (the failure guarded against)', async () => {
      const start = await naivePull(0);
      const late = gate();
      try {
        const first = await writeRegion('EARLY-NUMBER', late.opened);
        const second = await writeRegion('LATE-NUMBER');
        await second.done;
        assert.ok(first.seq < second.seq);
        const between = await naivePull(start.cursor);
        assert.deepEqual(between.ids, ['LATE-NUMBER']);
        late.release();
        await first.done;
        const after = await naivePull(between.cursor);
        // The row numbered lower committed after the cursor passed it: never sent.
        assert.deepEqual(after.ids, []);
      } finally {
        late.release();
      }
    });

    it('hands out cursors only below the oldest change still in flight, so nothing is skipped', async () => {
      const start = await pull();
      assert.deepEqual(start.rows, []);
      const received = new Set<string>();
      const late = gate();
      try {
        const first = await writeRegion('EARLY-NUMBER', late.opened);
        const second = await writeRegion('LATE-NUMBER');
        await second.done;
        assert.ok(first.seq < second.seq, `${first.seq} < ${second.seq}`);
        // A client pulls while the lower number is still being written…
        const between = await pull(start.cursor);
        for (const row of between.rows) received.add(row.key);
        late.release();
        await first.done;
        // …and again once it committed: it has both rows.
        const after = await pull(between.cursor);
        for (const row of after.rows) received.add(row.key);
        assert.deepEqual([...received].sort(), ['k-EARLY-NUMBER', 'k-LATE-NUMBER']);
        // How: the committed higher number waited for the lower one, the cursor stayed below it.
        assert.deepEqual(between.rows, []);
        assert.equal(between.hasMore, false);
        assert.equal((await pull(after.cursor)).rows.length, 0);
      } finally {
        late.release();
      }
    });

    it('sends what is below the oldest change in flight and keeps the cursor there', async () => {
      const start = await pull();
      const before = await writeRegion('COMMITTED');
      await before.done;
      const late = gate();
      try {
        const inFlight = await writeRegion('IN-FLIGHT', late.opened);
        const above = await writeRegion('ABOVE');
        await above.done;
        const page = await pull(start.cursor);
        assert.deepEqual(
          page.rows.map((r) => r.key),
          ['k-COMMITTED'],
        );
        late.release();
        await inFlight.done;
        const rest = await pull(page.cursor);
        assert.deepEqual(rest.rows.map((r) => r.key).sort(), ['k-ABOVE', 'k-IN-FLIGHT']);
      } finally {
        late.release();
      }
    });

    it('stops a transaction that uses more change numbers than it reserved, and runs it again with more', async () => {
      assert.throws(() => {
        throw new ChangeNumbersExhausted(1);
      }, /exhausted/);
      let attempts = 0;
      const taken = await inWriteTransaction(store.db, 10, async (_trx, seq) => {
        attempts += 1;
        return Promise.resolve(Array.from({ length: 1500 }, () => seq.next()));
      });
      assert.equal(attempts, 2);
      assert.equal(new Set(taken).size, 1500);
      assert.deepEqual(
        taken,
        [...taken].sort((x, y) => x - y),
      );
    });
    it('holds the locks a write opens with until it ends, and takes none of them twice', async () => {
      const held = gate();
      const keys = ['WH|SKU-1', 'WH|SKU-2'];
      const tryLock = async (key: string, space: number = lockSpace.stockPair) => {
        const other = await store.db.connection().execute((connection) =>
          connection.transaction().execute(async (trx) => {
            const { rows } = await sql<{ got: boolean }>`SELECT pg_try_advisory_xact_lock(
              ${space}::int4, ${hash32(key)}::int4) AS got`.execute(trx);
            return rows[0]?.got;
          }),
        );
        return other;
      };
      let queriesForHeldKeys = -1;
      let newKeyQueries = -1;
      const done = inWriteTransaction(
        store.db,
        10,
        async (trx) => {
          try {
            const execute = sinon.spy(trx.getExecutor(), 'executeQuery');
            await lockKeys(trx, lockSpace.stockPair, keys);
            queriesForHeldKeys = execute.callCount;
            // A held key and a new one, and another namespace's key: one statement for the two new.
            await lockKeySets(trx, [
              { space: lockSpace.stockPair, keys: ['WH|SKU-1', 'WH|SKU-3'] },
              { space: lockSpace.dealerCredit, keys: ['D-1'] },
            ]);
            newKeyQueries = execute.callCount - queriesForHeldKeys;
            execute.restore();
          } finally {
            held.release();
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        },
        [{ space: lockSpace.stockPair, keys }],
      );
      await held.opened;
      assert.equal(await tryLock('WH|SKU-1'), false);
      assert.equal(await tryLock('WH|SKU-3'), false);
      assert.equal(await tryLock('D-1', lockSpace.dealerCredit), false);
      assert.equal(await tryLock('D-2', lockSpace.dealerCredit), true);
      await done;
      assert.equal(queriesForHeldKeys, 0);
      assert.equal(newKeyQueries, 1, 'the keys not held are locked in one statement');
      assert.equal(await tryLock('WH|SKU-1'), true);
    });
  });

  it('moves a SQLite store into PostgreSQL with the CLI: same rows, same pulls, cursors still good', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-copy-'));
    const file = path.join(dir, 'source.db');
    const url = await createTestDatabase();
    const source = await openMigratedSqlite(file, fixedNow);
    let target: Store | undefined;
    try {
      await seedDemo(source, { seed: 5, today: '2026-11-27', scale: 0.05 });
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'server/cli.ts', 'store', 'copy-to-postgres', url],
        { encoding: 'utf8', env: { ...process.env, SALES_SYNC_DB: file } },
      );
      assert.equal(run.status, 0, run.stderr);
      const report = JSON.parse(run.stdout) as {
        tables: Record<string, number>;
        changeSeq: number;
      };
      target = await openMigratedStore(url, fixedNow);
      for (const [table, copied] of Object.entries(report.tables)) {
        const count = async (store: Store) =>
          (
            await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(
              store.db,
            )
          ).rows[0]?.n;
        assert.equal(await count(source), copied, table);
        assert.equal(await count(target), copied, table);
      }
      assert.ok((report.tables.order_lines ?? 0) > 100 && (report.tables.audit ?? 0) > 100);

      const handlers = buildRegistry();
      const manager: AuthUser = {
        id: 1,
        username: 'demo-manager',
        displayName: 'demo-manager',
        role: 'manager',
        regions: [],
      };
      const pullFrom = (store: Store, dataset: string, cursor?: string) =>
        runPull({
          db: store.db,
          handler: handlers.get(dataset)!,
          user: manager,
          query: { dataset, limit: 10_000, ...(cursor ? { cursor } : {}) },
          now: fixedNow(),
        });
      for (const dataset of ['orders', 'stock', 'dealers', 'bank-receipts', 'receivables']) {
        const before = await pullFrom(source, dataset);
        const after = await pullFrom(target, dataset);
        assert.deepEqual(after.rows, before.rows, dataset);
        // A client's cursor from the SQLite store carries on: nothing new, no reset.
        const next = await pullFrom(target, dataset, before.cursor);
        if (dataset !== 'receivables') {
          assert.equal(next.reset, false, dataset);
          assert.deepEqual(next.rows, [], dataset);
        }
      }
      // New writes number above the copied ones and take fresh ids.
      const { seq } = await currentSeq(target.db);
      assert.ok(seq > report.changeSeq);
      const audit = await target.db
        .insertInto('audit')
        .values({
          at: fixedNow().toISOString(),
          username: 'x',
          role: 'admin',
          workbook_id: 'w',
          client_id: 'c',
          dataset: 'regions',
          record_key: 'k',
          record_id: 'r',
          version: 1,
          action: 'create',
          before: null,
          after: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.equal(audit.id, (report.tables.audit ?? 0) + 1);
    } finally {
      await target?.close();
      await source.close();
      await dropTestDatabase(url);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
