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
  const client = () =>
    new ApiClient({
      transport,
      locale: () => locale,
      session: () => loadSession(storage),
      onUnauthorized: () => saveSession(storage, null),
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
    assert.equal(error.message, 'The server failed (HTTP 502); try again later.');
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
});
