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

export interface PullInput {
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
  const firstLoadUpTo = usable ? (decoded.i ?? 0) : counters.seq;
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
  });
  const lastSeq = page.rows.at(-1)?.seq ?? afterSeq;
  const next = page.hasMore ? lastSeq : Math.max(lastSeq, counters.seq);
  const stillFirstLoad = page.hasMore && firstLoadUpTo > 0;
  return {
    dataset,
    rows: page.rows.map(({ seq: _seq, ...row }) => row),
    cursor: encodeCursor({
      d: dataset,
      f: hash,
      s: next,
      ...(stillFirstLoad ? { i: firstLoadUpTo } : {}),
    }),
    hasMore: page.hasMore,
    reset,
  };
}
