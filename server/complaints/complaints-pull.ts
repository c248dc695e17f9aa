// Pull "complaints": the log with due times and status. Filters: from/to (opening date, in
// Shanghai), dealer, region; a region-limited sales user sees only their regions (scope.ts). In
// a delta pull a changed complaint that no longer matches goes out as a delete, so the sheet
// drops it. The status is worked out as of the pull; the `complaints-overdue` pull is the
// always-current list of open complaints past a due time.
import { shanghaiToUtc } from '../../shared/local-time';
import type { PullPage, PullRequest } from '../sync/handler';
import { inScope, scopeOf } from './scope';
import { pullValues } from './store';

/** The opening-time bounds of the from/to dates: [from 00:00, the day after `to` 00:00). */
function openedBounds(request: PullRequest): { from?: string; before?: string } {
  const { from, to } = request.filter;
  const dayAfter = (date: string) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return {
    ...(from ? { from: shanghaiToUtc(`${from} 00:00`) } : {}),
    ...(to ? { before: shanghaiToUtc(`${dayAfter(to)} 00:00`) } : {}),
  };
}

export async function pullComplaints(request: PullRequest): Promise<PullPage> {
  const rows = await request.db
    .selectFrom('complaints')
    .selectAll()
    .where('change_seq', '>', request.afterSeq)
    .orderBy('change_seq')
    .limit(request.limit)
    .execute();
  const scope = await scopeOf(request);
  const { from, before } = openedBounds(request);
  const page: PullPage['rows'] = [];
  for (const row of rows) {
    const matches =
      inScope(row, scope) &&
      (from === undefined || row.opened_at >= from) &&
      (before === undefined || row.opened_at < before);
    const live = row.deleted === 0 && matches;
    if (!live && row.change_seq <= request.skipTombstonesUpTo) continue;
    page.push({
      key: row.row_key,
      version: row.version,
      op: live ? 'upsert' : 'delete',
      values: pullValues(row, request.now),
      seq: row.change_seq,
    });
  }
  return { rows: page, hasMore: rows.length === request.limit };
}
