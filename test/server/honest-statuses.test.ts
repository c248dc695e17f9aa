// Honest statuses: a real fault answers 500 with a request id to quote (never a stack), and
// malformed requests never reach that path — each gets a 4xx with a stable code.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import type { DatasetHandler } from '../../server/sync/handler';
import { suiteServer } from '../support/server';

describe('honest statuses', () => {
  const server = suiteServer();

  const raw = async (pathname: string, init: RequestInit = {}) => {
    const token = await server.tokenFor('manager');
    const res = await fetch(`${server.url}${pathname}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
  };

  it('a pull that hits a broken store answers 500 with a reference to quote, not 400 and no stack', async () => {
    const handlers = server.deps.handlers as Map<string, DatasetHandler>;
    const regions = handlers.get('regions')!;
    handlers.set('regions', {
      ...regions,
      pull: () => Promise.reject(new Error('SQLITE_IOERR: disk I/O error at /var/lib/x.db')),
    });
    try {
      const res = await raw('/api/v1/sync/pull?dataset=regions', {
        headers: { 'accept-language': 'en-US' },
      });
      assert.equal(res.status, 500);
      assert.equal(res.body.error.code, 'internal');
      const requestId = res.headers.get('x-request-id');
      assert.ok(requestId);
      assert.equal(res.body.error.requestId, requestId);
      assert.ok(res.body.error.message.includes(requestId), res.body.error.message);
      assert.doesNotMatch(res.text, /SQLITE|disk I\/O|\bat \//, 'no fault detail leaks');
    } finally {
      handlers.set('regions', regions);
    }
  });

  it('a bad percent-escape in a path is 400 invalid-path, not a server fault', async () => {
    for (const pathname of ['/api/v1/export/%E0%A4%A.xlsx', '/api/v1/import/%zz']) {
      const res = await raw(pathname, { method: pathname.includes('import') ? 'POST' : 'GET' });
      assert.equal(res.status, 400, pathname);
      assert.equal(res.body.error.code, 'invalid-path', pathname);
    }
  });

  it('Content-Encoding: gzip on a plain body is 400 invalid-body-encoding, not a server fault', async () => {
    const body = JSON.stringify({ username: 'manager-user', password: 'x' });
    const res = await raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid-body-encoding');
    assert.match(res.body.error.message, /gzip/);
    // A body that really is gzipped is read as JSON.
    const gzipped = await raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: zlib.gzipSync(body),
    });
    assert.equal(gzipped.body.error.code, 'invalid-credentials');
    const unknown = await raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'compress' },
      body,
    });
    assert.equal(unknown.status, 415);
    assert.equal(unknown.body.error.code, 'unsupported-encoding');
  });

  it('an impossible date (to=2024-02-30, from=2026-13-45) is refused with 400, not an empty pull', async () => {
    for (const query of ['to=2024-02-30', 'from=2026-13-45', 'from=2026-1-5', 'to=yesterday']) {
      for (const pathname of [
        `/api/v1/sync/pull?dataset=orders&${query}`,
        `/api/v1/export/orders.xlsx?${query}`,
      ]) {
        const res = await raw(pathname);
        assert.equal(res.status, 400, pathname);
        assert.equal(res.body.error.code, 'invalid-date-param', pathname);
      }
    }
    const zh = await raw('/api/v1/sync/pull?dataset=orders&to=2024-02-30');
    assert.equal(
      zh.body.error.message,
      '参数“to”不是有效日期：2024-02-30（应为存在的日期，如 2026-11-27）。',
    );
    const leap = await raw('/api/v1/sync/pull?dataset=orders&to=2024-02-29');
    assert.equal(leap.status, 200);
  });

  it('no malformed request reaches the fault path: each is a 4xx with a stable code', async () => {
    const json = { 'content-type': 'application/json' };
    const push = { ...json, 'idempotency-key': randomUUID() };
    const cases: [string, RequestInit][] = [
      ['/api/v1/sync/push', { method: 'POST', headers: push, body: '{"x":' }],
      ['/api/v1/sync/push', { method: 'POST', headers: push, body: '[]' }],
      ['/api/v1/sync/push', { method: 'POST', headers: push, body: 'null' }],
      [
        '/api/v1/sync/push',
        { method: 'POST', headers: { ...push, 'content-type': 'text/plain' }, body: '{}' },
      ],
      [
        '/api/v1/sync/push',
        {
          method: 'POST',
          headers: { ...push, 'content-type': 'application/json; charset=koi8-r' },
          body: '{}',
        },
      ],
      [
        '/api/v1/sync/push',
        { method: 'POST', headers: { ...push, 'content-encoding': 'deflate' }, body: 'plain' },
      ],
      ['/api/v1/sync/pull?dataset=orders&limit=-1', {}],
      ['/api/v1/sync/pull?dataset=orders&limit=1e400', {}],
      ['/api/v1/sync/pull?dataset=orders&dataset=stock', {}],
      ['/api/v1/sync/pull?dataset[a]=orders', {}],
      ['/api/v1/sync/pull?dataset=%00', {}],
      ['/api/v1/audit?dataset=orders', {}],
      ['/api/v1/export/..%2F..%2Fetc%2Fpasswd', {}],
      ['/api/v1/import/orders?dryRun=maybe', { method: 'POST', body: 'x' }],
      ['/api/v1/nowhere', {}],
    ];
    for (const [pathname, init] of cases) {
      const res = await raw(pathname, init);
      assert.ok(res.status >= 400 && res.status < 500, `${pathname}: ${res.status} ${res.text}`);
      assert.notEqual(res.body.error.code, 'internal', pathname);
      assert.equal(typeof res.body.error.code, 'string');
    }
  });

  it('a dealer code typed with a Cyrillic letter (Д-SH01) is refused with confusable-code, in a filter and in a row', async () => {
    const filter = await raw('/api/v1/sync/pull?dataset=orders&dealer=%D0%94-SH01');
    assert.equal(filter.status, 400);
    assert.equal(filter.body.error.code, 'confusable-code');
    const row = await raw('/api/v1/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({
        workbookId: 'wb',
        clientId: 'c',
        dataset: 'regions',
        // "НD": the first letter is Cyrillic En.
        mutations: [
          { mutationId: 'm', op: 'upsert', rowKey: 'r', values: { code: 'НD', name: '华东' } },
        ],
      }),
    });
    assert.equal(row.body.results[0].status, 'rejected');
    assert.equal(row.body.results[0].errors[0].code, 'confusable-code');
    assert.match(row.body.results[0].errors[0].message, /西里尔或希腊字母/);
  });

  it('an over-long header is 431 with its name, not a fault', async () => {
    const res = await raw('/api/v1/sync/pull?dataset=regions', {
      headers: { 'accept-language': `zh-CN,${'x'.repeat(5000)}` },
    });
    assert.equal(res.status, 431);
    assert.equal(res.body.error.code, 'header-too-large');
    assert.match(res.body.error.message, /accept-language/);
  });
});
