// Opens and migrates the store: what main.ts, the CLI and tests all start from.
import { openStore, type Store } from './db';
import { migrate } from './migrate';

export async function openMigratedStore(
  file: string,
  now: () => Date = () => new Date(),
): Promise<Store> {
  const store = openStore(file);
  await migrate(store.db, now);
  return store;
}
