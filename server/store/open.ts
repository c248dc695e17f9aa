// Opens and migrates the store: what main.ts, the CLI and tests all start from.
import { openStore, type Store } from './db';
import { migrate } from './migrate';

/** Fills what a migration added from the data already there, with today's code. */
async function backfill(store: Store, applied: readonly number[]): Promise<void> {
  if (applied.includes(7)) {
    // The dealers' credit exposure, from the ledger (migration 007).
    const { rebuildExposure } = await import('../services/exposure-rebuild');
    await rebuildExposure(store.db, { repair: true });
  }
}

export async function openMigratedStore(
  file: string,
  now: () => Date = () => new Date(),
): Promise<Store> {
  const store = openStore(file);
  await backfill(store, await migrate(store.db, now));
  return store;
}
