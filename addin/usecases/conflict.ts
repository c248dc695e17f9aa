// A conflict resolved by the user. "server": the row takes the server's values and version, and
// counts as in step. "mine": the row's `_version` jumps to the server's, so the next push is an
// update on the current version and overwrites (docs/protocol.md, "Row statuses").
import type { ConflictInfo } from '../app-api';
import { isTextField, toCell } from '../core/cell-format';
import { parseRow, plainRow } from '../core/row-values';
import { encodeState, readState, STATUS_COLUMN, stateTextColumns } from '../core/row-state';
import { say } from '../core/texts';
import type { UseCaseContext } from './context';
import { loadBoundTable, type LoadedTable } from './load-table';

function rowOf(table: LoadedTable, conflict: ConflictInfo): number {
  for (let row = 0; row < table.view.rowCount; row += 1) {
    if (readState(table.view, table.layout, row).key === conflict.rowKey) return row;
  }
  // The key is not in the sheet (a row cut and pasted elsewhere): fall back to where it was.
  return conflict.sheetRow - table.view.sheetRowOf(0);
}

interface Target {
  readonly table: LoadedTable;
  readonly conflict: ConflictInfo;
  readonly row: number;
}

async function takeMine(ctx: UseCaseContext, { table, conflict, row }: Target): Promise<void> {
  const state = readState(table.view, table.layout, row);
  const next = {
    key: conflict.serverKey ?? state.key,
    version: conflict.serverVersion ?? state.version,
    hash: state.hash,
  };
  const values = [say('status-keep-mine', {}, ctx.locale()), ...encodeState(table.layout, next)];
  const columns = [STATUS_COLUMN, ...table.layout.columns];
  const textColumns = [STATUS_COLUMN, ...stateTextColumns(table.layout)];
  await ctx.port.writeRows({
    tableName: table.binding.tableName,
    columns,
    textColumns,
    updates: [{ row, values }],
  });
}

async function takeServer(ctx: UseCaseContext, { table, conflict, row }: Target): Promise<void> {
  const { view, layout } = table;
  const cells = [...(view.region.rows[row] ?? [])];
  const fieldColumns = table.columns.filter((fc) => fc.field.name in conflict.server);
  for (const fc of fieldColumns)
    cells[fc.column] = toCell(fc.field, conflict.server[fc.field.name], ctx.locale());
  const digest = parseRow(plainRow(cells), table.columns).digest;
  const version = conflict.serverVersion ?? readState(view, layout, row).version;
  const state = encodeState(layout, {
    key: conflict.serverKey ?? conflict.rowKey,
    version,
    hash: digest,
  });
  const status = say('status-took-server', { version: version ?? '' }, ctx.locale());
  const headers = fieldColumns.map((fc) => view.region.headers[fc.column] ?? '');
  const textColumns = [
    ...fieldColumns
      .filter((fc) => isTextField(fc.field))
      .map((fc) => view.region.headers[fc.column] ?? ''),
    STATUS_COLUMN,
    ...stateTextColumns(layout),
  ];
  await ctx.port.writeRows({
    tableName: table.binding.tableName,
    columns: [...headers, STATUS_COLUMN, ...layout.columns],
    textColumns,
    updates: [
      { row, values: [...fieldColumns.map((fc) => cells[fc.column] ?? null), status, ...state] },
    ],
  });
}

export async function resolveConflict(
  ctx: UseCaseContext,
  conflict: ConflictInfo,
  take: 'mine' | 'server',
): Promise<void> {
  const table = await loadBoundTable(ctx);
  const target = { table, conflict, row: rowOf(table, conflict) };
  if (take === 'mine') await takeMine(ctx, target);
  else await takeServer(ctx, target);
}
