// Sign-in, tokens, CORS, OpenAPI and the audit trail.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PASSWORD, serverPerTest, TEST_ORIGIN } from '../support/server';

describe('auth, CORS, openapi and audit', () => {
  beforeEach(() => {
    clock = new Date('2026-11-27T02:00:00Z');
  });
  const server = serverPerTest({ now: () => clock });
  let clock: Date;

  const login = (username: string, password: string) =>
    server.call(null, '/api/v1/auth/login', { body: { username, password } });

  it('signs in with the right password only, and stores only a hash of the token', async () => {
    const wrong = await login('sales-user', 'nope');
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'invalid-credentials');
    const unknown = await login('nobody', PASSWORD);
    assert.equal(unknown.status, 401);
    const ok = await login('sales-user', PASSWORD);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.user.role, 'sales');
    assert.ok(ok.body.token.length >= 40);
    const stored = await server.store.db.selectFrom('tokens').select('token_hash').execute();
    assert.ok(stored.every((t) => t.token_hash !== ok.body.token));
    const users = await server.store.db.selectFrom('users').select('password_hash').execute();
    assert.ok(
      users.every(
        (u) => u.password_hash.startsWith('scrypt$') && !u.password_hash.includes(PASSWORD),
      ),
    );
  });

  it('refuses an expired token and a signed-out token', async () => {
    const { body } = await login('sales-user', PASSWORD);
    const me = (token: string) =>
      fetch(`${server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await me(body.token)).status, 200);
    clock = new Date(clock.getTime() + 13 * 3_600_000);
    const expired = await me(body.token);
    assert.equal(expired.status, 401);
    assert.equal(
      ((await expired.json()) as { error: { code: string } }).error.code,
      'token-expired',
    );
    clock = new Date('2026-11-27T02:00:00Z');
    const fresh = (await login('sales-user', PASSWORD)).body.token as string;
    await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fresh}` },
    });
    assert.equal((await me(fresh)).status, 401);
  });

  it('allows CORS only for the add-in origin', async () => {
    const ok = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: TEST_ORIGIN, 'access-control-request-method': 'POST' },
    });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), TEST_ORIGIN);
    const sameOrigin = await fetch(`${server.url}/api/v1/health`, {
      headers: { origin: server.url },
    });
    assert.equal(sameOrigin.status, 200);
    const evil = await fetch(`${server.url}/api/v1/meta`, {
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(evil.status, 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });

  it('publishes an OpenAPI document built from the route table', async () => {
    const res = await server.call(null, '/api/v1/openapi.json');
    assert.equal(res.status, 200);
    assert.equal(res.body.openapi, '3.1.0');
    const push = res.body.paths['/api/v1/sync/push'].post;
    assert.ok(push.requestBody.content['application/json'].schema.properties.mutations);
    assert.ok(res.body.paths['/api/v1/audit'].get['x-roles'].includes('manager'));
  });

  it('answers meta with an ETag and 304 when unchanged', async () => {
    const first = await server.call('sales', '/api/v1/meta');
    assert.equal(first.status, 200);
    const etag = first.headers.get('etag')!;
    const orders = first.body.datasets.find((d: { name: string }) => d.name === 'regions');
    assert.equal(orders.fields[0].label['zh-CN'], '区域编码');
    const again = await server.call('sales', '/api/v1/meta', {
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
    await server.call('manager', '/api/v1/sync/push', {
      body: {
        workbookId: 'wb',
        clientId: 'c',
        dataset: 'regions',
        mutations: [
          {
            mutationId: randomUUID(),
            op: 'upsert',
            rowKey: randomUUID(),
            values: { code: 'HD', name: '华东' },
          },
        ],
      },
      headers: { 'idempotency-key': randomUUID() },
    });
    const changed = await server.call('sales', '/api/v1/meta', {
      headers: { 'if-none-match': etag },
    });
    assert.equal(changed.status, 200);
    assert.deepEqual(changed.body.lists.regions, [{ code: 'HD', name: '华东' }]);
  });

  it('lists inactive codes apart and says which fields need an active record', async () => {
    const push = (values: Record<string, unknown>) =>
      server.call('manager', '/api/v1/sync/push', {
        body: {
          workbookId: 'wb',
          clientId: 'c',
          dataset: 'regions',
          mutations: [{ mutationId: randomUUID(), op: 'upsert', rowKey: randomUUID(), values }],
        },
        headers: { 'idempotency-key': randomUUID() },
      });
    assert.equal((await push({ code: 'DB', name: '东北', status: 'inactive' })).status, 200);
    const meta = (await server.call('sales', '/api/v1/meta')).body;
    assert.ok(!meta.lists.regions.some((r: { code: string }) => r.code === 'DB'));
    assert.deepEqual(meta.inactive.regions, ['DB']);
    const fieldOf = (dataset: string, name: string) =>
      meta.datasets
        .find((d: { name: string }) => d.name === dataset)
        .fields.find((f: { name: string }) => f.name === name);
    // An order needs an active dealer, SKU and location; a payment may come from any dealer.
    for (const name of ['dealerCode', 'skuCode', 'locationCode'])
      assert.equal(fieldOf('orders', name).refActive, true, name);
    assert.equal(fieldOf('allocations', 'dealerCode').ref, 'dealers');
    assert.equal(fieldOf('allocations', 'dealerCode').refActive, undefined);
  });

  it('records who changed what from which workbook, before and after', async () => {
    const rowKey = randomUUID();
    const send = (name: string, baseVersion?: number) =>
      server.call('manager', '/api/v1/sync/push', {
        body: {
          workbookId: 'wb-42',
          clientId: 'c-7',
          dataset: 'regions',
          mutations: [
            {
              mutationId: randomUUID(),
              op: 'upsert',
              rowKey,
              ...(baseVersion ? { baseVersion } : {}),
              values: { code: 'HD', name },
            },
          ],
        },
        headers: { 'idempotency-key': randomUUID() },
      });
    await send('华东');
    await send('华东区', 1);
    const audit = await server.call('manager', '/api/v1/audit?dataset=regions&key=HD');
    assert.equal(audit.status, 200);
    assert.deepEqual(
      audit.body.entries.map((e: { action: string; version: number }) => [e.action, e.version]),
      [
        ['create', 1],
        ['update', 2],
      ],
    );
    const update = audit.body.entries[1];
    assert.equal(update.username, 'manager-user');
    assert.equal(update.workbookId, 'wb-42');
    assert.equal(update.clientId, 'c-7');
    assert.equal(update.before.name, '华东');
    assert.equal(update.after.name, '华东区');
  });
});
