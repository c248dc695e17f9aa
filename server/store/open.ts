// Opens and migrates the store: what main.ts, the CLI and tests all start from. The location is
// a SQLite file, or a postgres:// URL (SALES_SYNC_DATABASE_URL).
import { sql } from 'kysely';
import {
  isPostgresUrl,
  openPostgresStore,
  openStore,
  type PostgresStore,
  type SqliteStore,
  type Store,
  type StoreOptions,
} from './db';
import { EXPOSURE_MIGRATION, migrate } from './migrate';

/**
 * Migrates, then fills what a migration added from the data already there, with today's code
 * (all migrations ran by then): the dealers' credit exposure from the ledger (EXPOSURE_MIGRATION).
 */
async function migrateAndFill(store: Store, now: () => Date): Promise<void> {
  const applied = await migrate(store.db, now);
  if (applied.includes(EXPOSURE_MIGRATION)) {
    const { rebuildExposure } = await import('../services/exposure-rebuild');
    await rebuildExposure(store.db, { repair: true });
  }
}

export async function openMigratedStore(
  location: string,
  now: () => Date = () => new Date(),
  options: StoreOptions = {},
): Promise<Store> {
  const store = isPostgresUrl(location)
    ? openPostgresStore(location, options)
    : openStore(location, options);
  try {
    if (store.dialect === 'postgres') await checkCollation(store, options);
    await migrateAndFill(store, now);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** A migrated SQLite store, for what needs its raw connection (the benchmark's baselines). */
export async function openMigratedSqlite(
  file: string,
  now: () => Date = () => new Date(),
  options: StoreOptions = {},
): Promise<SqliteStore> {
  const store = openStore(file, options);
  try {
    await migrateAndFill(store, now);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * Text sorts byte by byte in SQLite; PostgreSQL sorts by the database's collation, so a
 * database made with another one would page and order rows differently (docs/postgresql.md).
 */
async function checkCollation(store: PostgresStore, options: StoreOptions): Promise<void> {
  const { rows } = await sql<{ collation: string }>`
    SELECT datcollate AS collation FROM pg_database WHERE datname = current_database()`.execute(
    store.db,
  );
  const collation = rows[0]?.collation ?? '';
  if (collation !== 'C' && collation !== 'POSIX')
    options.logger?.warn('database collation is not C: text sorts differently than on SQLite', {
      collation,
    });
}
