// Push results back into words and row state: `_status` says what happened (accepted with the
// canonical number, or the reasons), `_key`/`_version`/digest record what the server now holds.
// Rejected and conflicting rows keep their old digest, so they stay "changed" until they go through,
// and are marked refused (row-state.ts) so the pane counts them among the rows with problems.
// Each result goes to the row where its row is now (row-moves.ts): the user may sort meanwhile.
import type { Locale } from '../../shared/locale';
import type { RowResult } from '../../shared/protocol';
import type { CellValue } from '../excel/port';
import type { CellIssue, ConflictInfo, RowOutcome } from '../app-api';
import type { PushRow } from './push-plan';
import type { RowLocator } from './row-moves';
import { encodeState, type RowState, type StateLayout } from './row-state';
import type { TableView } from './table-view';
import { say } from './texts';
import { joinReasons, type CheckedRow } from './validate-rows';

export interface RowUpdate {
  readonly row: number;
  readonly values: CellValue[];
}

export interface ResultWrite {
  readonly updates: RowUpdate[];
  readonly conflicts: ConflictInfo[];
  readonly counts: { applied: number; unchanged: number; rejected: number; conflict: number };
  /** Results not written back: their row left the table during the push (deleted, say). */
  readonly unplaced: number;
  /** Rows the server refused, each at its `_status` cell, with the reasons. */
  readonly rejections: CellIssue[];
  /** Every answered row where it is now, with its `_status` words. */
  readonly rows: RowOutcome[];
}

interface Context {
  readonly layout: StateLayout;
  readonly locale: Locale;
  readonly view: TableView;
  readonly pushFields: readonly string[];
  /** Where each row read at the push's start is now. */
  readonly locate: RowLocator;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function stateAfter(row: PushRow, result: RowResult): RowState {
  const accepted = result.status === 'applied' || result.status === 'unchanged';
  if (!accepted) return { ...row.state, key: row.rowKey, refused: true };
  return { key: row.rowKey, version: result.version ?? row.state.version, hash: row.digest };
}

/** The server names money errors in integer fen for API clients; a sheet shows yuan. */
function reasonOf(error: RowResult['errors'][number], locale: Locale): string {
  return error.code === 'invalid-money-fen'
    ? say('invalid-money', error.params ?? {}, locale)
    : error.message;
}

function statusText(result: RowResult, locale: Locale): string {
  const reasons = joinReasons(
    result.errors.map((e) => reasonOf(e, locale)),
    locale,
  );
  const id = result.id ?? '';
  // What the server took on the row's behalf (a default price) follows the acceptance.
  const notes = (result.notices ?? []).map((n) => n.message);
  if (result.status === 'applied') {
    const accepted = say('status-accepted', { id }, locale);
    if (notes.length === 0) return accepted;
    return `${accepted}${locale === 'zh-CN' ? '。' : '. '}${joinReasons(notes, locale)}`;
  }
  if (result.status === 'unchanged') return say('status-unchanged', { id }, locale);
  return say(
    result.status === 'conflict' ? 'status-conflict' : 'status-rejected',
    { reasons },
    locale,
  );
}

/** A sent row and the body row it is on now. */
interface Placed {
  readonly row: PushRow;
  readonly at: number;
}

function conflictOf(ctx: Context, { row, at }: Placed, result: RowResult): ConflictInfo {
  const raw = result.serverValues ?? {};
  const server = Object.fromEntries(Object.entries(raw).filter(([name]) => !name.startsWith('_')));
  const fields = ctx.pushFields.filter(
    (f) => (f in row.values || f in server) && !same(server[f], row.values[f]),
  );
  const serverKey =
    typeof raw._key === 'string' && raw._key !== row.rowKey ? { serverKey: raw._key } : {};
  return {
    rowKey: row.rowKey,
    sheetRow: ctx.view.sheetRowOf(at),
    mine: row.values,
    server,
    fields,
    ...(typeof raw._version === 'number' ? { serverVersion: raw._version } : {}),
    ...serverKey,
    message: joinReasons(
      result.errors.map((e) => reasonOf(e, ctx.locale)),
      ctx.locale,
    ),
  };
}

export interface Outcome {
  readonly sent: readonly PushRow[];
  readonly results: ReadonlyMap<string, RowResult>;
  /** Rows not sent because they did not validate. */
  readonly invalid: readonly CheckedRow[];
}

/** Invalid rows' reasons; a row that cannot be found is left alone (the next check finds it). */
function invalidUpdates(ctx: Context, invalid: readonly CheckedRow[]): RowUpdate[] {
  const updates: RowUpdate[] = [];
  for (const row of invalid) {
    const at = ctx.locate(row.row);
    if (at === null) continue;
    const reasons = joinReasons(row.reasons, ctx.locale);
    const status = row.heldBack === true ? reasons : say('status-invalid', { reasons }, ctx.locale);
    updates.push({ row: at, values: [status, ...encodeState(ctx.layout, row.state)] });
  }
  return updates;
}

/** A refused row as the pane lists it: its `_status` cell (else its first) and the reasons. */
function rejectionOf(ctx: Context, at: number, result: RowResult): CellIssue {
  const column = Math.max(0, ctx.layout.status);
  return {
    sheetName: ctx.view.region.sheetName,
    address: ctx.view.addressOf(at, column),
    sheetRow: ctx.view.sheetRowOf(at),
    field: null,
    code: result.errors[0]?.code ?? 'rejected',
    message: joinReasons(
      result.errors.map((e) => e.message),
      ctx.locale,
    ),
    severity: 'error',
  };
}

export function resultWrite(ctx: Context, outcome: Outcome): ResultWrite {
  const { sent, results, invalid } = outcome;
  const updates: RowUpdate[] = [];
  const conflicts: ConflictInfo[] = [];
  const counts = { applied: 0, unchanged: 0, rejected: 0, conflict: 0 };
  const rejections: CellIssue[] = [];
  const rows: RowOutcome[] = [];
  let unplaced = 0;
  for (const row of sent) {
    const result = results.get(row.mutation.mutationId);
    if (!result) continue;
    counts[result.status] += 1;
    const at = ctx.locate(row.row);
    if (at === null) {
      unplaced += 1;
      continue;
    }
    const text = statusText(result, ctx.locale);
    updates.push({ row: at, values: [text, ...encodeState(ctx.layout, stateAfter(row, result))] });
    rows.push({
      sheetRow: ctx.view.sheetRowOf(at),
      rowKey: row.rowKey,
      status: result.status,
      text,
    });
    if (result.status === 'conflict') conflicts.push(conflictOf(ctx, { row, at }, result));
    if (result.status === 'rejected') rejections.push(rejectionOf(ctx, at, result));
  }
  updates.push(...invalidUpdates(ctx, invalid));
  return { updates, conflicts, counts, unplaced, rejections, rows };
}
