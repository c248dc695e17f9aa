// The duplicate guards' memory is kept for a while, not for ever (docs/retention.md):
// - stored push replies (guard 1, `idempotency`) for SALES_SYNC_REPLY_DAYS: a retry with the same
//   Idempotency-Key after that runs as a new request;
// - applied mutation ids (guard 2, `applied_mutations`) for SALES_SYNC_MUTATION_DAYS: a mutation
//   sent again after that is applied as new, and the row key (guard 3) still finds the row it
//   made, so nothing is created twice.
// Pruning runs off the requests' path: a timer deletes the oldest rows past their retention in
// bounded batches, yielding to requests between batches, and stops for the tick when a batch
// comes back short.
import type { Logger } from '../logger';
import type { Db } from '../store/db';

const DAY_MS = 24 * 60 * 60 * 1000;

interface RetentionPolicy {
  replyDays: number;
  mutationDays: number;
}

interface PruneOptions {
  /** Rows per DELETE statement. */
  batch?: number;
  /** DELETE statements per table and tick, so one tick never holds the store for long. */
  maxBatches?: number;
}

interface Pruned {
  replies: number;
  mutations: number;
}

const cutoff = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Deletes up to `batch` stored replies older than the cutoff, oldest first. */
async function pruneReplies(db: Db, before: string, batch: number): Promise<number> {
  const result = await db
    .deleteFrom('idempotency')
    .where((eb) =>
      eb(
        eb.refTuple('user_id', 'key'),
        'in',
        eb
          .selectFrom('idempotency as old')
          .select(['old.user_id', 'old.key'])
          .where('old.created_at', '<', before)
          .orderBy('old.created_at')
          .limit(batch)
          .$asTuple('user_id', 'key'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes up to `batch` applied mutation ids older than the cutoff, oldest first. */
async function pruneMutations(db: Db, before: string, batch: number): Promise<number> {
  const result = await db
    .deleteFrom('applied_mutations')
    .where((eb) =>
      eb(
        eb.refTuple('client_id', 'mutation_id'),
        'in',
        eb
          .selectFrom('applied_mutations as old')
          .select(['old.client_id', 'old.mutation_id'])
          .where('old.created_at', '<', before)
          .orderBy('old.created_at')
          .limit(batch)
          .$asTuple('client_id', 'mutation_id'),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** One round: each table's rows past their retention, in bounded batches. */
export async function pruneOnce(
  db: Db,
  now: Date,
  policy: RetentionPolicy,
  options: PruneOptions = {},
): Promise<Pruned> {
  const { batch = 1_000, maxBatches = 20 } = options;
  const run = async (
    prune: (db: Db, before: string, batch: number) => Promise<number>,
    days: number,
  ) => {
    const before = cutoff(now, days);
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const deleted = await prune(db, before, batch);
      total += deleted;
      if (deleted < batch) break;
      await yieldToRequests();
    }
    return total;
  };
  const replies = await run(pruneReplies, policy.replyDays);
  const mutations = await run(pruneMutations, policy.mutationDays);
  return { replies, mutations };
}

/**
 * Prunes every `intervalMs` (first after one interval); returns a function that stops it and
 * resolves once a round already running has finished.
 */
export function startPruning(
  deps: { db: Db; now: () => Date; logger: Logger },
  policy: RetentionPolicy,
  options: PruneOptions & { intervalMs?: number } = {},
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const round = async () => {
    try {
      const pruned = await pruneOnce(deps.db, deps.now(), policy, options);
      if (pruned.replies > 0 || pruned.mutations > 0) deps.logger.info('pruned', { ...pruned });
    } catch (error) {
      deps.logger.error('prune failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      running = null;
    }
  };
  const timer = setInterval(() => {
    running ??= round();
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
