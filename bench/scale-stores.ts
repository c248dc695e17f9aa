// The store under test in the scale bench. SALES_SYNC_DATABASE_URL picks it: a postgres:// URL
// (of a server the bench may create a database on: it makes a fresh one and drops it after)
// selects PostgreSQL; anything else — or nothing — a SQLite file in a temporary folder.
// Everything the bench does to the store goes through `BenchStore` and portable SQL through
// Kysely, so a store kind is one entry of `openers`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import type { Store } from '../server/store/db';
import { openMigratedSqlite, openMigratedStore } from '../server/store/open';

interface BenchStore {
  /** 'sqlite' or 'postgres', for the table's title. */
  kind: string;
  store: Store;
  /** A PostgreSQL URL another instance may open; undefined for SQLite (one process only). */
  sharedUrl?: string;
  /** Bytes the store's tables and indexes take now (after its writes reached them). */
  bytes: () => Promise<number>;
  /** After a bulk growth: what the store would have done by itself over time (checkpoint, statistics). */
  settle: () => Promise<void>;
  close: () => Promise<void>;
}

type Opener = (url: string | undefined, now: () => Date) => Promise<BenchStore>;

async function openSqlite(_url: string | undefined, now: () => Date): Promise<BenchStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-scale-'));
  const store = await openMigratedSqlite(path.join(dir, 'scale.db'), now);
  return {
    kind: 'sqlite',
    store,
    bytes: async () => {
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const result = await sql<{ bytes: number }>`SELECT (p.page_count - f.freelist_count)
        * s.page_size AS bytes FROM pragma_page_count() p, pragma_freelist_count() f,
        pragma_page_size() s`.execute(store.db);
      return result.rows[0]?.bytes ?? 0;
    },
    settle: () => {
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      return Promise.resolve();
    },
    close: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function openPostgres(url: string | undefined, now: () => Date): Promise<BenchStore> {
  if (!url) throw new Error('no PostgreSQL URL');
  const name = `sales_sync_bench_${process.pid}`;
  await onServer(
    url,
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
  );
  const target = new URL(url);
  target.pathname = `/${name}`;
  const store = await openMigratedStore(target.toString(), now);
  return {
    kind: 'postgres',
    store,
    sharedUrl: target.toString(),
    bytes: async () => {
      const result = await sql<{ bytes: number | string }>`SELECT sum(pg_total_relation_size(c.oid))
        AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'`.execute(store.db);
      return Number(result.rows[0]?.bytes ?? 0);
    },
    settle: async () => {
      await sql`ANALYZE`.execute(store.db);
    },
    close: async () => {
      await store.close();
      await onServer(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Store kinds by URL scheme. */
const openers: Record<string, Opener> = {
  sqlite: openSqlite,
  postgres: openPostgres,
};

function selectedKind(url = process.env.SALES_SYNC_DATABASE_URL): string {
  return url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export async function openBenchStore(now: () => Date): Promise<BenchStore> {
  const url = process.env.SALES_SYNC_DATABASE_URL;
  const kind = selectedKind(url);
  const open = openers[kind];
  if (!open) throw new Error(`the scale bench has no ${kind} store`);
  return open(url, now);
}
