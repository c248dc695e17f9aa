// Paging for the computed (derived) pulls: target splits, achievement, replenishment, fair
// guidance, delivery variance. Their rows depend on today's date and on many sources, so a
// row has no change_seq of its own. Strategy, within the pull engine (server/sync/pull.ts):
// - a first load is paged by page number: rows of page k carry seq k + 1, which the engine
//   puts in the cursor (always ≤ the change counter the load started at, which the engine
//   checks; when it would not be, the rest goes in one page);
// - the last page carries seq SNAPSHOT_END, beyond any real counter, so the cursor a finished
//   load leaves can never be honoured: the next refresh answers `reset: true` with the full
//   current result, and the client replaces the table — rows that vanished vanish too.
// - version is a hash of the row's values, so a client can tell which rows changed.
import { createHash } from 'node:crypto';
import type { PullPage, PullRequest } from '../sync/handler';

export const SNAPSHOT_END = Number.MAX_SAFE_INTEGER;

export interface DerivedRow {
  key: string;
  values: Record<string, unknown>;
}

/** A positive 31-bit integer from the row's values. */
function versionOf(values: Record<string, unknown>): number {
  const digest = createHash('sha1').update(JSON.stringify(values)).digest();
  return digest.readUInt32BE(0) & 0x7fffffff || 1;
}

/** One page of a computed result, sorted by key. */
export function pageSnapshot(rows: readonly DerivedRow[], request: PullRequest): PullPage {
  const sorted = [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const isFirstLoad = request.skipTombstonesUpTo > 0;
  const page = isFirstLoad ? request.afterSeq : 0;
  const start = page * request.limit;
  const fits = page + 1 <= request.skipTombstonesUpTo;
  const hasMore = isFirstLoad && fits && start + request.limit < sorted.length;
  const slice = hasMore ? sorted.slice(start, start + request.limit) : sorted.slice(start);
  const seq = hasMore ? page + 1 : SNAPSHOT_END;
  return {
    rows: slice.map((row) => ({
      key: row.key,
      version: versionOf(row.values),
      op: 'upsert',
      values: row.values,
      seq,
    })),
    hasMore,
  };
}

/** Drops null and undefined values, so optional pull columns stay empty. */
export function compact(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== null && v !== undefined),
  );
}
