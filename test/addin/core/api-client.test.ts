// The API client against the real server: sentences in the user's language, network failures
// in words, a 401 that signs the pane out, meta revalidated by ETag.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { ApiClient } from '../../../addin/core/api-client';
import { ApiError } from '../../../addin/core/api-error';
import { loadSession, memoryStorage, saveSession } from '../../../addin/core/storage';
import type { Transport } from '../../../addin/core/transport';
import type { Locale } from '../../../shared/locale';
import { testTransport } from '../../support/addin';
import { PASSWORD, startTestServer, type TestServer } from '../../support/server';

describe('api client', () => {
  let server: TestServer;
  let transport: Transport;
  const storage = memoryStorage();
  let locale: Locale = 'zh-CN';
  let sleeps: number[] = [];
  const client = () =>
    new ApiClient({
      transport,
      locale: () => locale,
      session: () => loadSession(storage),
      onUnauthorized: () => saveSession(storage, null),
      retry: {
        sleep: (ms) => {
          sleeps.push(ms);
          return Promise.resolve();
        },
      },
    });

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    transport = testTransport();
    locale = 'zh-CN';
    sleeps = [];
    saveSession(storage, null);
  });
  afterEach(() => {
    sinon.restore();
  });

  async function signIn(): Promise<void> {
    const answer = await client().login({
      serverUrl: `${server.url}/`,
      username: 'manager-user',
      password: PASSWORD,
    });
    saveSession(storage, {
      serverUrl: server.url,
      token: answer.token,
      expiresAt: answer.expiresAt,
      user: answer.user,
    });
  }

  for (const [lang, expected] of [
    ['zh-CN', '用户名或密码不正确。'],
    ['en-US', 'Wrong user name or password.'],
  ] as const) {
    it(`says a wrong password in ${lang}, with the server's own sentence`, async () => {
      locale = lang;
      const error = await client()
        .login({ serverUrl: server.url, username: 'manager-user', password: 'nope' })
        .catch((e: unknown) => e);
      assert.ok(error instanceof ApiError);
      assert.equal(error.message, expected);
      assert.equal(error.code, 'invalid-credentials');
    });
  }

  it('turns a network failure into a sentence naming the server', async () => {
    sinon.stub(transport, 'send').rejects(new TypeError('fetch failed'));
    const error = await client()
      .login({ serverUrl: 'http://127.0.0.1:9', username: 'a', password: 'b' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.message, '无法连接服务器（http://127.0.0.1:9），请检查网络后重试。');
    assert.equal(error.isRetryable, true);
  });

  it('turns a 5xx without a JSON body into a sentence, not a stack trace', async () => {
    await signIn();
    sinon
      .stub(transport, 'send')
      .resolves({ status: 502, header: () => null, text: '<html>Bad gateway</html>' });
    locale = 'en-US';
    const error = await client()
      .meta()
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(
      error.message,
      'The server failed (HTTP 502) and 3 tries did not help. Try again later; if it keeps happening, contact your administrator.',
    );
  });

  it('clears the session when the server answers 401', async () => {
    await signIn();
    saveSession(storage, { ...loadSession(storage)!, token: 'x'.repeat(40) });
    const error = await client()
      .meta()
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.info.status, 401);
    assert.equal(loadSession(storage), null);
  });

  it('sends the bearer token and language, and revalidates meta with If-None-Match (304)', async () => {
    await signIn();
    const send = sinon.spy(transport, 'send');
    const api = client();
    const first = await api.meta();
    const second = await api.meta();
    assert.equal(send.callCount, 2);
    const headers = send.secondCall.args[0].headers;
    assert.match(headers.Authorization ?? '', /^Bearer /);
    assert.equal(headers['Accept-Language'], 'zh-CN');
    assert.ok(headers['If-None-Match']);
    assert.equal((await send.secondCall.returnValue).status, 304);
    assert.equal(second, first);
  });

  /** Answers the first calls with `answers`, then passes the rest to the real server. */
  function failFirst(
    answers: { status: number; headers?: Record<string, string>; text?: string }[],
  ) {
    const real = transport.send.bind(transport);
    const left = [...answers];
    return sinon.stub(transport, 'send').callsFake((request) => {
      const answer = left.shift();
      if (!answer) return real(request);
      return Promise.resolve({
        status: answer.status,
        header: (name: string) => answer.headers?.[name.toLowerCase()] ?? null,
        text: answer.text ?? '',
      });
    });
  }

  const fault = (requestId: string) => ({
    status: 500,
    headers: { 'x-request-id': requestId },
    text: JSON.stringify({ error: { code: 'internal', message: '服务器内部错误', requestId } }),
  });

  it('a pull that meets a busy server (503, Retry-After: 2) waits as asked and then gets its rows', async () => {
    await signIn();
    const send = failFirst([{ status: 503, headers: { 'retry-after': '2' } }]);
    const page = await client().pull({ dataset: 'regions' });
    assert.equal(page.dataset, 'regions');
    assert.equal(send.callCount, 2);
    assert.deepEqual(sleeps, [2000]);
  });

  it('a push that meets a server fault is tried again with the same key, waiting longer each time', async () => {
    await signIn();
    const send = failFirst([fault('req-1'), fault('req-2')]);
    const body = {
      workbookId: 'wb',
      clientId: 'c',
      dataset: 'regions',
      mutations: [
        {
          mutationId: 'm1',
          op: 'upsert' as const,
          rowKey: 'r1',
          values: { code: 'HD', name: '华东' },
        },
      ],
    };
    const answer = await client().push(body, 'key-of-this-chunk');
    assert.equal(answer.results[0]?.status, 'applied');
    assert.equal(send.callCount, 3);
    const keys = send.getCalls().map((c) => c.args[0].headers['Idempotency-Key']);
    assert.deepEqual(keys, ['key-of-this-chunk', 'key-of-this-chunk', 'key-of-this-chunk']);
    assert.deepEqual(sleeps, [500, 1000]);
  });

  for (const [lang, expected] of [
    [
      'zh-CN',
      '服务器出错（HTTP 500），已自动重试 3 次仍未成功。请稍后再试；如果一直这样，请联系管理员并提供编号 req-3。',
    ],
    [
      'en-US',
      'The server failed (HTTP 500) and 3 tries did not help. Try again later; if it keeps happening, give your administrator the reference req-3.',
    ],
  ] as const) {
    it(`after the last try the user reads in ${lang} that the server failed, was retried, and what to quote`, async () => {
      await signIn();
      locale = lang;
      failFirst([fault('req-1'), fault('req-2'), fault('req-3')]);
      const error = await client()
        .pull({ dataset: 'regions' })
        .catch((e: unknown) => e);
      assert.ok(error instanceof ApiError);
      assert.equal(error.message, expected);
      assert.equal(error.info.status, 500);
      assert.equal(error.code, 'internal');
    });
  }

  it('a busy server that stays busy is given up on with a sentence saying so; Retry-After is capped', async () => {
    await signIn();
    failFirst([
      { status: 503, headers: { 'retry-after': '3600' } },
      { status: 503, headers: { 'retry-after': '1' } },
      { status: 503 },
    ]);
    const error = await client()
      .meta()
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.message, '服务器正忙，已等待并重试 3 次仍未成功。请过几分钟再试。');
    assert.deepEqual(sleeps, [30_000, 1000]);
  });

  it('a sign-in that met a server fault is not sent again (it is no keyed write)', async () => {
    const send = failFirst([fault('req-9')]);
    const error = await client()
      .login({ serverUrl: server.url, username: 'manager-user', password: PASSWORD })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(send.callCount, 1);
    assert.equal(error.info.status, 500);
  });
});
