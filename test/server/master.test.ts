import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { serverPerTest } from '../support/server';

const region = (code: string, name: string) => ({
  mutationId: randomUUID(),
  op: 'upsert',
  rowKey: randomUUID(),
  values: { code, name },
});

describe('master data push and pull', () => {
  const server = serverPerTest();

  const push = (body: unknown, role: 'manager' | 'sales' = 'manager', key = randomUUID()) =>
    server.call(role, '/api/v1/sync/push', { body, headers: { 'idempotency-key': key } });

  it('creates, then reports a stale update as a conflict with the server values', async () => {
    const row = region('HD', '华东');
    const first = await push({
      workbookId: 'wb1',
      clientId: 'c1',
      dataset: 'regions',
      mutations: [row],
    });
    assert.equal(first.status, 200);
    assert.equal(first.body.results[0].status, 'applied');
    assert.equal(first.body.results[0].version, 1);
    const update = (name: string, baseVersion: number) => ({
      ...row,
      mutationId: randomUUID(),
      baseVersion,
      values: { code: 'HD', name },
    });
    const second = await push({
      workbookId: 'wb1',
      clientId: 'c1',
      dataset: 'regions',
      mutations: [update('华东区', 1)],
    });
    assert.equal(second.body.results[0].status, 'applied');
    assert.equal(second.body.results[0].version, 2);
    const stale = await push({
      workbookId: 'wb2',
      clientId: 'c2',
      dataset: 'regions',
      mutations: [update('华东大区', 1)],
    });
    assert.equal(stale.body.results[0].status, 'conflict');
    assert.equal(stale.body.results[0].serverValues.name, '华东区');
  });

  it('refuses a push from a role that may only read master data', async () => {
    const res = await push(
      { workbookId: 'wb1', clientId: 'c1', dataset: 'regions', mutations: [region('HN', '华南')] },
      'sales',
    );
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
  });

  it('pulls everything, then only the changes since the cursor', async () => {
    await push({
      workbookId: 'wb1',
      clientId: 'c1',
      dataset: 'regions',
      mutations: [region('HD', '华东'), region('HN', '华南')],
    });
    const full = await server.call('analyst', '/api/v1/sync/pull?dataset=regions');
    assert.equal(full.body.rows.length, 2);
    assert.equal(full.body.hasMore, false);
    await push({
      workbookId: 'wb1',
      clientId: 'c1',
      dataset: 'regions',
      mutations: [region('HB', '华北')],
    });
    const delta = await server.call(
      'analyst',
      `/api/v1/sync/pull?dataset=regions&cursor=${full.body.cursor}`,
    );
    assert.deepEqual(
      delta.body.rows.map((r: { values: { code: string } }) => r.values.code),
      ['HB'],
    );
    const reset = await server.call('analyst', '/api/v1/sync/pull?dataset=regions&cursor=garbage');
    assert.equal(reset.body.reset, true);
    assert.equal(reset.body.rows.length, 3);
  });
});
