// `npm start`'s entry point run as a process: configuration checked at start-up, demo mode kept
// to loopback, HTTPS with a configured certificate, and a clean stop on SIGTERM.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { addUser } from '../../server/services/users';
import { openMigratedStore } from '../../server/store/open';
import { claimKey } from '../../server/sync/idempotency';

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, output: () => output, exited };
}

async function waitFor(run: Run, pattern: RegExp, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (!pattern.test(run.output())) {
    if (Date.now() > until || run.child.exitCode !== null)
      throw new Error(`no ${String(pattern)} in:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

function getJson(
  url: string,
  ca: Buffer,
): Promise<{ status: number; body: unknown; hsts: string | undefined }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as unknown,
            hsts: res.headers['strict-transport-security'],
          });
        });
      })
      .on('error', reject);
  });
}

describe('server start-up (server/main.ts)', function () {
  this.timeout(90_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-main-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a wrong setting with a message naming it', async () => {
    const run = startMain({ PORT: 'abc', SALES_SYNC_DB: path.join(dir, 'x.db') });
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /Invalid configuration/);
    assert.match(run.output(), /PORT/);
  });

  it('refuses a certificate without its key', async () => {
    const cert = path.join(dir, 'cert.pem');
    const run = startMain({ SALES_SYNC_TLS_CERT: cert, SALES_SYNC_DB: path.join(dir, 'x.db') });
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /SALES_SYNC_TLS_CERT and SALES_SYNC_TLS_KEY go together/);
  });

  it('will not run demo mode (password "demo") on a non-loopback address', async () => {
    const db = path.join(dir, 'demo.db');
    const run = startMain({ HOST: '0.0.0.0', PORT: String(await freePort()), SALES_SYNC_DB: db });
    assert.equal(await run.exited, 1);
    assert.match(run.output(), /only runs on a loopback address, not 0\.0\.0\.0/);
  });

  it('refuses to listen beyond loopback while a demo account still opens with "demo", and says how to fix it', async () => {
    const db = path.join(dir, 'was-demo.db');
    const store = await openMigratedStore(db);
    const now = new Date();
    await addUser(store.db, { username: 'demo-admin', role: 'admin', password: 'demo' }, now);
    await addUser(store.db, { username: 'demo-sales', role: 'sales', password: 'demo' }, now);
    await store.close();
    const port = String(await freePort());
    const env = { HOST: '0.0.0.0', PORT: port, SALES_SYNC_DB: db, SALES_SYNC_DEMO: '0' };
    const run = startMain(env);
    // A server that starts anyway would listen for ever: stop it, and the test fails below.
    const stop = setTimeout(() => run.child.kill('SIGKILL'), 30_000);
    assert.equal(await run.exited, 1, run.output());
    clearTimeout(stop);
    assert.match(run.output(), /demo-admin, demo-sales still have the demo password "demo"/);
    assert.match(run.output(), /npm run cli -- user reset-password demo-admin/);
    assert.match(run.output(), /npm run cli -- demo disable/);
  });

  it('serves HTTPS with the configured certificate and stops cleanly on SIGTERM', async () => {
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    const made = spawnSync('openssl', [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
      ...['-keyout', key, '-out', cert, '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    ]);
    assert.equal(made.status, 0, made.stderr.toString());
    const port = await freePort();
    const db = path.join(dir, 'tls.db');
    const run = startMain({
      PORT: String(port),
      SALES_SYNC_DB: db,
      SALES_SYNC_DEMO: '0',
      SALES_SYNC_TLS_CERT: cert,
      SALES_SYNC_TLS_KEY: key,
    });
    try {
      await waitFor(run, /"listening"/);
      assert.match(run.output(), new RegExp(`https://localhost:${port}/`));
      const health = await getJson(
        `https://127.0.0.1:${port}/api/v1/health`,
        fs.readFileSync(cert),
      );
      assert.deepEqual(health, {
        status: 200,
        body: { ok: true },
        hsts: 'max-age=31536000',
      });
      // Every API route but health wants a token.
      const meta = await getJson(`https://127.0.0.1:${port}/api/v1/meta`, fs.readFileSync(cert));
      assert.equal(meta.status, 401);
    } finally {
      run.child.kill('SIGTERM');
    }
    assert.equal(await run.exited, 0);
    // The store was closed: SQLite folded the WAL back into the database file.
    assert.equal(fs.existsSync(`${db}-wal`), false);
  });

  it('a push cut off by a crash runs when the client retries after the restart, not 409 for minutes', async () => {
    const port = await freePort();
    const db = path.join(dir, 'crash.db');
    const body = JSON.stringify({
      workbookId: 'wb-1',
      clientId: 'client-1',
      dataset: 'regions',
      mutations: [
        { mutationId: 'm-1', op: 'upsert', rowKey: 'r-1', values: { code: 'HD', name: '华东' } },
      ],
    });
    const key = 'push-cut-off-by-a-crash';
    // What the crash left behind: the push's key claimed, "running", by this instance's process.
    const store = await openMigratedStore(db);
    await addUser(
      store.db,
      { username: 'li.na', role: 'manager', password: 'a-long-password' },
      new Date(),
    );
    await claimKey(store.db, {
      userId: 1,
      key,
      hash: createHash('sha256').update(body).digest('hex'),
      now: new Date(),
      owner: `${os.hostname()}:${port}`,
    });
    await store.close();

    const run = startMain({ PORT: String(port), SALES_SYNC_DB: db, SALES_SYNC_DEMO: '0' });
    try {
      await waitFor(run, /"listening"/);
      const url = `http://127.0.0.1:${port}/api/v1`;
      const login = await fetch(`${url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'li.na', password: 'a-long-password' }),
      });
      const { token } = (await login.json()) as { token: string };
      const retry = await fetch(`${url}/sync/push`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': key,
        },
        body,
      });
      const answer = (await retry.json()) as { results?: { status: string }[] };
      assert.equal(retry.status, 200, JSON.stringify(answer));
      assert.equal(answer.results?.[0]?.status, 'applied');
      assert.match(run.output(), /released idempotency keys left running by a dead process/);
    } finally {
      run.child.kill('SIGTERM');
    }
    assert.equal(await run.exited, 0);
  });
});
