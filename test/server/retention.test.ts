// Stored push replies and applied mutation ids are pruned after their retention, in bounded
// batches, oldest first; a push sent again after both are gone is answered as new, and the row
// key still keeps it from creating anything twice (docs/retention.md).
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { silentLogger } from '../../server/logger';
import { pruneOnce, startPruning } from '../../server/sync/retention';
import { startTestServer, type TestServer } from '../support/server';
import { orderRow, pushBody, seedSalesData, TODAY } from '../support/fixtures';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-27T02:00:00Z');
const policy = { replyDays: 3, mutationDays: 30 };

describe('retention of the duplicate guards', () => {
  let server: TestServer;
  let clock = START;
  before(async () => {
    // Sign-ins outlast the month the clock moves on.
    server = await startTestServer({ now: () => clock, deps: { tokenHours: 24 * 60 } });
    await seedSalesData(server);
  });
  after(() => server.close());

  const count = async (table: 'idempotency' | 'applied_mutations' | 'order_lines') => {
    const row = await server.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('prunes rows past their retention, oldest first, in bounded batches', async () => {
    const db = server.store.db;
    const at = (daysAgo: number) => new Date(START.getTime() - daysAgo * DAY).toISOString();
    const replies = [10, 9, 8, 7, 6, 2, 1].map((daysAgo, i) => ({
      user_id: 999,
      key: `old-${i}`,
      request_hash: 'h',
      state: 'done',
      status_code: 200,
      response: '{}',
      created_at: at(daysAgo),
      owner: '',
      lease_until: '',
    }));
    await db.insertInto('idempotency').values(replies).execute();
    const ids = [40, 35, 31, 29].map((daysAgo, i) => ({
      client_id: 'old-client',
      mutation_id: `m-${i}`,
      dataset: 'orders',
      result: '{}',
      created_at: at(daysAgo),
    }));
    await db.insertInto('applied_mutations').values(ids).execute();
    const first = await pruneOnce(db, START, policy, { batch: 2, maxBatches: 2 });
    assert.deepEqual(first, { replies: 4, mutations: 3 });
    const keys = await db
      .selectFrom('idempotency')
      .select('key')
      .where('user_id', '=', 999)
      .execute();
    assert.deepEqual(keys.map((k) => k.key).sort(), ['old-4', 'old-5', 'old-6']);
    const second = await pruneOnce(db, START, policy, { batch: 2, maxBatches: 2 });
    assert.deepEqual(second, { replies: 1, mutations: 0 });
    const left = await db.selectFrom('applied_mutations').select('mutation_id').execute();
    assert.deepEqual(
      left.filter((r) => r.mutation_id.startsWith('m-')).map((r) => r.mutation_id),
      ['m-3'],
    );
  });

  it('stores answers deflated, and still replays one stored as plain JSON', async () => {
    const legacy = [{ values: { code: 'RL', name: '旧区', status: 'active' } }];
    const body = JSON.stringify(pushBody({ dataset: 'regions', rows: legacy }));
    const key = randomUUID();
    const manager = await server.store.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'manager-user')
      .executeTakeFirstOrThrow();
    const answer = '{"dataset":"regions","results":[],"stored":"before deflate"}';
    await server.store.db
      .insertInto('idempotency')
      .values({
        user_id: manager.id,
        key,
        request_hash: createHash('sha256').update(body).digest('hex'),
        state: 'done',
        status_code: 200,
        response: answer,
        created_at: START.toISOString(),
        owner: '',
        lease_until: '',
      })
      .execute();
    const headers = { 'idempotency-key': key };
    const replay = await server.call('manager', '/api/v1/sync/push', { body, headers });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, JSON.parse(answer));
    const rows = [{ values: { code: 'RT', name: '保留区', status: 'active' } }];
    const fresh = JSON.stringify(pushBody({ dataset: 'regions', rows }));
    const freshKey = { 'idempotency-key': randomUUID() };
    const first = await server.call('manager', '/api/v1/sync/push', {
      body: fresh,
      headers: freshKey,
    });
    const stored = await server.store.db
      .selectFrom('idempotency')
      .select('response')
      .where('key', '=', freshKey['idempotency-key'])
      .executeTakeFirstOrThrow();
    assert.match(stored.response ?? '', /^deflate:/);
    const again = await server.call('manager', '/api/v1/sync/push', {
      body: fresh,
      headers: freshKey,
    });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
  });

  it('prunes on a timer until stopped', async () => {
    const db = server.store.db;
    const old = new Date(START.getTime() - 5 * DAY).toISOString();
    const row = {
      user_id: 998,
      request_hash: 'h',
      state: 'done',
      status_code: 200,
      response: '{}',
      owner: '',
      lease_until: '',
    };
    await db
      .insertInto('idempotency')
      .values({ ...row, key: 'timer-1', created_at: old })
      .execute();
    const stop = startPruning({ db, now: () => START, logger: silentLogger }, policy, {
      intervalMs: 5,
    });
    const left = () =>
      db.selectFrom('idempotency').select('key').where('user_id', '=', 998).execute();
    for (let i = 0; i < 100 && (await left()).length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(await left(), []);
    await stop();
    await db
      .insertInto('idempotency')
      .values({ ...row, key: 'timer-2', created_at: old })
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await left()).length, 1, 'a stopped timer prunes nothing');
  });

  it('answers a push sent again after both retentions as new, creating nothing twice', async () => {
    const orders = {
      dataset: 'orders',
      rows: [
        { ...orderRow('PO-RET', 2), rowKey: randomUUID(), mutationId: randomUUID() },
        {
          ...orderRow('PO-RET', 3, { skuCode: 'TEE-BLK-L' }),
          rowKey: randomUUID(),
          mutationId: randomUUID(),
        },
      ],
    };
    const receipt = {
      dataset: 'goods-receipts',
      rows: [
        {
          rowKey: randomUUID(),
          mutationId: randomUUID(),
          values: { date: TODAY, locationCode: 'WH-E', skuCode: 'SOCK-WHT-F', quantity: 7 },
        },
      ],
    };
    const send = (request: { dataset: string; rows: unknown[] }, key: string, role = 'manager') =>
      server.call(role as 'manager' | 'warehouse', '/api/v1/sync/push', {
        body: JSON.stringify(pushBody(request as Parameters<typeof pushBody>[0])),
        headers: { 'idempotency-key': key },
      });
    // pushBody draws nothing at random here: every row has its key and mutation id.
    const orderKey = randomUUID();
    const receiptKey = randomUUID();
    const placed = await send(orders, orderKey);
    const received = await send(receipt, receiptKey, 'warehouse');
    assert.deepEqual(placed.body.summary.applied, 2, JSON.stringify(placed.body));
    assert.deepEqual(received.body.summary.applied, 1, JSON.stringify(received.body));
    const stock = async () =>
      (await server.call('analyst', '/api/v1/sync/pull?dataset=stock')).body.rows.map(
        (r: { key: string; values: { onHand: number; reserved: number } }) =>
          [r.key, r.values.onHand, r.values.reserved] as const,
      );
    const lines = await count('order_lines');
    const balances = await stock();
    const ids = (res: { body: { results: { id: string }[] } }) => res.body.results.map((r) => r.id);

    // Within the reply retention: the stored reply, as it was.
    const replay = await send(orders, orderKey);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');

    // Replies pruned (4 days), mutation ids kept: guard 2 answers `unchanged`.
    clock = new Date(START.getTime() + 4 * DAY);
    assert.ok((await pruneOnce(server.store.db, clock, policy)).replies >= 2);
    const byIds = await send(orders, orderKey);
    assert.equal(byIds.headers.get('idempotent-replayed'), null);
    assert.deepEqual(
      byIds.body.results.map((r: { status: string }) => r.status),
      ['unchanged', 'unchanged'],
    );
    assert.deepEqual(ids(byIds), ids(placed));

    // Both pruned (31 days): the row keys find the lines and the receipt made the first time.
    clock = new Date(START.getTime() + 31 * DAY);
    const pruned = await pruneOnce(server.store.db, clock, policy);
    assert.ok(pruned.replies >= 1 && pruned.mutations >= 3, JSON.stringify(pruned));
    assert.equal(await count('applied_mutations'), 0);
    const again = await send(orders, orderKey);
    const receivedAgain = await send(receipt, receiptKey, 'warehouse');
    for (const res of [again, receivedAgain]) {
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.headers.get('idempotent-replayed'), null);
      assert.ok(
        res.body.results.every((r: { status: string }) => r.status === 'unchanged'),
        JSON.stringify(res.body.results),
      );
    }
    assert.deepEqual(ids(again), ids(placed));
    assert.deepEqual(ids(receivedAgain), ids(received));
    assert.equal(await count('order_lines'), lines);
    assert.deepEqual(await stock(), balances);
  });
});
