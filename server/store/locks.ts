// PostgreSQL advisory locks, so several server instances on one database take turns where one
// process used to be alone: migrations, the demo seed, stock balances, change numbers. Every
// key is a pair (namespace, number); the namespaces below are this application's. SQLite has one
// writer at a time already, so each helper does nothing there.
import { sql } from 'kysely';
import type { Db } from './db';
import { isPostgres } from './dialect';

/** Two-int advisory lock namespaces (arbitrary, fixed: 0x5353 'SS' in the high half). */
export const lockSpace = {
  /** Start-up work that must run once: migrations (1), the demo seed (2). */
  once: 0x5353_0001,
  /** A stock balance (location × SKU), by a 32-bit hash of its key. */
  stockPair: 0x5353_0002,
  /** A pushed row (dataset + row key): two pushes of one row take turns. */
  rowKey: 0x5353_0003,
  /** A dealer's credit: two order pushes for one dealer check its limit in turn. */
  dealerCredit: 0x5353_0004,
  /** An order's deposit figures (order_exposure), read and rewritten by one writer at a time. */
  orderExposure: 0x5353_0005,
  /** What has been returned of a shipment: two return pushes check its cap in turn. */
  shipmentReturns: 0x5353_0040,
  /** Samples issued per dealer × season × item (sample_use): quota checks take turns. */
  sampleUse: 0x5353_0065,
} as const;

export const onceLocks = { migrate: 1, demoSeed: 2 } as const;

/** FNV-1a, as a signed 32-bit integer (an advisory lock key half). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Keys of one namespace a write locks (as `lockKeys` does), given before it starts. */
export interface KeyLocks {
  space: number;
  keys: Iterable<string>;
}

/** A namespace's keys as lock halves: hashed, unique, ascending. */
const lockHalves = (keys: Iterable<string>) =>
  [...new Set([...keys].map(hash32))].sort((a, b) => a - b);

/**
 * The locks a transaction took as it opened (server/sync/changes.ts), by transaction: a later
 * `lockKeys` of the same keys needs no round trip. Only those: a lock taken after a SAVEPOINT
 * goes when the transaction rolls back to it, one taken before any savepoint stays to the end.
 */
const openingLocks = new WeakMap<Db, Set<string>>();
const heldKey = (space: number, half: number) => `${space}:${half}`;

/**
 * The (space, key) pairs of `locks` in lock order — the namespaces as given, each one's keys
 * ascending — as two parallel arrays, leaving out those `skip` says are held already.
 */
function lockPairs(
  locks: readonly KeyLocks[],
  skip: (space: number, half: number) => boolean = () => false,
): { spaces: number[]; keys: number[] } {
  const spaces: number[] = [];
  const keys: number[] = [];
  for (const { space, keys: wanted } of locks)
    for (const half of lockHalves(wanted))
      if (!skip(space, half)) {
        spaces.push(space);
        keys.push(half);
      }
  return { spaces, keys };
}

/**
 * The (space, key) pairs to lock as a write opens, in lock order, noted as held by `trx` once
 * the caller has taken them.
 */
export function openingLockPairs(
  trx: Db,
  locks: readonly KeyLocks[],
): { spaces: number[]; keys: number[]; taken: () => void } {
  const { spaces, keys } = lockPairs(locks);
  const taken = () => {
    const held = openingLocks.get(trx) ?? new Set<string>();
    spaces.forEach((space, i) => held.add(heldKey(space, keys[i] ?? 0)));
    openingLocks.set(trx, held);
  };
  return { spaces, keys, taken };
}

/**
 * Locks the given keys of a namespace until the transaction ends, in ascending key order so two
 * transactions locking overlapping sets cannot deadlock on them. PostgreSQL only.
 */
export async function lockKeys(trx: Db, space: number, keys: Iterable<string>): Promise<void> {
  await lockKeySets(trx, [{ space, keys }]);
}

/**
 * Locks several namespaces' keys in one statement, in the order given (each namespace's keys
 * ascending): the same order as one `lockKeys` per namespace, one round trip instead of several.
 * Keys the transaction opened with are skipped. PostgreSQL only.
 */
export async function lockKeySets(trx: Db, locks: readonly KeyLocks[]): Promise<void> {
  if (!isPostgres(trx)) return;
  const held = openingLocks.get(trx);
  const { spaces, keys } = lockPairs(
    locks,
    (space, half) => held?.has(heldKey(space, half)) ?? false,
  );
  if (keys.length === 0) return;
  // unnest of two arrays yields their elements side by side, in order; the aggregate takes
  // the locks row by row in that order.
  await sql`SELECT count(pg_advisory_xact_lock(s, k))
    FROM unnest(${spaces}::int4[], ${keys}::int4[]) AS t(s, k)`.execute(trx);
}

/**
 * Runs `work` while this process holds a one-off lock on a connection of its own (PostgreSQL;
 * on SQLite it just runs): another instance starting at the same moment waits, then finds the
 * work done. The work itself uses the pool, so the pool needs a second connection.
 */
export async function whileHoldingOnce<T>(
  db: Db,
  which: number,
  work: () => Promise<T>,
): Promise<T> {
  if (!isPostgres(db)) return work();
  return db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${lockSpace.once}::int4, ${which}::int4)`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(${lockSpace.once}::int4, ${which}::int4)`.execute(
        connection,
      );
    }
  });
}
