// Turns rows of a finance table (row_key, version, change_seq, deleted) into a pull page, with
// the engine's tombstone rule: a first load leaves out deletes it would only have to undo.
import type { PullPage, PullRequest } from '../sync/handler';

interface VersionedRow {
  row_key: string;
  version: number;
  change_seq: number;
  deleted: number;
}

export function toPullPage<R extends VersionedRow>(
  rows: readonly R[],
  request: PullRequest,
  values: (row: R) => Record<string, unknown>,
): PullPage {
  const page: PullPage['rows'] = [];
  for (const row of rows) {
    const live = row.deleted === 0;
    if (!live && row.change_seq <= request.skipTombstonesUpTo) continue;
    const op = live ? 'upsert' : 'delete';
    page.push({
      key: row.row_key,
      version: row.version,
      op,
      values: values(row),
      seq: row.change_seq,
    });
  }
  return { rows: page, hasMore: rows.length === request.limit };
}

/**
 * A page of a finance table pulled with the `dealer` filter: rows of other dealers that changed
 * during a delta go out as deletes, as every other dataset's scoped pull does.
 */
export function toDealerScopedPage<R extends VersionedRow & { dealer_code: string }>(
  rows: readonly R[],
  request: PullRequest,
  values: (row: R) => Record<string, unknown>,
): PullPage {
  const { dealer } = request.filter;
  const scoped = rows.map((r) => (dealer && r.dealer_code !== dealer ? { ...r, deleted: 1 } : r));
  return toPullPage(scoped, request, values);
}
