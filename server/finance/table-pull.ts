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
