// How long a small request waits while the server works on a heavy upload, measured as a user
// would see it: the server runs as its own process (server/main.ts on a fresh store), a second
// process asks GET /api/v1/health every 20 ms and reports the slowest answer, and this process
// uploads (1) a 50,000-row products workbook and (2) a shared-strings bomb. Also prints the bytes
// of a 2,000-row sales-facts page with and without compression, and how many failed sign-ins
// come before a 429.
//   npx tsx bench/stall.ts [server-root]   (server-root: another checkout, for a before/after)
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sharedStringsBomb } from '../test/fixtures/xlsx/hostile';
import { productsWorkbook } from './import';

const PROBE = `
const url = process.argv[1];
let worst = 0, count = 0, stop = false;
process.on('message', () => { stop = true; });
(async () => {
  while (!stop) {
    const t = performance.now();
    try { await fetch(url); } catch {}
    const ms = performance.now() - t;
    worst = Math.max(worst, ms); count += 1;
    await new Promise((r) => setTimeout(r, 20));
  }
  process.send({ worst, count }, () => process.exit(0));
})();`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

async function worstStallDuring(url: string, work: () => Promise<unknown>): Promise<number> {
  const probe = spawn(process.execPath, ['-e', PROBE, `${url}/api/v1/health`], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise((r) => setTimeout(r, 300));
  await work();
  await new Promise((r) => setTimeout(r, 300));
  const result = new Promise<{ worst: number }>((resolve) => probe.once('message', resolve));
  probe.send('stop');
  return Math.round((await result).worst);
}

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? '.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stall-'));
  const db = path.join(dir, 'stall.db');
  // The store is made by the checkout under test's own code, so before/after compare alike.
  const from = (file: string) => import(path.join(root, file));
  const { openMigratedStore } = (await from(
    'server/store/open.ts',
  )) as typeof import('../server/store/open');
  const { addUser } = (await from(
    'server/services/users.ts',
  )) as typeof import('../server/services/users');
  const { seedDemo } = (await from('server/demo/seed.ts')) as typeof import('../server/demo/seed');
  const store = await openMigratedStore(db);
  await addUser(
    store.db,
    { username: 'boss', role: 'admin', password: 'stall-password' },
    new Date(),
  );
  await seedDemo(store, { seed: 1, today: '2026-11-27', scale: 0.25 });
  await store.close();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SALES_SYNC_DB: db, SALES_SYNC_DEMO: '0', HOME: dir },
    stdio: ['ignore', 'ignore', process.env.STALL_DEBUG ? 'inherit' : 'ignore'],
  });
  try {
    await waitForHealth(url);
    const login = async (password: string) =>
      fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'boss', password }),
      });
    const signedIn = await login('stall-password');
    if (!signedIn.ok)
      throw new Error(`sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
    const { token } = (await signedIn.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const upload = async (bytes: Buffer) => {
      const res = await fetch(`${url}/api/v1/import/products`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
      });
      return `${res.status} ${(await res.text()).slice(0, 80)}`;
    };
    let answer = '';
    const big = productsWorkbook(50_000);
    const importStall = await worstStallDuring(url, async () => (answer = await upload(big)));
    console.log(`50,000-row import: worst health stall ${importStall} ms (import ${answer})`);
    const bomb = sharedStringsBomb(195);
    const bombStall = await worstStallDuring(url, async () => (answer = await upload(bomb)));
    console.log(
      `shared-strings bomb (${(bomb.length / 1e6).toFixed(1)} MB upload): worst health stall ${bombStall} ms (${answer})`,
    );
    const page = `${url}/api/v1/sync/pull?dataset=sales-facts&limit=2000`;
    const plain = await fetch(page, { headers: { ...auth, 'accept-encoding': 'identity' } });
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const gz = await new Promise<number>((resolve, reject) => {
      // fetch inflates transparently; count the bytes on the wire with a raw request instead.
      void import('node:http').then(({ get }) =>
        get(page, { headers: { ...auth, 'accept-encoding': 'gzip' } }, (res) => {
          let n = 0;
          res.on('data', (c: Buffer) => (n += c.length));
          res.on('end', () => resolve(res.headers['content-encoding'] === 'gzip' ? n : -n));
        }).on('error', reject),
      );
    });
    console.log(
      `2,000-row sales-facts page: ${plainBytes} bytes plain, ${gz < 0 ? `not compressed (${-gz})` : `${gz} bytes gzipped`}`,
    );
    let failures = 0;
    for (; failures < 100; failures += 1) {
      const res = await login(`wrong-${failures}`);
      if (res.status === 429) break;
    }
    console.log(`failed sign-ins before 429: ${failures >= 100 ? 'none in 100' : failures}`);
  } finally {
    server.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
