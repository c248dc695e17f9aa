// Validate: every row of the bound table checked offline; the add-in's own old marks cleared (never
// the user's fills), bad cells filled and annotated with the reason (a note, else a comment); on a
// host with neither the reasons go into `_status`. One port call per step, whatever the rows.
import type { ValidationReport, WorkOptions } from '../app-api';
import { cellKey } from '../excel/a1';
import { readMarkedCells, rememberMarkedCells } from '../core/mark-memory';
import { STATUS_COLUMN } from '../core/row-state';
import { checkTable, joinReasons, type TableCheck } from '../core/validate-rows';
import type { CellIssue } from '../app-api';
import type { UseCaseContext } from './context';
import { picksShipments } from './dropdowns';
import { checkInputOf, loadBoundTable, type LoadedTable } from './load-table';
import { fillFromShipments, returnableLines, withReturnFindings } from './returnable-check';

const ERROR_FILL = '#FFC7CE';
const WARNING_FILL = '#FFEB9C';

/**
 * Marks what `check` found; returns whether the host could attach the reasons to the cells.
 * Clears only the cells it marked last time and no longer marks (remembered in the workbook's
 * settings), never the whole body: the user's own fills and notes stay.
 */
async function markIssues(
  ctx: UseCaseContext,
  table: LoadedTable,
  check: TableCheck,
): Promise<boolean> {
  const { sheetName } = table.view.region;
  const previous = await readMarkedCells(ctx.port, sheetName);
  const marked = new Set(check.issues.map((i) => cellKey(i.address)));
  const stale = previous.filter((address) => !marked.has(address));
  const known = new Set(previous);
  // Remember the new cells before marking them, so a failure half-way leaves none unknown.
  if ([...marked].some((address) => !known.has(address)))
    await rememberMarkedCells(ctx.port, sheetName, [...previous, ...marked]);
  if (stale.length > 0) await ctx.port.clearMarks({ sheetName, addresses: stale });
  let annotated = true;
  for (const [severity, color] of [
    ['error', ERROR_FILL],
    ['warning', WARNING_FILL],
  ] as const) {
    const marks = check.issues
      .filter((i) => i.severity === severity)
      .map((i) => ({ address: i.address, reason: i.message }));
    if (marks.length === 0) continue;
    const { noteMode } = await ctx.port.markCells({ sheetName, marks, color });
    annotated = noteMode !== 'none';
  }
  if (stale.length > 0) await rememberMarkedCells(ctx.port, sheetName, [...marked]);
  return annotated;
}

/** Without notes or comments, each flagged row says why in `_status` (one write). */
async function writeReasons(
  ctx: UseCaseContext,
  table: LoadedTable,
  issues: readonly CellIssue[],
): Promise<void> {
  const byRow = new Map<number, string[]>();
  for (const issue of issues)
    byRow.set(issue.sheetRow, [...(byRow.get(issue.sheetRow) ?? []), issue.message]);
  const firstSheetRow = table.view.sheetRowOf(0);
  const updates = [...byRow].map(([sheetRow, reasons]) => ({
    row: sheetRow - firstSheetRow,
    values: [joinReasons(reasons, ctx.locale())],
  }));
  if (updates.length === 0 || table.layout.status < 0) return;
  await ctx.port.writeRows({
    tableName: table.binding.tableName,
    columns: [STATUS_COLUMN],
    textColumns: [STATUS_COLUMN],
    updates,
  });
}

function reportOf(check: TableCheck): ValidationReport {
  const valid = check.rows.filter((r) => r.valid).length;
  return {
    rowsChecked: check.rows.length,
    validRows: valid,
    invalidRows: check.rows.length - valid,
    issues: check.issues,
  };
}

export async function validateTable(
  ctx: UseCaseContext,
  options: WorkOptions = {},
): Promise<ValidationReport> {
  options.onProgress?.({ phase: 'read', done: 0, total: null });
  let table = await loadBoundTable(ctx);
  let check: TableCheck;
  if (picksShipments(table.dataset.name)) {
    const lines = await returnableLines(ctx);
    table = await fillFromShipments(ctx, table, lines);
    check = withReturnFindings(ctx, table, checkTable(checkInputOf(ctx, table)), lines);
  } else check = checkTable(checkInputOf(ctx, table));
  options.onProgress?.({ phase: 'mark', done: check.rows.length, total: check.rows.length });
  const annotated = await markIssues(ctx, table, check);
  if (!annotated) await writeReasons(ctx, table, check.issues);
  return reportOf(check);
}
