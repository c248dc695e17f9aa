// Idempotency-Keys held under a lease (server/sync/idempotency.ts): several instances on one
// database never free each other's live keys; a dead process's keys are freed at start-up
// (its own name) or once their lease runs out (anyone's).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import type { Response } from 'express';
import { keyStore, runIdempotent } from '../../server/http/idempotent';
import { WriteQueue } from '../../server/store/write-queue';
import { claimKey, LEASE_MS, releaseOrphanedKeys, renewKey } from '../../server/sync/idempotency';
import { pushBody } from '../support/fixtures';
import { serverPerTest } from '../support/server';

describe('idempotency key leases', () => {
  const server = serverPerTest({ deps: { instanceId: 'host-a:3000' } });

  const t0 = new Date('2026-03-02T08:00:00.000Z');
  const later = (ms: number) => new Date(t0.getTime() + ms);
  const claim = (key: string, owner: string, now = t0) =>
    claimKey(server.store.db, { userId: 1, key, hash: 'h', now, owner });
  const running = async () =>
    (
      await server.store.db
        .selectFrom('idempotency')
        .select(['key', 'owner'])
        .where('state', '=', 'running')
        .orderBy('key')
        .execute()
    ).map((r) => `${r.key}@${r.owner}`);

  it('a restarted instance frees the keys its dead process held, and leaves other live instances alone', async () => {
    await claim('key-of-dead-a', 'host-a:3000');
    await claim('key-of-live-b', 'host-b:3000');
    const released = await releaseOrphanedKeys(server.store.db, {
      owner: 'host-a:3000',
      now: later(1000),
    });
    assert.equal(released, 1);
    assert.deepEqual(await running(), ['key-of-live-b@host-b:3000']);
    await assert.rejects(claim('key-of-live-b', 'host-a:3000', later(2000)), {
      code: 'idempotency-in-progress',
    });
  });

  it('a key whose lease ran out (its process died) is taken over by the retry; a renewed one is not', async () => {
    await claim('key-dead', 'host-b:3000');
    await claim('key-alive', 'host-b:3000');
    await renewKey(server.store.db, {
      userId: 1,
      key: 'key-alive',
      owner: 'host-b:3000',
      now: later(LEASE_MS - 1000),
    });
    const after = later(LEASE_MS + 1);
    assert.deepEqual(await claim('key-dead', 'host-a:3000', after), { claimed: true });
    await assert.rejects(claim('key-alive', 'host-a:3000', after), {
      code: 'idempotency-in-progress',
    });
    assert.equal(
      await releaseOrphanedKeys(server.store.db, {
        owner: 'host-c:3000',
        now: later(3 * LEASE_MS),
      }),
      2,
    );
  });

  it('push and import share one key guard: a short key is "invalid" on both, a missing one "required" on push', async () => {
    const body = {
      workbookId: 'wb',
      clientId: 'c',
      dataset: 'regions',
      mutations: [
        { mutationId: randomUUID(), op: 'upsert', rowKey: 'r', values: { code: 'HD', name: 'x' } },
      ],
    };
    const short = await server.call('manager', '/api/v1/sync/push', {
      body,
      headers: { 'idempotency-key': 'abc' },
    });
    assert.equal(short.status, 400);
    assert.equal(short.body.error.code, 'idempotency-key-invalid');
    const importShort = await server.call('manager', '/api/v1/import/regions', {
      method: 'POST',
      body: new Uint8Array([1, 2, 3]),
      headers: { 'idempotency-key': 'abc', 'content-type': 'application/octet-stream' },
    });
    assert.equal(importShort.status, 400);
    assert.equal(importShort.body.error.code, 'idempotency-key-invalid');
    const missing = await server.call('manager', '/api/v1/sync/push', { body });
    assert.equal(missing.body.error.code, 'idempotency-key-required');
    const ok = await server.call('manager', '/api/v1/sync/push', {
      body,
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(ok.status, 200);
    // The finished key keeps no owner or lease: nothing is left "running".
    assert.deepEqual(await running(), []);
  });

  describe('a push stores its answer in the transaction that applies it', () => {
    afterEach(() => sinon.restore());

    const body = (extra: Record<string, unknown> = {}) => ({
      ...pushBody({
        dataset: 'regions',
        rows: [{ rowKey: 'r-hd', mutationId: 'm-hd', values: { code: 'HD', name: '华东' } }],
      }),
      ...extra,
    });
    const send = (key: string, request: unknown) =>
      server.call('manager', '/api/v1/sync/push', {
        body: request,
        headers: { 'idempotency-key': key },
      });
    const stateOf = async (key: string) =>
      (
        await server.store.db
          .selectFrom('idempotency')
          .select('state')
          .where('key', '=', key)
          .executeTakeFirst()
      )?.state;

    it('so a push that writes never depends on storing it afterwards (a crash there left the key running)', async () => {
      sinon.stub(keyStore, 'complete').rejects(new Error('the process died here'));
      const key = randomUUID();
      const first = await send(key, body());
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.results[0].status, 'applied');
      assert.equal(await stateOf(key), 'done');
      const retry = await send(key, body());
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(retry.body, first.body);
    });

    it('a push that writes nothing (a dry run, an all-or-nothing refusal) stores it after the work', async () => {
      const complete = sinon.spy(keyStore, 'complete');
      await send(randomUUID(), body());
      assert.equal(complete.callCount, 0, 'the applied push stored its answer itself');
      const dry = randomUUID();
      await send(dry, body({ dryRun: true }));
      assert.equal(complete.callCount, 1);
      assert.equal(await stateOf(dry), 'done');
      const refused = randomUUID();
      const atomic = body({
        atomic: true,
        mutations: [
          {
            mutationId: randomUUID(),
            op: 'upsert',
            rowKey: 'r-x',
            values: { code: 'XN', name: '西南' },
          },
          { mutationId: randomUUID(), op: 'upsert', rowKey: 'r-y', values: { code: '', name: '' } },
        ],
      });
      const first = await send(refused, atomic);
      assert.deepEqual(
        first.body.results.map((r: { status: string }) => r.status),
        ['rejected', 'rejected'],
      );
      assert.equal(complete.callCount, 2);
      const retry = await send(refused, atomic);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(retry.body, first.body);
    });

    it('an answer sealed in an attempt that rolled back is stored after the work (a retried transaction)', async () => {
      const db = server.store.db;
      const key = randomUUID();
      const res = { setHeader: () => undefined } as unknown as Response;
      const outcome = await runIdempotent(
        { db, now: () => t0 },
        { res, userId: 1, key, hash: 'h' },
        (seal) => {
          // The first attempt sealed its answer into a queue its rollback threw away…
          seal(new WriteQueue(db), { status: 200, json: '{"attempt":1}' });
          // …and the attempt that ended answered differently, without a transaction of its own.
          return Promise.resolve({ status: 200, json: '{"attempt":2}', value: null });
        },
      );
      assert.equal(outcome.json, '{"attempt":2}');
      assert.equal(await stateOf(key), 'done');
      const again = await claimKey(db, { userId: 1, key, hash: 'h', now: t0, owner: 'x' });
      assert.deepEqual(again, { replay: { status: 200, json: '{"attempt":2}' } });
    });
  });
});
