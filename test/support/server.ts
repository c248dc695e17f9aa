// A real server for tests: a fresh store (a SQLite file in a temp folder, or a fresh PostgreSQL
// database when SALES_SYNC_TEST_DATABASE_URL is set — support/store.ts), the real app on an
// ephemeral port, and helpers to sign in and call it over real HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app';
import { silentLogger } from '../../server/logger';
import type { AppDeps } from '../../server/routes/route';
import type { Store } from '../../server/store/db';
import { openMigratedStore } from '../../server/store/open';
import { openTestStore } from './store';
import { hashPassword } from '../../server/services/passwords';
import { buildRegistry } from '../../server/sync/registry';
import { roles, type Role } from '../../shared/roles';

export const TEST_ORIGIN = 'https://addin.test';
export const PASSWORD = 'test-password';
/**
 * A cheap scrypt cost for test users: the suite signs in hundreds of times. The production
 * cost (passwords.ts) has its own test (sign-in-limits.test.ts).
 */
export const TEST_PASSWORD_PARAMS = { N: 2 ** 10, r: 8, p: 1 };

let passwordHash: string | undefined;

export interface TestServer {
  url: string;
  store: Store;
  /** The store's SQLite file or PostgreSQL URL: a second instance opens the same. */
  location: string;
  dir: string;
  deps: AppDeps;
  /** Signs in as `<role>-user` (one user per role exists) and returns the bearer token. */
  tokenFor: (role: Role) => Promise<string>;
  /** fetch against the server with a role's token and JSON handling. */
  call: (
    role: Role | null,
    pathname: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: any; headers: Headers }>;
  close: () => Promise<void>;
}

export interface TestServerOptions {
  now?: () => Date;
  /** Seed before the server starts (master data, stock…). */
  seed?: (store: Store) => Promise<void>;
  deps?: Partial<AppDeps>;
  /**
   * Another instance over an existing store (its location): opens a store of its own on it,
   * adds no users, and leaves the store in place when it closes.
   */
  sharing?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-'));
  const now = options.now ?? (() => new Date());
  const opened = options.sharing
    ? {
        store: await openMigratedStore(options.sharing, now),
        location: options.sharing,
        drop: () => Promise.resolve(),
      }
    : await openTestStore({ now });
  const { store, location } = opened;
  if (options.sharing) opened.drop = () => store.close();
  else {
    // One scrypt hash per test process: the users differ only by name and role.
    passwordHash ??= await hashPassword(PASSWORD, TEST_PASSWORD_PARAMS);
    const created = now().toISOString();
    await store.db
      .insertInto('users')
      .values(
        roles.map((role) => ({
          username: `${role}-user`,
          display_name: `${role}-user`,
          role,
          regions: '[]',
          password_hash: passwordHash!,
          status: 'active',
          created_at: created,
        })),
      )
      .execute();
  }
  await options.seed?.(store);
  const deps: AppDeps = {
    db: store.db,
    now,
    logger: silentLogger,
    handlers: buildRegistry(),
    tokenHours: 12,
    allowedOrigins: [TEST_ORIGIN],
    passwordParams: TEST_PASSWORD_PARAMS,
    ...options.deps,
  };
  const app = createApp(deps);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // The client (undici, 4 s) must give up an idle connection before the server (Node, 5 s) does:
  // on a loaded machine a request sent on a socket the server is closing fails with ECONNRESET.
  server.keepAliveTimeout = 30_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new Map<Role, string>();
  const tokenFor = async (role: Role) => {
    const cached = tokens.get(role);
    if (cached) return cached;
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: `${role}-user`, password: PASSWORD }),
    });
    const body = (await res.json()) as { token: string };
    tokens.set(role, body.token);
    return body.token;
  };
  const call: TestServer['call'] = async (role, pathname, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (role) headers.authorization = `Bearer ${await tokenFor(role)}`;
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    const body =
      init.body === undefined
        ? undefined
        : typeof init.body === 'string' || init.body instanceof Uint8Array
          ? (init.body as BodyInit)
          : JSON.stringify(init.body);
    const res = await fetch(`${url}${pathname}`, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    url,
    store,
    location,
    dir,
    deps,
    tokenFor,
    call,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await opened.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface SuiteServerOptions extends TestServerOptions {
  /** Runs once after the server starts, before the suite's tests (seed sales data…). */
  prepare?: (server: TestServer) => Promise<unknown>;
}

/**
 * One server for the enclosing mocha suite: started (and prepared) before its first test and
 * closed after its last. Call it in the `describe` body; the value it returns stands for the
 * server once started, so tests and hooks use it like the server itself.
 */
export function suiteServer(options: SuiteServerOptions = {}): TestServer {
  return hookedServer(options, { start: before, stop: after });
}

/** As `suiteServer`, but a fresh server (and store) for each test of the suite. */
export function serverPerTest(options: SuiteServerOptions = {}): TestServer {
  return hookedServer(options, { start: beforeEach, stop: afterEach });
}

function hookedServer(
  options: SuiteServerOptions,
  hooks: { start: (fn: () => Promise<void>) => void; stop: (fn: () => Promise<void>) => void },
): TestServer {
  let current: TestServer | undefined;
  hooks.start(async () => {
    current = await startTestServer(options);
    await options.prepare?.(current);
  });
  hooks.stop(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as TestServer, {
    get(_target, key) {
      if (!current) throw new Error('the suite server is used outside its suite’s tests');
      return Reflect.get(current, key, current);
    },
  });
}
