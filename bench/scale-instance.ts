// A second server instance for the scale bench on PostgreSQL: server/main.ts in a process of its
// own on the bench's database, as a second machine behind a reverse proxy would run it
// (docs/postgresql.md). It signs in over HTTP, so its token comes from its own clock.
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface Instance {
  url: string;
  signIn: (username: string, password: string) => Promise<string>;
  stop: () => Promise<void>;
}

export async function startInstance(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: os.tmpdir(),
      HOST: '127.0.0.1',
      PORT: String(port),
      SALES_SYNC_DATABASE_URL: databaseUrl,
      SALES_SYNC_DEMO: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error('the second instance exited at start-up');
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 600) throw new Error('the second instance did not start in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    signIn: async (username, password) => {
      const res = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      const body = (await res.json()) as { token?: string };
      if (!res.ok || !body.token) throw new Error(`sign-in on the second instance: ${res.status}`);
      return body.token;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
