// Pages through GET /sync/pull until the server has no more: everything that matches when there
// is no cursor, only the changes since it otherwise. The cursor that comes back is the one to
// keep; `reset` says the old cursor could not be honoured and the rows are a fresh full load.
import { limits as defaultLimits, type PullFilter, type PullRow } from '../../shared/protocol';
import type { WorkOptions } from '../app-api';
import type { UseCaseContext } from './context';

export interface Fetched {
  readonly rows: PullRow[];
  readonly cursor: string;
  readonly reset: boolean;
  readonly cancelled: boolean;
}

export async function fetchPull(
  ctx: UseCaseContext,
  query: { dataset: string; cursor?: string | undefined; filter: PullFilter },
  options: WorkOptions,
): Promise<Fetched> {
  const limit = (await ctx.meta()).limits.maxPullLimit ?? defaultLimits.maxPullLimit;
  const rows: PullRow[] = [];
  let cursor = query.cursor;
  let reset = false;
  for (let page = 0; ; page += 1) {
    if (options.signal?.aborted)
      return { rows: [], cursor: query.cursor ?? '', reset: false, cancelled: true };
    const answer = await ctx.api.pull({
      dataset: query.dataset,
      limit,
      ...query.filter,
      ...(cursor ? { cursor } : {}),
    });
    if (page === 0) reset = answer.reset;
    rows.push(...answer.rows);
    cursor = answer.cursor;
    options.onProgress?.({ phase: 'pull', done: rows.length, total: null });
    if (!answer.hasMore) return { rows, cursor, reset, cancelled: false };
  }
}
