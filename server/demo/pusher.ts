// Every demo row goes in through runPush, the path a workbook's push takes, so the demo data
// obeys the same rules and gets canonical ids, versions, change seqs, ledger lines and audit
// entries. Keys are drawn from the seed, so two seeds of the same store are byte-identical.
import type { RowResult } from '../../shared/protocol';
import { limits } from '../../shared/protocol';
import type { AuthUser } from '../services/users';
import type { Db } from '../store/db';
import type { Actor } from '../sync/handler';
import { runPush } from '../sync/push';
import type { HandlerRegistry } from '../sync/registry';
import type { Random } from './random';

export interface DemoRow {
  rowKey: string;
  values: Record<string, unknown>;
  baseVersion?: number;
  /** Rows sharing a group (an order's lines) always travel in the same push. */
  group?: string;
  /** The error code the server is meant to answer (a showcase of a rule); anything else is a rejection. */
  expect?: string;
}

export interface Rejection {
  dataset: string;
  rowKey: string;
  /** The error codes, comma-separated, to count by; `message` says it in words. */
  reason: string;
  message: string;
}

export interface Pusher {
  /** Pushes rows as of `at` (the business moment they happened); returns one result per row. */
  push: (dataset: string, rows: readonly DemoRow[], at: Date) => Promise<RowResult[]>;
  /** A fresh row key, shaped like the UUIDs the add-in makes. */
  newKey: () => string;
  rejections: Rejection[];
  /** Rows refused with the code they were pushed to show (DemoRow.expect). */
  refusedOnPurpose: Rejection[];
}

const DEMO_WORKBOOK = 'demo-seed';

/** A version-4-shaped UUID from the seeded stream (crypto.randomUUID cannot be seeded). */
export function seededUuid(random: Random): string {
  const word = () =>
    Math.floor(random.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  const s = word() + word() + word() + word();
  const variant = ((parseInt(s.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
}

/** Splits rows into pushes of at most `max`, never between two rows of one group. */
export function chunkRows(
  rows: readonly DemoRow[],
  max: number = limits.maxMutationsPerPush,
): DemoRow[][] {
  const groups: DemoRow[][] = [];
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    const joins = previous !== undefined && row.group !== undefined && row.group === previous.group;
    const last = groups[groups.length - 1];
    if (joins && last) last.push(row);
    else groups.push([row]);
  });
  const chunks: DemoRow[][] = [];
  let current: DemoRow[] = [];
  for (const group of groups) {
    if (current.length > 0 && current.length + group.length > max) {
      chunks.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Files each refused row: meant (the code its row expects) or a rejection (anything else). */
function sortOutcomes(
  push: { dataset: string; rows: readonly DemoRow[]; results: readonly RowResult[] },
  sinks: { rejections: Rejection[]; refusedOnPurpose: Rejection[] },
): void {
  push.results.forEach((result, i) => {
    const row = push.rows[i];
    const codes = result.errors.map((e) => e.code);
    const isMeant = row?.expect !== undefined && codes.includes(row.expect);
    if ((result.status === 'applied' || result.status === 'unchanged') && !row?.expect) return;
    const reason = codes.join(', ') || `${result.status}, expected ${row?.expect ?? '-'}`;
    const message = result.errors.map((e) => e.message).join('; ');
    const rejection = { dataset: push.dataset, rowKey: result.rowKey, reason, message };
    (isMeant ? sinks.refusedOnPurpose : sinks.rejections).push(rejection);
  });
}

export function createPusher(input: {
  db: Db;
  handlers: HandlerRegistry;
  user: AuthUser;
  random: Random;
}): Pusher {
  const { db, handlers, random } = input;
  const actor: Actor = { user: input.user, workbookId: DEMO_WORKBOOK, clientId: DEMO_WORKBOOK };
  const rejections: Rejection[] = [];
  const refusedOnPurpose: Rejection[] = [];
  const newKey = () => seededUuid(random);
  const push = async (
    dataset: string,
    rows: readonly DemoRow[],
    at: Date,
  ): Promise<RowResult[]> => {
    const handler = handlers.get(dataset);
    if (!handler) throw new Error(`no handler for dataset ${dataset}`);
    const results: RowResult[] = [];
    for (const chunk of chunkRows(rows)) {
      const mutations = chunk.map((row) => ({
        mutationId: newKey(),
        op: 'upsert' as const,
        rowKey: row.rowKey,
        ...(row.baseVersion === undefined ? {} : { baseVersion: row.baseVersion }),
        values: row.values,
      }));
      const request = { workbookId: DEMO_WORKBOOK, clientId: DEMO_WORKBOOK, dataset, mutations };
      const response = await runPush({ db, handler, actor, request, now: at, locale: 'zh-CN' });
      results.push(...response.results);
    }
    sortOutcomes({ dataset, rows, results }, { rejections, refusedOnPurpose });
    return results;
  };
  return { push, newKey, rejections, refusedOnPurpose };
}
