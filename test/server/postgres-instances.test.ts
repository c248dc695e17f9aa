// PostgreSQL only (npm run test:pg): several server instances over one database behave as one —
// tokens, Idempotency-Keys, stock, credit and document numbers, the demo seed (docs/postgresql.md).
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { readConfig } from '../../server/config';
import { prepareDemo } from '../../server/demo-mode';
import type { Logger } from '../../server/logger';
import type { Db } from '../../server/store/db';
import { hash32, lockSpace } from '../../server/store/locks';
import { openMigratedStore } from '../../server/store/open';
import {
  dealers,
  fixedNow,
  orderLine,
  orderRow,
  push,
  seedSalesData,
  stockByKey,
} from '../support/fixtures';
import { gate, until } from '../support/gate';
import { startTestServer, type TestServer } from '../support/server';
import { onPostgres, openTestStore } from '../support/store';

(onPostgres ? describe : describe.skip)('PostgreSQL, several instances', function () {
  this.timeout(120_000);

  describe('on one database', () => {
    let a: TestServer;
    let b: TestServer;

    beforeEach(async () => {
      a = await startTestServer({ now: fixedNow });
      await seedSalesData(a);
      b = await startTestServer({ now: fixedNow, sharing: a.location });
    });
    afterEach(async () => {
      await b.close();
      await a.close();
    });

    it('accepts on one instance a token signed in on the other', async () => {
      const token = await a.tokenFor('analyst');
      const res = await fetch(`${b.url}/api/v1/sync/pull?dataset=regions`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { rows: unknown[] };
      assert.equal(body.rows.length, 3);
    });

    it('replays an Idempotency-Key across instances, and answers 409 while it runs on the other', async () => {
      const token = await a.tokenFor('manager');
      const request = {
        dataset: 'orders',
        token,
        key: 'order-key-across-instances',
        rows: [{ ...orderRow('REF-IDEM', 2), rowKey: 'row-idem', mutationId: 'mutation-idem' }],
      };
      // Hold the push on instance A inside its transaction: the test takes the row's lock first.
      const held = gate();
      const locked = gate();
      const holder = a.store.db.transaction().execute(async (trx: Db) => {
        await sql`SELECT pg_advisory_xact_lock(${lockSpace.rowKey}::int4, ${hash32('orders\u0000row-idem')}::int4)`.execute(
          trx,
        );
        locked.release();
        await held.opened;
      });
      await locked.opened;
      const first = push(a, request);
      await until(async () => {
        const row = await b.store.db
          .selectFrom('idempotency')
          .select('state')
          .where('key', '=', request.key)
          .executeTakeFirst();
        return row?.state === 'running';
      }, 'the push to start on A');
      const meanwhile = await push(b, request);
      assert.equal(meanwhile.status, 409);
      assert.equal(meanwhile.body.error.code, 'idempotency-in-progress');
      held.release();
      await holder;
      const answered = await first;
      assert.equal(answered.status, 200);
      assert.equal(answered.body.summary.applied, 1);
      const replayed = await push(b, request);
      assert.equal(replayed.status, 200);
      assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replayed.body, answered.body);
    });

    it('reserves stock exactly, and numbers orders without a collision, under a race across instances', async () => {
      // 100 TEE-BLK-M on hand at WH-E; 24 orders of 7 from both instances at once: 14 fit.
      const orders = Array.from({ length: 24 }, (_, i) => i);
      const results = await Promise.all(
        orders.map((i) =>
          push(i % 2 === 0 ? a : b, { dataset: 'orders', rows: [orderRow(`RACE-${i}`, 7)] }),
        ),
      );
      for (const res of results) assert.equal(res.status, 200, JSON.stringify(res.body));
      const accepted = results.filter((res) => res.body.summary.applied === 1);
      assert.equal(accepted.length, 14);
      const stock = (await stockByKey(b)).get('WH-E|TEE-BLK-M');
      assert.ok(stock);
      assert.equal(stock.reserved, 98);
      assert.equal(stock.available, 2);
      const ids = accepted.map((res) => String(res.body.results[0].id).slice(0, 16));
      assert.equal(new Set(ids).size, 14);
      assert.deepEqual(
        [...ids].sort(),
        Array.from({ length: 14 }, (_, i) => `SO-20261127-${String(i + 1).padStart(4, '0')}`),
      );
      const ledger = await a.store.db
        .selectFrom('stock_ledger')
        .select((eb) => eb.fn.sum<number>('reserved_delta').as('reserved'))
        .where('location_code', '=', 'WH-E')
        .where('sku_code', '=', 'TEE-BLK-M')
        .executeTakeFirstOrThrow();
      assert.equal(ledger.reserved, 98);
    });

    it('keeps a dealer within its credit limit under a race across instances', async () => {
      // A new dealer whose limit takes three ¥199.90 lines; eight one-line orders from both
      // instances at once, four on each of two stock pairs (the stock locks alone would let
      // orders on different pairs check the same credit at once; the dealer's lock and the
      // day's order counter, which every order push claims, make them take turns): three fit.
      const price = 19_990;
      const added = await push(a, {
        dataset: 'dealers',
        rows: [{ values: { ...dealers[0]!, code: 'D-RACE', creditLimit: 3.5 * price } }],
      });
      assert.equal(added.body.summary.applied, 1, JSON.stringify(added.body.results));
      const pairs = [
        { locationCode: 'WH-E', skuCode: 'TEE-BLK-M' },
        { locationCode: 'WH-E', skuCode: 'TEE-BLK-L' },
      ];
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          push(i % 2 === 0 ? a : b, {
            dataset: 'orders',
            rows: [
              {
                values: orderLine({
                  dealerCode: 'D-RACE',
                  orderRef: `CREDIT-RACE-${i}`,
                  quantity: 1,
                  unitPrice: price,
                  ...pairs[(i >> 1) % 2]!,
                }),
              },
            ],
          }),
        ),
      );
      for (const res of results) assert.equal(res.status, 200, JSON.stringify(res.body));
      const statuses = results.map(
        (res) => res.body.results[0] as { status: string; errors: { code: string }[] },
      );
      assert.equal(statuses.filter((r) => r.status === 'applied').length, 3);
      for (const refused of statuses.filter((r) => r.status !== 'applied'))
        assert.equal(refused.errors[0]?.code, 'credit-limit-exceeded', JSON.stringify(refused));
      const exposure = await a.store.db
        .selectFrom('dealer_exposure')
        .selectAll()
        .where('dealer_code', '=', 'D-RACE')
        .executeTakeFirstOrThrow();
      assert.equal(exposure.open_orders, 3 * price);
    });
  });

  it('seeds the demo once when two instances start together on an empty database', async () => {
    const opened = await openTestStore();
    const second = await openMigratedStore(opened.location);
    const ready: string[] = [];
    const logger: Logger = {
      info: (message) => ready.push(message),
      warn: () => undefined,
      error: () => undefined,
    };
    try {
      const config = readConfig({ HOST: '127.0.0.1' });
      const demos = await Promise.all(
        [opened.store, second].map((store) => prepareDemo(store, { config, logger, scale: 0.05 })),
      );
      assert.deepEqual([...demos].sort(), [false, true]);
      assert.equal(ready.filter((m) => m === 'demo data ready').length, 1);
      const admins = await second.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'demo-admin')
        .execute();
      assert.equal(admins.length, 1);
    } finally {
      await second.close();
      await opened.drop();
    }
  });
});
