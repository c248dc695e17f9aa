// What a push sends, pure: the rows that changed since their last push or pull (no `_key` yet, or
// a digest different from the stored one), as mutations with ids derived from the row — so a
// retry after a network drop sends the very same ids and the server's guards skip what it already
// applied — chunked under the server's limits without splitting an order across requests.
import { groupKeyOf } from '../../shared/dataset-def';
import type { Mutation } from '../../shared/protocol';
import { derivedUuid } from './hash';
import type { RowState } from './row-state';
import type { CheckedRow } from './validate-rows';

export interface PushRow {
  readonly row: number;
  readonly state: RowState;
  readonly digest: string;
  readonly rowKey: string;
  /** True when the key was made now (the row had no `_key`). */
  readonly isNewKey: boolean;
  readonly mutation: Mutation;
  readonly values: Record<string, unknown>;
}

/** A row needs pushing when the server has not acknowledged its current content. */
export function isChanged(row: CheckedRow): boolean {
  const { key, hash } = row.state;
  return key === null || hash === null || hash !== row.parsed.digest;
}

interface MutationContext {
  readonly dataset: string;
  readonly clientId: string;
  readonly newKey: () => string;
}

export function toPushRow(row: CheckedRow, ctx: MutationContext): PushRow {
  const rowKey = row.state.key ?? ctx.newKey();
  const baseVersion = row.state.version ?? undefined;
  // Same row content on the same base version → the same id: a retry is "already applied".
  const mutationId = derivedUuid(
    ['m', ctx.dataset, ctx.clientId, rowKey, baseVersion ?? '', row.parsed.digest].join('|'),
  );
  const mutation: Mutation = {
    mutationId,
    op: 'upsert',
    rowKey,
    ...(baseVersion === undefined ? {} : { baseVersion }),
    values: row.parsed.values,
  };
  return {
    row: row.row,
    state: row.state,
    digest: row.parsed.digest,
    rowKey,
    isNewKey: row.state.key === null,
    mutation,
    values: row.parsed.values,
  };
}

/** Rows that must travel in one request: those of one group (DatasetDef.groupBy), else alone. */
function travelKeyOf(groupBy: readonly string[], row: PushRow): string {
  const group = groupKeyOf(groupBy, row.values);
  return group === null ? `row\u0000${row.rowKey}` : `group\u0000${group}`;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

export interface PushLimits {
  readonly maxRows: number;
  readonly maxBytes: number;
}

function groupsInOrder(groupBy: readonly string[], rows: readonly PushRow[]): PushRow[][] {
  const groups = new Map<string, PushRow[]>();
  for (const row of rows) {
    const key = travelKeyOf(groupBy, row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

/** Whole groups per chunk; a group alone over the limits is split as a last resort. */
export function planPushChunks(
  groupBy: readonly string[],
  rows: readonly PushRow[],
  limits: PushLimits,
): PushRow[][] {
  const chunks: PushRow[][] = [];
  let current: PushRow[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length > 0) chunks.push(current);
    current = [];
    bytes = 0;
  };
  for (const group of groupsInOrder(groupBy, rows)) {
    const groupBytes = group.reduce(
      (sum, r) => sum + utf8Length(JSON.stringify(r.mutation)) + 1,
      0,
    );
    if (current.length + group.length > limits.maxRows || bytes + groupBytes > limits.maxBytes)
      flush();
    if (group.length > limits.maxRows || groupBytes > limits.maxBytes) {
      for (const row of group) {
        const size = utf8Length(JSON.stringify(row.mutation)) + 1;
        if (current.length + 1 > limits.maxRows || bytes + size > limits.maxBytes) flush();
        current.push(row);
        bytes += size;
      }
      continue;
    }
    current.push(...group);
    bytes += groupBytes;
  }
  flush();
  return chunks;
}

/**
 * The Idempotency-Key of a chunk within one push: a retry of the chunk replays the stored answer.
 * A later push gets a new `attempt`, so a row rejected yesterday (an unknown dealer since added)
 * is checked again instead of replaying yesterday's answer; what was applied is still skipped by
 * its mutation id.
 */
export function chunkKey(attempt: string, chunk: readonly PushRow[]): string {
  const ids = chunk.map((r) => r.mutation.mutationId).join(',');
  return derivedUuid(['k', attempt, ids].join('|'));
}
