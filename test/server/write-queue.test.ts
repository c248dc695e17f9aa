// The write queue (server/store/write-queue.ts) on the store under test: what is queued reaches
// the store at the flush, in order, with each statement's own parameters; on PostgreSQL a group
// is one statement, and a table never appears twice in one group (a later write must see an
// earlier one); a write that must touch a row and does not fails the transaction.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { sql } from 'kysely';
import { bulkWriter } from '../../server/store/bulk';
import type { Db } from '../../server/store/db';
import { WriteQueue } from '../../server/store/write-queue';
import { onPostgres, storePerTest } from '../support/store';

const writeOrders = bulkWriter({
  table: 'orders',
  columns: [
    'id',
    'dealer_code',
    'order_ref',
    'order_date',
    'order_type',
    'created_at',
    'created_by',
  ],
});

const order = (id: string) => ({
  id,
  dealer_code: 'D1',
  order_ref: `REF-${id}`,
  order_date: '2026-11-27',
  order_type: 'normal' as const,
  created_at: '2026-11-27T02:00:00.000Z',
  created_by: 'test',
});

const counter = (db: Db, name: string) =>
  db.selectFrom('counters').select('value').where('name', '=', name).executeTakeFirst();

describe('write queue', () => {
  const store = storePerTest();

  it('writes nothing until the flush, then every statement with its own parameters', async () => {
    await store.db.transaction().execute(async (trx) => {
      const later = new WriteQueue(trx);
      await writeOrders(later, [order('SO-1'), order('SO-2')]);
      later.add({
        table: 'counters',
        query: trx.insertInto('counters').values({ name: 'queued', value: 41 }).compile(),
      });
      const before = await trx.selectFrom('orders').select('id').execute();
      assert.deepEqual(before, []);
      await later.flush();
    });
    const ids = await store.db
      .selectFrom('orders')
      .select(['id', 'order_ref'])
      .orderBy('id')
      .execute();
    assert.deepEqual(ids, [
      { id: 'SO-1', order_ref: 'REF-SO-1' },
      { id: 'SO-2', order_ref: 'REF-SO-2' },
    ]);
    assert.deepEqual(await counter(store.db, 'queued'), { value: 41 });
  });

  it('sends writes of different tables as one statement on PostgreSQL', async function () {
    if (!onPostgres) this.skip();
    await store.db.transaction().execute(async (trx) => {
      const later = new WriteQueue(trx);
      await writeOrders(later, [order('SO-1')]);
      later.add({
        table: 'counters',
        query: trx.insertInto('counters').values({ name: 'queued', value: 1 }).compile(),
      });
      const execute = sinon.spy(trx, 'executeQuery');
      await later.flush();
      execute.restore();
      assert.equal(execute.callCount, 1);
    });
    assert.deepEqual(await counter(store.db, 'queued'), { value: 1 });
  });

  it('lets a later write of one table see an earlier one', async () => {
    // In one WITH both would read the same snapshot: the update would find no row to add to.
    await store.db.transaction().execute(async (trx) => {
      const later = new WriteQueue(trx);
      later.add({
        table: 'counters',
        query: trx.insertInto('counters').values({ name: 'twice', value: 1 }).compile(),
      });
      later.add({
        table: 'counters',
        query: trx
          .updateTable('counters')
          .set((eb) => ({ value: eb('value', '+', 10) }))
          .where('name', '=', 'twice')
          .compile(),
        expectRows: 1,
      });
      await later.flush();
    });
    assert.deepEqual(await counter(store.db, 'twice'), { value: 11 });
  });

  it('fails the transaction when a write that must touch a row touches none', async () => {
    await assert.rejects(
      store.db.transaction().execute(async (trx) => {
        const later = new WriteQueue(trx);
        await writeOrders(later, [order('SO-9')]);
        later.add({
          table: 'counters',
          query: trx
            .updateTable('counters')
            .set({ value: 5 })
            .where('name', '=', 'no-such-counter')
            .compile(),
          expectRows: 1,
          failure: 'the counter moved',
        });
        await later.flush();
      }),
      /the counter moved/,
    );
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM orders`.execute(store.db);
    assert.equal(Number(rows.rows[0]?.n), 0);
  });

  it('keeps a group under the parameter limit of one statement', async () => {
    // 16,000 counters × 2 + 3,600 ledger lines × 9 + 4,500 orders × 7 = 95,900 parameters, each
    // statement under SQLite's 32,766: PostgreSQL takes at most 65,535 in one statement, so
    // these three writes must go as two statements at least.
    await store.db.transaction().execute(async (trx) => {
      const later = new WriteQueue(trx);
      later.add({
        table: 'counters',
        query: trx
          .insertInto('counters')
          .values(Array.from({ length: 16_000 }, (_, i) => ({ name: `c-${i}`, value: i })))
          .compile(),
      });
      later.add({
        table: 'stock_ledger',
        query: trx
          .insertInto('stock_ledger')
          .values(
            Array.from({ length: 3_600 }, (_, i) => ({
              created_at: '2026-11-27T02:00:00.000Z',
              business_date: '2026-11-27',
              kind: 'reserve',
              location_code: 'WH',
              sku_code: `SKU-${i}`,
              on_hand_delta: 0,
              reserved_delta: 1,
              in_transit_delta: 0,
              ref: `SO-${i}`,
            })),
          )
          .compile(),
      });
      later.add({
        table: 'orders',
        query: trx
          .insertInto('orders')
          .values(Array.from({ length: 4_500 }, (_, i) => order(`SO-${i}`)))
          .compile(),
      });
      await later.flush();
    });
    const counted = await sql<{ counters: number; ledger: number; orders: number }>`SELECT
      (SELECT count(*) FROM counters WHERE name LIKE 'c-%') AS counters,
      (SELECT count(*) FROM stock_ledger) AS ledger,
      (SELECT count(*) FROM orders) AS orders`.execute(store.db);
    assert.deepEqual(
      counted.rows.map((r) => [r.counters, r.ledger, r.orders]),
      [[16_000, 3_600, 4_500]],
    );
  });
});
