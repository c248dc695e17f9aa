// The store under test in the scale bench. SALES_SYNC_DATABASE_URL picks it: a postgres:// URL
// selects PostgreSQL (once the store supports it), anything else — or nothing — a SQLite file
// in a temporary folder. Everything the bench does to the store goes through `BenchStore`
// and portable SQL through Kysely, so a store kind is one entry of `openers`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db, Store } from '../server/store/db';
import { openMigratedStore } from '../server/store/open';

export interface BenchStore {
  /** 'sqlite' or 'postgres', for the table's title. */
  kind: string;
  store: Store;
  /** Bytes the store's tables and indexes take now (after its writes reached them). */
  bytes: () => Promise<number>;
  close: () => Promise<void>;
}

type Opener = (url: string | undefined, now: () => Date) => Promise<BenchStore>;

async function openSqlite(_url: string | undefined, now: () => Date): Promise<BenchStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-scale-'));
  const store = await openMigratedStore(path.join(dir, 'scale.db'), now);
  return {
    kind: 'sqlite',
    store,
    bytes: async () => {
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      return sqliteBytes(store.db);
    },
    close: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Pages in use (not free) × page size. */
export async function sqliteBytes(db: Db): Promise<number> {
  const result = await sql<{ bytes: number }>`SELECT (p.page_count - f.freelist_count) * s.page_size
    AS bytes FROM pragma_page_count() p, pragma_freelist_count() f, pragma_page_size() s`.execute(
    db,
  );
  return result.rows[0]?.bytes ?? 0;
}

/** Store kinds by URL scheme; PostgreSQL adds `postgres: openPostgres` here. */
const openers: Record<string, Opener> = {
  sqlite: openSqlite,
};

export function selectedKind(url = process.env.SALES_SYNC_DATABASE_URL): string {
  return url && /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite';
}

export async function openBenchStore(now: () => Date): Promise<BenchStore> {
  const url = process.env.SALES_SYNC_DATABASE_URL;
  const kind = selectedKind(url);
  const open = openers[kind];
  if (!open) throw new Error(`the scale bench has no ${kind} store yet`);
  return open(url, now);
}
