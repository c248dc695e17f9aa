// Stores for tests: a SQLite file in a temp folder by default, or — when
// SALES_SYNC_TEST_DATABASE_URL points at a PostgreSQL server (npm run test:pg) — a fresh
// database per store, copied from a template migrated once per test process, and dropped after.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Store, StoreOptions } from '../../server/store/db';
import { openMigratedStore } from '../../server/store/open';

/** The PostgreSQL server the tests run against, if any (a URL of its maintenance database). */
const testDatabaseUrl = process.env.SALES_SYNC_TEST_DATABASE_URL || undefined;
export const onPostgres = testDatabaseUrl !== undefined;

export interface TestStore {
  store: Store;
  /** What the CLI or a second instance would be given: the SQLite file or the database URL. */
  location: string;
  /** Closes the store and removes its file or database. */
  drop: () => Promise<void>;
}

let counter = 0;
let template: Promise<string> | undefined;

const databaseUrl = (name: string) => {
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database (C collation, like SQLite's byte order) and returns its URL. */
export async function createTestDatabase(from?: string): Promise<string> {
  // The random part keeps names apart even if this module is ever loaded twice in one process.
  const name = `sales_sync_test_${process.pid}_${++counter}_${randomBytes(4).toString('hex')}`;
  await admin((client) =>
    client.query(
      from
        ? `CREATE DATABASE ${name} TEMPLATE ${from}`
        : `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
    ),
  );
  return databaseUrl(name);
}

export async function dropTestDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A migrated database to copy: migrating once per process keeps each test's store quick. */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const url = await createTestDatabase();
    const store = await openMigratedStore(url);
    await store.close();
    return new URL(url).pathname.slice(1);
  })();
  return template;
}

export async function openTestStore(
  options: { now?: () => Date; store?: StoreOptions; migrated?: boolean } = {},
): Promise<TestStore> {
  const now = options.now ?? (() => new Date());
  if (testDatabaseUrl) {
    const url = await createTestDatabase(
      options.migrated === false ? undefined : await migratedTemplate(),
    );
    const store = await openMigratedStore(url, now, options.store);
    return {
      store,
      location: url,
      drop: async () => {
        await store.close();
        await dropTestDatabase(url);
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-store-'));
  const file = path.join(dir, 'test.db');
  const store = await openMigratedStore(file, now, options.store);
  return {
    store,
    location: file,
    drop: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The template goes when the test process ends (a root hook; mocha only).
if (typeof after === 'function')
  after(async () => {
    if (!template) return;
    const name = await template;
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

/**
 * A store for each test of the suite (`storePerSuite`: one for the whole suite), opened and
 * dropped by mocha hooks; the object answers for the current one.
 */
export function storePerTest(): Store {
  return hookedStore({ start: beforeEach, stop: afterEach });
}

export function storePerSuite(): Store {
  return hookedStore({ start: before, stop: after });
}

function hookedStore(hooks: {
  start: (fn: () => Promise<void>) => void;
  stop: (fn: () => Promise<void>) => void;
}): Store {
  let current: TestStore | undefined;
  hooks.start(async () => {
    current = await openTestStore();
  });
  hooks.stop(async () => {
    await current?.drop();
    current = undefined;
  });
  return new Proxy({} as Store, {
    get(_target, key) {
      if (!current) throw new Error('the suite store is used outside its suite’s tests');
      return Reflect.get(current.store, key, current.store);
    },
  });
}
