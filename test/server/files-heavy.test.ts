// Heavy and hostile uploads must not stall everyone else: a shared-strings bomb and a sheet of
// millions of cells are refused before parsing; a big import parses in the worker pool while
// health keeps answering; a full pool answers 503 with Retry-After; pull pages are compressed.
import assert from 'node:assert/strict';
import http from 'node:http';
import { productsWorkbook } from '../../bench/import';
import { ImportPool, poolLimits } from '../../server/files/import-pool';
import { silentLogger } from '../../server/logger';
import { cellBomb, sharedStringsBomb } from '../fixtures/xlsx/hostile';
import { upload } from '../fixtures/xlsx/workbooks';
import { startTestServer, suiteServer, type TestServer } from '../support/server';

/** The slowest GET /api/v1/health while `work` runs, polled every 20 ms. */
async function worstHealthDuring(server: TestServer, work: Promise<unknown>): Promise<number> {
  const state = { done: false };
  let worst = 0;
  const poll = (async () => {
    while (!state.done) {
      const started = performance.now();
      await fetch(`${server.url}/api/v1/health`);
      worst = Math.max(worst, performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  await work;
  state.done = true;
  await poll;
  return worst;
}

describe('heavy and hostile uploads', function () {
  this.timeout(180_000);
  const server = suiteServer();

  it('a shared-strings bomb (a small upload inflating 25:1) is refused before parsing, and health keeps answering', async () => {
    const bomb = sharedStringsBomb(120);
    assert.ok(bomb.length < 4 * 1024 * 1024, `${bomb.length} bytes`);
    let res: Awaited<ReturnType<typeof upload>> | undefined;
    const worst = await worstHealthDuring(
      server,
      upload(server, { role: 'manager', dataset: 'regions', bytes: bomb }).then((r) => (res = r)),
    );
    assert.equal(res?.status, 422, JSON.stringify(res?.body));
    assert.equal(res.body.error.code, 'file-zip-bomb');
    assert.match(res.body.error.message, /sharedStrings\.xml > 24 MB/);
    assert.ok(worst < 1000, `health waited ${worst.toFixed(0)} ms`);
  });

  it('a sheet of millions of empty cells is refused with file-too-many-cells before parsing', async () => {
    const res = await upload(server, {
      role: 'manager',
      dataset: 'regions',
      bytes: cellBomb(4_000_000),
    });
    assert.equal(res.status, 413, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'file-too-many-cells');
  });

  it('a 20,000-row import parses off the request loop: health keeps answering meanwhile', async () => {
    const bytes = productsWorkbook(20_000);
    let res: Awaited<ReturnType<typeof upload>> | undefined;
    const worst = await worstHealthDuring(
      server,
      upload(server, { role: 'manager', dataset: 'products', bytes, query: 'dryRun=1' }).then(
        (r) => (res = r),
      ),
    );
    assert.equal(res?.status, 200, JSON.stringify(res?.body).slice(0, 300));
    assert.equal(res.body.summary.rows, 20_000);
    // The parse alone took seconds of CPU; held on the loop, health waited for all of it.
    assert.ok(worst < 1500, `health waited ${worst.toFixed(0)} ms`);
  });

  it('an upload while the import pool and its queue are full gets 503 with Retry-After', async () => {
    const pool = new ImportPool(silentLogger, { ...poolLimits, workers: 1, queue: 0 });
    const busy = await startTestServer({ deps: { importPool: pool } });
    try {
      const bytes = productsWorkbook(5_000);
      const first = upload(busy, {
        role: 'manager',
        dataset: 'products',
        bytes,
        query: 'dryRun=1',
      });
      await new Promise((r) => setTimeout(r, 300));
      const second = await upload(busy, {
        role: 'manager',
        dataset: 'products',
        bytes,
        query: 'dryRun=1',
      });
      assert.equal(second.status, 503, JSON.stringify(second.body));
      assert.equal(second.body.error.code, 'busy');
      assert.equal(second.headers.get('retry-after'), String(poolLimits.retryAfterSeconds));
      assert.equal((await first).status, 200);
    } finally {
      await busy.close();
      await pool.close();
    }
  });

  it('a pull page is gzipped when the client accepts it, and plain when it does not', async () => {
    const token = await server.tokenFor('manager');
    const seeded = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes: productsWorkbook(2_000),
    });
    assert.equal(seeded.body.summary.applied, 2_000);
    const get = (encoding: string) =>
      new Promise<{ encoding: string | undefined; bytes: number }>((resolve, reject) => {
        http
          .get(
            `${server.url}/api/v1/sync/pull?dataset=products&limit=2000`,
            { headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } },
            (res) => {
              let bytes = 0;
              res.on('data', (chunk: Buffer) => (bytes += chunk.length));
              res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes }));
            },
          )
          .on('error', reject);
      });
    const gzip = await get('gzip, deflate, br');
    const plain = await get('identity');
    assert.equal(plain.encoding, undefined);
    assert.ok(['gzip', 'br', 'deflate'].includes(gzip.encoding ?? ''), String(gzip.encoding));
    assert.ok(gzip.bytes * 5 < plain.bytes, `${gzip.bytes} vs ${plain.bytes}`);
  });
});
