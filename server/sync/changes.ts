// The one global change counter. Rows written in a transaction each take the next value, so a
// pull page boundary never splits rows that share a stamp.
//
// SQLite: the counter row is read, then written, inside the transaction; SQLite serialises
// writers (better-sqlite3 uses one connection behind Kysely), so numbers are taken in commit
// order and a pull may hand out a cursor at the counter.
//
// PostgreSQL: writers run side by side and may commit out of order, so a transaction holding
// a low number can commit after one holding a higher number; a client that pulled in between
// with a cursor at the higher number would never see the lower one. Writers therefore take
// numbers in blocks from the sequence change_seq_blocks and announce themselves first with a
// shared advisory lock keyed by the lowest block they can get; the lock lasts until they commit
// or roll back. A pull hands out cursors only below the oldest announced block
// (`safe` in currentSeq): rows numbered above it wait for a later pull. docs/postgresql.md.
import { sql } from 'kysely';
//
// It stays apart from the document numbers (doc-numbers.ts): it is one counter that every write
// of every dataset advances, a stamp pull cursors compare, never a name a person sees.
import type { Db } from '../store/db';
import { CHANGE_BLOCK } from '../store/change-blocks';
import { isPostgres } from '../store/dialect';
import { openingLockPairs, type KeyLocks } from '../store/locks';
import type { WriteContext } from './handler';

interface SeqAllocator {
  next: () => number;
  flush: () => Promise<void>;
}

/** A transaction used more change numbers than it reserved; it is retried with more. */
export class ChangeNumbersExhausted extends Error {
  constructor(readonly reserved: number) {
    super(`change numbers exhausted after ${reserved}`);
  }
}

/**
 * The in-flight announcements: bigint advisory locks whose high 16 bits are this namespace
 * and whose low 48 bits are a block index (block b holds numbers b·BLOCK+1 … (b+1)·BLOCK).
 */
const INFLIGHT = 0x5353;
const INFLIGHT_BASE = BigInt(INFLIGHT) << 48n;

/**
 * `expected` is how many numbers the caller thinks it needs (PostgreSQL reserves that many up
 * front: `next` must not wait); past them, `next` throws ChangeNumbersExhausted.
 */
export async function openSeqAllocator(
  trx: Db,
  expected = CHANGE_BLOCK,
  locks: readonly KeyLocks[] = [],
): Promise<SeqAllocator> {
  if (isPostgres(trx)) return openBlockAllocator(trx, expected, locks);
  const row = await trx
    .selectFrom('counters')
    .select('value')
    .where('name', '=', 'change_seq')
    .executeTakeFirstOrThrow();
  const start = row.value;
  let current = start;
  return {
    next: () => ++current,
    flush: async () => {
      if (current !== start)
        await trx
          .updateTable('counters')
          .set({ value: current })
          .where('name', '=', 'change_seq')
          .execute();
    },
  };
}

/**
 * First the announcement, keyed by the next block the sequence can give; only then the blocks,
 * which are all at or above it. A pull reads the sequence first and the locks second, so it
 * either sees this lock or took its top before these blocks existed. Then the write's opening
 * locks. All three in one statement, the function open_write (migration 070), which takes
 * them in this order.
 */
async function openBlockAllocator(
  trx: Db,
  expected: number,
  locks: readonly KeyLocks[],
): Promise<SeqAllocator> {
  const count = Math.max(1, Math.ceil(expected / CHANGE_BLOCK));
  const pairs = openingLockPairs(trx, locks);
  const { rows } = await sql<{ start: number }>`
    SELECT open_write(${INFLIGHT_BASE.toString()}::int8, ${CHANGE_BLOCK}::int8, ${count}::int4,
      ${pairs.spaces}::int4[], ${pairs.keys}::int4[]) AS start`.execute(trx);
  pairs.taken();
  const starts = rows.map((r) => r.start).sort((a, b) => a - b);
  let block = 0;
  let used = 0;
  return {
    next: () => {
      if (used === CHANGE_BLOCK) {
        block += 1;
        used = 0;
      }
      const start = starts[block];
      if (start === undefined) throw new ChangeNumbersExhausted(starts.length * CHANGE_BLOCK);
      used += 1;
      return start + used - 1;
    },
    flush: () => Promise.resolve(),
  };
}
/** Deadlock, serialisation failure, or two writers creating the same key at once (PostgreSQL). */
const RETRY_CODES = new Set(['40P01', '40001', '23505']);
const MAX_ATTEMPTS = 4;

function retryable(error: unknown): boolean {
  if (error instanceof ChangeNumbersExhausted) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRY_CODES.has(code);
}

/**
 * A writing transaction with its change numbers, holding `locks` from its start (PostgreSQL;
 * as lockKeys would take them, in the order given). On PostgreSQL it runs again, from the
 * start, when it lost a race to another transaction or used more change numbers than
 * `expected` (four times as many each time); SQLite never needs to.
 */
export async function inWriteTransaction<T>(
  db: Db,
  expected: number,
  work: (trx: Db, seq: SeqAllocator) => Promise<T>,
  locks: readonly KeyLocks[] = [],
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db
        .transaction()
        .execute(async (trx) =>
          work(
            trx,
            await openSeqAllocator(
              trx,
              Math.max(expected, CHANGE_BLOCK) * 4 ** (attempt - 1),
              locks,
            ),
          ),
        );
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isPostgres(db) || !retryable(error)) throw error;
    }
  }
}

/** The columns a written row carries besides its values: version, change stamp, when and who. */
export function rowStamp(ctx: Pick<WriteContext, 'nextSeq' | 'now' | 'actor'>, version: number) {
  return {
    version,
    change_seq: ctx.nextSeq(),
    updated_at: ctx.now.toISOString(),
    updated_by: ctx.actor.user.username,
  };
}

interface ChangeCounters {
  /** The highest change number handed out. */
  seq: number;
  /** Every change numbered up to here is committed or rolled back: a cursor may stop here. */
  safe: number;
  /** Cursors below this are too old (tombstones before it are gone). */
  horizon: number;
}

export async function currentSeq(db: Db): Promise<ChangeCounters> {
  const rows = await db
    .selectFrom('counters')
    .select(['name', 'value'])
    .where('name', 'in', ['change_seq', 'horizon'])
    .execute();
  const get = (name: string) => rows.find((r) => r.name === name)?.value ?? 0;
  const horizon = get('horizon');
  if (!isPostgres(db)) return { seq: get('change_seq'), safe: get('change_seq'), horizon };
  // The sequence first, then the announcements (see openBlockAllocator): two statements, in
  // this order.
  const top = await sql<{ top: number }>`
    SELECT CASE WHEN is_called THEN last_value + ${CHANGE_BLOCK - 1} ELSE 0 END AS top
    FROM change_seq_blocks`.execute(db);
  const seq = top.rows[0]?.top ?? 0;
  const oldest = await sql<{ block: number | null }>`
    SELECT min(((classid::int8 & 65535) << 32) | objid::int8) AS block FROM pg_locks
    WHERE locktype = 'advisory' AND objsubid = 1 AND (classid::int8 >> 16) = ${INFLIGHT}
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`.execute(db);
  const block = oldest.rows[0]?.block ?? null;
  return { seq, safe: block === null ? seq : Math.min(seq, block * CHANGE_BLOCK), horizon };
}

/** Business dates are Asia/Shanghai calendar dates (UTC+8, no daylight saving). */
export function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
