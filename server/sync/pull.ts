// GET /api/v1/sync/pull: no cursor → everything that matches; a cursor → only what changed
// since. A cursor the server can no longer honour (another dataset or filter, from before the
// tombstone horizon, or ahead of this store) answers reset: true with a fresh first page.
import type { PullQuery, PullResponse } from '../../shared/protocol';
import type { Db } from '../store/db';
import type { AuthUser } from '../services/users';
import { currentSeq } from './changes';
import { decodeCursor, encodeCursor, filterHash } from './cursor';
import type { DatasetHandler } from './handler';
import { limitPageToRegions } from './region-scope';

/** The seq a computed (snapshot) pull gives its last page: never a change number. */
const SNAPSHOT_END = Number.MAX_SAFE_INTEGER;

interface PullInput {
  db: Db;
  handler: DatasetHandler;
  user: AuthUser;
  query: PullQuery;
  now: Date;
}

export async function runPull(input: PullInput): Promise<PullResponse> {
  const { query, handler } = input;
  const { cursor: cursorText, limit, dataset, ...filter } = query;
  const hash = filterHash(filter);
  if (handler.beforePull) await handler.beforePull(input.db, input.now);
  const counters = await currentSeq(input.db);
  const decoded = cursorText ? decodeCursor(cursorText) : null;
  const usable =
    decoded !== null &&
    decoded.d === dataset &&
    decoded.f === hash &&
    decoded.s <= counters.seq &&
    (decoded.s >= counters.horizon || decoded.i !== undefined);
  const reset = cursorText !== undefined && !usable;
  const afterSeq = usable ? decoded.s : 0;
  const firstLoadUpTo = usable ? (decoded.i ?? 0) : counters.safe;
  if (!handler.pull) throw new Error(`dataset ${dataset} has no pull`);
  const raw = await handler.pull({
    db: input.db,
    user: input.user,
    filter,
    afterSeq,
    skipTombstonesUpTo: firstLoadUpTo,
    limit,
    now: input.now,
  });
  const page = await limitPageToRegions(input.db, {
    user: input.user,
    page: raw,
    skipTombstonesUpTo: firstLoadUpTo,
    ...(handler.def.pull?.regionBy === undefined ? {} : { regionBy: handler.def.pull.regionBy }),
  });
  // Rows are in change order. Those numbered above `safe` may have lower-numbered neighbours
  // still being written (PostgreSQL, docs/postgresql.md): they wait for the next pull, and the
  // cursor stops at `safe`, having sent everything up to it. Computed pulls' rows carry page
  // numbers, or SNAPSHOT_END on their last page, and go as they are.
  const held = page.rows.findIndex((row) => row.seq > counters.safe && row.seq < SNAPSHOT_END);
  const rows = held === -1 ? page.rows : page.rows.slice(0, held);
  const hasMore = held === -1 && page.hasMore;
  const lastSeq = rows.at(-1)?.seq ?? afterSeq;
  const next =
    held !== -1
      ? Math.max(afterSeq, counters.safe)
      : hasMore
        ? lastSeq
        : Math.max(lastSeq, counters.safe);
  const stillFirstLoad = hasMore && firstLoadUpTo > 0;
  return {
    dataset,
    rows: rows.map(({ seq: _seq, ...row }) => row),
    cursor: encodeCursor({
      d: dataset,
      f: hash,
      s: next,
      ...(stillFirstLoad ? { i: firstLoadUpTo } : {}),
    }),
    hasMore,
    reset,
  };
}
