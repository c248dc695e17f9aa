// zh-CN answers are Chinese throughout (schema errors in zod's own zh-CN locale, body-parser and
// routing errors as our codes), `details` stay for machines, and money errors name the wire
// format (integer fen) for API clients.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { suiteServer } from '../support/server';

describe('answers in the caller language', () => {
  const server = suiteServer();

  it('a zh-CN caller reads Chinese for broken JSON, a schema error and an unknown route', async () => {
    const broken = await server.call(null, '/api/v1/auth/login', { body: '{"username":' });
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error.code, 'invalid-json');
    assert.match(broken.body.error.message, /^请求内容不是有效的 JSON/);
    assert.doesNotMatch(broken.body.error.message, /entity\.parse\.failed/);

    const noPassword = await server.call(null, '/api/v1/auth/login', { body: { username: 'x' } });
    assert.equal(noPassword.body.error.code, 'invalid-request');
    assert.equal(
      noPassword.body.error.message,
      '请求格式不正确：password: 无效输入：期望 string，实际接收 undefined',
    );
    assert.equal(noPassword.body.error.details[0].code, 'invalid_type');
    assert.deepEqual(noPassword.body.error.details[0].path, ['password']);

    const route = await server.call('manager', '/api/v1/nowhere');
    assert.equal(route.status, 404);
    assert.equal(route.body.error.code, 'route-not-found');
    assert.equal(route.body.error.message, '没有这个接口：GET /api/v1/nowhere');

    const en = await server.call(null, '/api/v1/auth/login', {
      body: { username: 'x' },
      headers: { 'accept-language': 'en-US' },
    });
    assert.match(en.body.error.message, /expected string, received undefined/);
  });

  it('an API client sending yuan where integer fen belongs is told the wire format', async () => {
    const product = {
      skuCode: 'TEE-1',
      name: 'T恤',
      styleCode: 'TEE',
      colour: '黑',
      size: 'M',
      unit: '件',
      listPrice: 29900,
      dealerPrice: 149.5,
      packSize: 1,
      safetyStock: 0,
      category: 'T恤',
      status: 'active',
    };
    const body = {
      workbookId: 'wb',
      clientId: 'api-client',
      dataset: 'products',
      mutations: [{ mutationId: randomUUID(), op: 'upsert', rowKey: 'p1', values: product }],
    };
    for (const [lang, expected] of [
      ['zh-CN', '“经销价”应为整数金额，单位为分（如 19990 表示 199.90 元）。'],
      ['en-US', '"Dealer price" must be a whole number of fen (e.g. 19990 for ¥199.90).'],
    ]) {
      const res = await server.call('manager', '/api/v1/sync/push', {
        body,
        headers: { 'idempotency-key': randomUUID(), 'accept-language': lang! },
      });
      const error = res.body.results[0].errors[0];
      assert.equal(error.code, 'invalid-money-fen');
      assert.equal(error.message, expected);
    }
  });
});
