// Attacks an outsider tried on a demo server: guessing passwords, DNS rebinding, and the
// headers every answer must carry.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../../server/logger';
import { hashPassword, PASSWORD_PARAMS } from '../../server/services/passwords';
import { signInLimits } from '../../server/services/sign-in-limits';
import { PASSWORD, startTestServer, type TestServer } from '../support/server';

function captureLogger(): Logger & {
  lines: { message: string; fields: Record<string, unknown> }[];
} {
  const lines: { message: string; fields: Record<string, unknown> }[] = [];
  const log = (message: string, fields: Record<string, unknown> = {}) => {
    lines.push({ message, fields });
  };
  return { lines, info: log, warn: log, error: log };
}

/** A raw request with headers fetch will not let us set (Host). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: any; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify({ username: 'admin-user', password: PASSWORD }));
  });
}

describe('security', () => {
  let server: TestServer;
  let logger: ReturnType<typeof captureLogger>;
  beforeEach(async () => {
    logger = captureLogger();
    server = await startTestServer({ deps: { logger } });
  });
  afterEach(() => server.close());

  const signIn = (username: string, password: string) =>
    server.call(null, '/api/v1/auth/login', { body: { username, password } });

  it(`password guessing stops: after ${signInLimits.USER_LIMIT} wrong passwords even the right one gets 429 with Retry-After`, async () => {
    for (let i = 1; i <= signInLimits.USER_LIMIT; i += 1) {
      const wrong = await signIn('sales-user', `guess-${i}`);
      assert.equal(wrong.status, 401, `guess ${i}`);
    }
    const locked = await signIn('sales-user', PASSWORD);
    assert.equal(locked.status, 429);
    assert.equal(locked.body.error.code, 'too-many-sign-ins');
    assert.equal(locked.headers.get('retry-after'), String(signInLimits.LOCK_MS / 1000));
    assert.match(locked.body.error.message, /登录失败次数过多，请 15 分钟后再试/);
    // Another user is not locked out by someone guessing at sales-user.
    assert.equal((await signIn('analyst-user', PASSWORD)).status, 200);
  });

  it('each failed sign-in is logged with the user and the address, never the password', async () => {
    await signIn('finance-user', 'my-secret-guess');
    const failed = logger.lines.filter((l) => l.message === 'sign-in failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.fields.username, 'finance-user');
    assert.match(String(failed[0]!.fields.address), /127\.0\.0\.1/);
    assert.doesNotMatch(JSON.stringify(logger.lines), /my-secret-guess/);
  });

  it('a manager lifts a lockout, and the right password works again', async () => {
    for (let i = 0; i < signInLimits.USER_LIMIT; i += 1) await signIn('sales-user', 'wrong');
    assert.equal((await signIn('sales-user', PASSWORD)).status, 429);
    const unlocked = await server.call('manager', '/api/v1/users/unlock', {
      body: { username: 'sales-user' },
    });
    assert.deepEqual(unlocked.body, { username: 'sales-user', wasLocked: true });
    assert.equal((await signIn('sales-user', PASSWORD)).status, 200);
    const bySales = await server.call('sales', '/api/v1/users/unlock', {
      body: { username: 'sales-user' },
    });
    assert.equal(bySales.status, 403);
  });

  it('one address guessing at many user names is stopped too', async () => {
    for (let i = 0; i < signInLimits.ADDRESS_LIMIT; i += 1) await signIn(`nobody-${i}`, 'x');
    const next = await signIn('warehouse-user', PASSWORD);
    assert.equal(next.status, 429);
  });

  it('X-Forwarded-For is ignored unless the operator trusts the proxy: a client cannot dodge the address limit', async () => {
    const from = (address: string, username: string) =>
      server.call(null, '/api/v1/auth/login', {
        body: { username, password: 'x' },
        headers: { 'x-forwarded-for': address },
      });
    for (let i = 0; i < signInLimits.ADDRESS_LIMIT; i += 1) await from(`203.0.113.${i}`, `n-${i}`);
    // Every guess came from 127.0.0.1 whatever the header said: the address is locked.
    assert.equal((await from('198.51.100.7', 'warehouse-user')).status, 429);
  });

  it('behind a trusted proxy (SALES_SYNC_TRUST_PROXY) the limit counts the forwarded client address', async () => {
    const proxied = await startTestServer({ deps: { trustProxy: 'loopback' } });
    try {
      const from = (address: string, username: string, password = 'x') =>
        proxied.call(null, '/api/v1/auth/login', {
          body: { username, password },
          headers: { 'x-forwarded-for': address },
        });
      for (let i = 0; i < signInLimits.ADDRESS_LIMIT; i += 1) await from('203.0.113.9', `n-${i}`);
      assert.equal((await from('203.0.113.9', 'warehouse-user', PASSWORD)).status, 429);
      // Another client behind the same proxy is not locked out by the first one's guesses.
      assert.equal((await from('198.51.100.7', 'warehouse-user', PASSWORD)).status, 200);
    } finally {
      await proxied.close();
    }
  });

  it(`a password hashed at the old cost is rehashed at N=2^17 on the next sign-in`, async function () {
    this.timeout(60_000);
    const old = await hashPassword('an-old-password', { N: 2 ** 15, r: 8, p: 1 });
    await server.store.db
      .updateTable('users')
      .set({ password_hash: old })
      .where('username', '=', 'admin-user')
      .execute();
    // The app hashes at the real cost here (the test server's cheap one is switched off).
    server.deps.passwordParams = PASSWORD_PARAMS;
    assert.equal(PASSWORD_PARAMS.N, 2 ** 17);
    assert.equal((await signIn('admin-user', 'an-old-password')).status, 200);
    const { password_hash } = await server.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'admin-user')
      .executeTakeFirstOrThrow();
    assert.match(password_hash, /^scrypt\$131072\$8\$1\$/);
    assert.equal((await signIn('admin-user', 'an-old-password')).status, 200);
  });

  it('DNS rebinding: a page on evil.example rebound to the server cannot sign in (421)', async () => {
    const { port } = new URL(server.url);
    const evil = await rawGet(`${server.url}/api/v1/auth/login`, {
      host: `evil.example:${port}`,
      origin: `http://evil.example:${port}`,
      'content-type': 'application/json',
    });
    assert.equal(evil.status, 421);
    assert.equal(evil.body.error.code, 'host-not-allowed');
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const ok = await rawGet(`${server.url}/api/v1/auth/login`, {
        host,
        'content-type': 'application/json',
      });
      assert.equal(ok.status, 200, host);
    }
  });

  it('API answers carry nosniff and Cache-Control: no-store (sign-in and pulls too)', async () => {
    const login = await signIn('manager-user', PASSWORD);
    const pull = await server.call('manager', '/api/v1/sync/pull?dataset=regions');
    const meta = await server.call('manager', '/api/v1/meta');
    const error = await server.call('manager', '/api/v1/nowhere');
    for (const res of [login, pull, meta, error]) {
      assert.equal(res.headers.get('cache-control'), 'no-store');
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    }
    // Plain HTTP: no HSTS (main.test.ts checks it under TLS).
    assert.equal(pull.headers.get('strict-transport-security'), null);
  });

  it("the task pane may run only its own scripts and Office's, and be framed only by Office", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-pane-'));
    fs.writeFileSync(path.join(dir, 'taskpane.html'), '<!doctype html><title>pane</title>');
    const pane = await startTestServer({ deps: { addinDir: dir } });
    try {
      const res = await fetch(`${pane.url}/addin/`);
      assert.equal(res.status, 200);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directive = (name: string) =>
        csp
          .split(';')
          .map((d) => d.trim())
          .find((d) => d.startsWith(`${name} `)) ?? '';
      assert.match(
        directive('script-src'),
        /^script-src 'self' https:\/\/appsforoffice\.microsoft\.com$/,
      );
      assert.match(directive('frame-ancestors'), /https:\/\/\*\.officeapps\.live\.com/);
      assert.match(directive('frame-ancestors'), /https:\/\/\*\.office\.com/);
      assert.doesNotMatch(directive('frame-ancestors'), /\*(\s|$)/, 'no bare wildcard');
      assert.equal(directive('object-src'), "object-src 'none'");
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    } finally {
      await pane.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
