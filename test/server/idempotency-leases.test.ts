// Idempotency-Keys held under a lease (server/sync/idempotency.ts): several instances on one
// database never free each other's live keys; a dead process's keys are freed at start-up
// (its own name) or once their lease runs out (anyone's).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { claimKey, LEASE_MS, releaseOrphanedKeys, renewKey } from '../../server/sync/idempotency';
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
});
