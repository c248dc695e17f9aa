// Push: only rows that changed since their last push or pull, valid ones unless asked otherwise;
// keys given to new rows are written first so a retry after a lost answer reuses them; chunks
// sent by the engine; every result written back in one write, on the row where its row is now
// (found by `_key`: the user may sort while a long push runs). An all-or-nothing dataset (meta
// `atomic`, e.g. allocations) goes in one request with `atomic: true`, or not at all.
import { timeOrderedKey } from '../../shared/time-ordered-key';
import { groupKeyOf } from '../../shared/dataset-def';
import { limits as defaultLimits } from '../../shared/protocol';
import type { PushGrants, PushReport, WorkOptions } from '../app-api';
import {
  isChanged,
  planPushChunks,
  toPushRow,
  chunkKey,
  type PushLimits,
  type PushRow,
} from '../core/push-plan';
import { ApiError } from '../core/api-error';
import { sendChunks, type SendOutcome } from '../core/push-engine';
import { resultWrite, type Outcome, type ResultWrite } from '../core/push-results';
import { keysAsRead, locateRows, type RowLocator } from '../core/row-moves';
import { KEY_COLUMN, STATUS_COLUMN, stateTextColumns } from '../core/row-state';
import { say } from '../core/texts';
import { heldBackRows } from '../core/group-hold';
import { checkTable, type CheckedRow } from '../core/validate-rows';
import type { UseCaseContext } from './context';
import { checkInputOf, loadBoundTable, type LoadedTable } from './load-table';

/** Leaves room for the request's envelope under the server's body limit. */
const BODY_SHARE = 0.9;

function pushLimits(table: LoadedTable): PushLimits {
  const published = table.meta.limits;
  const maxRows = published.maxMutationsPerPush ?? defaultLimits.maxMutationsPerPush;
  const maxBody = published.maxBodyBytes ?? defaultLimits.maxBodyBytes;
  return { maxRows, maxBytes: Math.floor(maxBody * BODY_SHARE) };
}

/** New rows get their `_key` before anything is sent: a retry then sends the same row key. */
async function writeNewKeys(
  ctx: UseCaseContext,
  table: LoadedTable,
  rows: readonly PushRow[],
): Promise<void> {
  const updates = rows.filter((r) => r.isNewKey).map((r) => ({ row: r.row, values: [r.rowKey] }));
  if (updates.length === 0) return;
  await ctx.port.writeRows({
    tableName: table.binding.tableName,
    columns: [KEY_COLUMN],
    textColumns: [KEY_COLUMN],
    updates,
  });
}

type PushOptions = WorkOptions & {
  onlyValid?: boolean;
  /** Only the rows of these groups (groupKeyOf): the orders ticked for a credit release. */
  groups?: readonly string[];
  /** Checks without writing (the server rolls back); credit.ts lists orders over the limit. */
  dryRun?: boolean;
} & PushGrants;

/** The options a push carries: the grants set for it, none when none is. */
function grantedOptions(options: PushGrants): { options?: Record<string, boolean> } {
  const set = Object.fromEntries(
    (['releaseCredit', 'overQuota'] as const).flatMap((name) =>
      options[name] === true ? [[name, true]] : [],
    ),
  );
  return Object.keys(set).length > 0 ? { options: set } : {};
}

/** Chunks under the limits; an atomic dataset's rows all in one, refused before anything is sent. */
export function planChunks(ctx: UseCaseContext, table: LoadedTable, rows: PushRow[]): PushRow[][] {
  const limits = pushLimits(table);
  if (!table.dataset.atomic) return planPushChunks(table.dataset.groupBy, rows, limits);
  if (rows.length > limits.maxRows) {
    const params = {
      dataset: table.dataset.label[ctx.locale()],
      max: limits.maxRows,
      count: rows.length,
    };
    throw new ApiError(say('atomic-too-many', params, ctx.locale()), {
      kind: 'request',
      code: 'atomic-too-many',
      status: null,
    });
  }
  return rows.length === 0 ? [] : [rows];
}

/** The chunks go out one after another; a new `attempt` id per push keys them (push-plan.ts). */
export async function send(
  ctx: UseCaseContext,
  table: LoadedTable,
  input: { chunks: PushRow[][]; clientId: string; options: PushOptions },
): Promise<SendOutcome> {
  const attempt = ctx.ids.uuid();
  const dataset = table.dataset.name;
  const envelope = {
    workbookId: await ctx.workbookId(),
    clientId: input.clientId,
    dataset,
    ...(table.dataset.atomic ? { atomic: true } : {}),
    ...(input.options.dryRun === true ? { dryRun: true } : {}),
    // A manager's credit release (server/finance/order-credit.ts) or sample-quota override
    // (docs/dealer-support.md) holds for this push only.
    ...grantedOptions(input.options),
  };
  return sendChunks(ctx.api, {
    chunks: input.chunks,
    envelope,
    keyOf: (chunk) => chunkKey(attempt, chunk),
    onProgress: input.options.onProgress,
    signal: input.options.signal,
  });
}

/**
 * Where the push's rows are now: the key column as the push left it (read at the start, new
 * rows' keys written before sending) against the key column read again.
 */
async function locateNow(
  ctx: UseCaseContext,
  table: LoadedTable,
  outcome: Outcome,
): Promise<RowLocator> {
  const isNothingBack = outcome.results.size === 0 && outcome.invalid.length === 0;
  if (isNothingBack) return (row) => row; // no write follows
  const before = keysAsRead(table.view, table.layout);
  for (const row of outcome.sent) before[row.row] = row.rowKey;
  const now = await ctx.port.readColumn({ tableName: table.binding.tableName, column: KEY_COLUMN });
  return locateRows(before, now);
}

/** Every result (and every skipped invalid row's reasons) in one write. */
async function writeResults(
  ctx: UseCaseContext,
  table: LoadedTable,
  outcome: Outcome,
): Promise<ResultWrite> {
  const pushFields = table.columns.map((fc) => fc.field.name);
  const locate = await locateNow(ctx, table, outcome);
  const write = resultWrite(
    { layout: table.layout, locale: ctx.locale(), view: table.view, pushFields, locate },
    outcome,
  );
  if (write.updates.length === 0) return write;
  await ctx.port.writeRows({
    tableName: table.binding.tableName,
    columns: [STATUS_COLUMN, ...table.layout.columns],
    textColumns: [STATUS_COLUMN, ...stateTextColumns(table.layout)],
    updates: write.updates,
  });
  return write;
}

/** Valid rows of a group with an invalid row, by table row: they wait for their group. */
function holdBackOf(
  ctx: UseCaseContext,
  table: LoadedTable,
  rows: readonly CheckedRow[],
): Map<number, CheckedRow> {
  const held = heldBackRows({
    rows,
    groupBy: table.dataset.groupBy,
    sheetRowOf: (row) => table.view.sheetRowOf(row),
    locale: ctx.locale(),
  });
  return new Map(held.map((r) => [r.row, r]));
}

export async function pushTable(
  ctx: UseCaseContext,
  options: PushOptions = {},
): Promise<PushReport> {
  const table = await loadBoundTable(ctx);
  const check = checkTable(checkInputOf(ctx, table));
  const onlyValid = options.onlyValid ?? true;
  const groups = options.groups ? new Set(options.groups) : null;
  const isPicked = (r: CheckedRow) =>
    groups === null || groups.has(groupKeyOf(table.dataset.groupBy, r.parsed.values) ?? '');
  const changed = check.rows.filter((r) => isChanged(r) && isPicked(r));
  const held = onlyValid ? holdBackOf(ctx, table, check.rows) : new Map<number, CheckedRow>();
  const invalid = changed.flatMap((r) => {
    const isHeld = held.get(r.row);
    if (isHeld) return [isHeld];
    return onlyValid && !r.valid ? [r] : [];
  });
  const clientId = ctx.clientId();
  const context = {
    dataset: table.dataset.name,
    clientId,
    newKey: () => timeOrderedKey(ctx.clock.now()),
  };
  // All or nothing: a row that cannot go holds back the whole batch.
  const holdBack = table.dataset.atomic && invalid.length > 0;
  const sendable = holdBack
    ? []
    : changed.filter((r) => !held.has(r.row) && (r.valid || !onlyValid));
  const rows = sendable.map((r) => toPushRow(r, context));
  const chunks = planChunks(ctx, table, rows);
  await writeNewKeys(ctx, table, rows);
  const sent = await send(ctx, table, { chunks, clientId, options });
  const write = await writeResults(ctx, table, { sent: rows, results: sent.results, invalid });
  if (sent.error) throw sent.error;
  const { applied, unchanged, rejected } = write.counts;
  const heldBack = invalid.filter((r) => r.heldBack === true).length;
  const skippedInvalid = invalid.length - heldBack;
  return {
    sent: sent.sent,
    applied,
    unchanged,
    rejected,
    conflicts: write.conflicts,
    skippedInvalid,
    heldBack,
    unplaced: write.unplaced,
    cancelled: sent.cancelled,
    rejections: write.rejections,
    rows: write.rows,
  };
}
