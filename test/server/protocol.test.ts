// The sync protocol's whole-request rules: idempotency keys, malformed bodies, limits, language.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { serverPerTest } from '../support/server';

const regionRow = (code: string) => ({
  mutationId: randomUUID(),
  op: 'upsert',
  rowKey: randomUUID(),
  values: { code, name: `区域${code}` },
});
const pushBody = (mutations: unknown[]) => ({
  workbookId: 'wb',
  clientId: 'client-1',
  dataset: 'regions',
  mutations,
});

describe('sync protocol', () => {
  const server = serverPerTest();

  const push = (body: unknown, key: string, headers: Record<string, string> = {}) =>
    server.call('manager', '/api/v1/sync/push', {
      body,
      headers: { 'idempotency-key': key, ...headers },
    });
  const countRegions = async () =>
    (
      await server.store.db
        .selectFrom('records')
        .select('row_key')
        .where('dataset', '=', 'regions')
        .execute()
    ).length;

  it('replays the stored answer for the same key and body, and refuses another body with 422', async () => {
    const key = randomUUID();
    const body = pushBody([regionRow('HD')]);
    const first = await push(body, key);
    const again = await push(body, key);
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const other = await push(pushBody([regionRow('HN')]), key);
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'idempotency-key-reused');
    assert.equal(await countRegions(), 1);
  });

  it('answers 409 while the first request with a key is still running', async () => {
    const key = randomUUID();
    const body = pushBody(Array.from({ length: 1500 }, (_, i) => regionRow(`R${i}`)));
    const [a, b] = await Promise.all([push(body, key), push(body, key)]);
    const statuses = [a.status, b.status].sort();
    assert.ok(statuses[0] === 200, `one succeeds: ${statuses.join(',')}`);
    assert.ok(
      statuses[1] === 409 || statuses[1] === 200,
      `the other waits or replays: ${statuses.join(',')}`,
    );
    assert.equal(await countRegions(), 1500);
  });

  it('skips mutation ids this client already applied, even under a new key', async () => {
    const body = pushBody([regionRow('HD')]);
    await push(body, randomUUID());
    const second = await push(body, randomUUID());
    assert.equal(second.body.results[0].status, 'unchanged');
    assert.equal(second.body.results[0].version, 1);
    assert.equal(await countRegions(), 1);
  });

  it('dryRun validates without committing; atomic applies all or none', async () => {
    const dry = await push({ ...pushBody([regionRow('HD')]), dryRun: true }, randomUUID());
    assert.equal(dry.body.results[0].status, 'applied');
    assert.equal(await countRegions(), 0);
    const bad = { ...regionRow('HN'), values: { code: 'HN' } };
    const atomic = await push({ ...pushBody([regionRow('HB'), bad]), atomic: true }, randomUUID());
    assert.deepEqual(
      atomic.body.results.map((r: { status: string }) => r.status),
      ['rejected', 'rejected'],
    );
    assert.equal(atomic.body.results[0].errors[0].code, 'atomic-aborted');
    assert.equal(await countRegions(), 0);
    const partial = await push(pushBody([regionRow('HB'), bad]), randomUUID());
    assert.deepEqual(
      partial.body.results.map((r: { status: string }) => r.status),
      ['applied', 'rejected'],
    );
    assert.equal(await countRegions(), 1);
  });

  it('refuses malformed requests as a whole with a stable code, in the caller language', async () => {
    const noKey = await server.call('manager', '/api/v1/sync/push', {
      body: pushBody([regionRow('HD')]),
    });
    assert.equal(noKey.status, 400);
    assert.equal(noKey.body.error.code, 'idempotency-key-required');
    const malformed = await push({ dataset: 'regions' }, randomUUID(), {
      'accept-language': 'en-US',
    });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'invalid-request');
    assert.match(malformed.body.error.message, /malformed/);
    const zh = await push({ dataset: 'regions' }, randomUUID(), {
      'accept-language': 'zh-CN,zh;q=0.9',
    });
    assert.match(zh.body.error.message, /请求格式不正确/);
    const badJson = await server.call('manager', '/api/v1/sync/push', {
      body: '{"x":',
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(badJson.status, 400);
  });

  it('row errors come in the caller language', async () => {
    const en = await push(
      pushBody([{ ...regionRow('HD'), values: { code: 'HD' } }]),
      randomUUID(),
      { 'accept-language': 'en-US' },
    );
    assert.equal(en.body.results[0].errors[0].code, 'required');
    assert.equal(en.body.results[0].errors[0].message, '"Region name" is required.');
    const zh = await push(pushBody([{ ...regionRow('HD'), values: { code: 'HD' } }]), randomUUID());
    assert.equal(zh.body.results[0].errors[0].message, '“区域名称”必填。');
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = pushBody([
      { ...regionRow('HD'), values: { code: 'HD', name: 'x'.repeat(5 * 1024 * 1024) } },
    ]);
    const res = await push(huge, randomUUID());
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'payload-too-large');
  });

  it('refuses more rows than the published limit', async () => {
    const meta = await server.call('sales', '/api/v1/meta');
    const limit = meta.body.limits.maxMutationsPerPush as number;
    const res = await push(
      pushBody(Array.from({ length: limit + 1 }, (_, i) => regionRow(`R${i}`))),
      randomUUID(),
    );
    assert.equal(res.status, 400);
    assert.equal(await countRegions(), 0);
  });

  it('a delete of a master record is a tombstone the next delta pull reports', async () => {
    const row = regionRow('HD');
    await push(pushBody([row]), randomUUID());
    const full = await server.call('analyst', '/api/v1/sync/pull?dataset=regions');
    await push(
      pushBody([{ ...row, mutationId: randomUUID(), op: 'delete', baseVersion: 1, values: {} }]),
      randomUUID(),
    );
    const delta = await server.call(
      'analyst',
      `/api/v1/sync/pull?dataset=regions&cursor=${full.body.cursor}`,
    );
    assert.deepEqual(
      delta.body.rows.map((r: { op: string; key: string }) => [r.op, r.key]),
      [['delete', row.rowKey]],
    );
    const fresh = await server.call('analyst', '/api/v1/sync/pull?dataset=regions');
    assert.equal(fresh.body.rows.length, 0);
  });

  it('pages a first load without losing rows written between pages', async () => {
    await push(
      pushBody(Array.from({ length: 25 }, (_, i) => regionRow(`R${String(i).padStart(2, '0')}`))),
      randomUUID(),
    );
    const page1 = await server.call('analyst', '/api/v1/sync/pull?dataset=regions&limit=10');
    assert.equal(page1.body.hasMore, true);
    await push(pushBody([regionRow('LATE')]), randomUUID());
    const seen = new Set<string>(
      page1.body.rows.map((r: { values: { code: string } }) => r.values.code),
    );
    let cursor = page1.body.cursor as string;
    for (let more = true; more;) {
      const page = await server.call(
        'analyst',
        `/api/v1/sync/pull?dataset=regions&limit=10&cursor=${cursor}`,
      );
      for (const r of page.body.rows) seen.add(r.values.code);
      cursor = page.body.cursor;
      more = page.body.hasMore;
    }
    assert.equal(seen.size, 26);
  });
});
