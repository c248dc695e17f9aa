// Refresh status: the pushed order lines of the bound sheet get their current state in words
// (submitted, partly shipped 3/10, shipped…) from the orders pull, matched by `_key`, and written
// on the row where each line is after the pull came back (the user may sort meanwhile).
import type { FieldDescription } from '../../shared/meta';
import type { PullRow } from '../../shared/protocol';
import type { StatusReport, WorkOptions } from '../app-api';
import { ApiError } from '../core/api-error';
import { datasetOf } from '../core/binding';
import { RowParser, viewRow } from '../core/row-values';
import { keysAsRead, locateRows, placeRows } from '../core/row-moves';
import { KEY_COLUMN, STATUS_COLUMN } from '../core/row-state';
import { say } from '../core/texts';
import type { UseCaseContext } from './context';
import { fetchPull } from './pull-fetch';
import { loadBoundTable, type LoadedTable } from './load-table';

/** The earliest order date in the sheet: the pull need not go further back. */
function earliestDate(table: LoadedTable): string | undefined {
  const parser = new RowParser(table.columns.filter((fc) => fc.field.name === 'orderDate'));
  let earliest: string | undefined;
  for (let row = 0; row < table.view.rowCount; row += 1) {
    const value = parser.parse(viewRow(table.view, row)).values.orderDate;
    if (typeof value === 'string' && (earliest === undefined || value < earliest)) earliest = value;
  }
  return earliest;
}

function describeLine(
  ctx: UseCaseContext,
  statusField: FieldDescription | undefined,
  line: PullRow,
): string {
  const values = line.values;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const option = statusField?.options?.find((o) => o.value === values.status);
  return say(
    'status-order',
    {
      state: option ? option.label[ctx.locale()] : text(values.status),
      shipped: Number(values.shippedQuantity ?? 0),
      quantity: Number(values.quantity ?? 0),
      id: text(values.lineId) || text(values.orderId),
    },
    ctx.locale(),
  );
}

/** Each line's status on the row where it is now; lines whose row left the table are counted. */
async function writeStatuses(
  ctx: UseCaseContext,
  table: LoadedTable,
  describe: (key: string) => string | null,
): Promise<StatusReport> {
  const keys = keysAsRead(table.view, table.layout);
  const planned: { row: number; values: string[] }[] = [];
  keys.forEach((key, row) => {
    const text = key === null ? null : describe(key);
    if (text !== null) planned.push({ row, values: [text] });
  });
  if (planned.length === 0) return { updated: 0, unplaced: 0 };
  const tableName = table.binding.tableName;
  const now = await ctx.port.readColumn({ tableName, column: KEY_COLUMN });
  const { placed, unplaced } = placeRows(planned, locateRows(keys, now));
  if (placed.length > 0) {
    await ctx.port.writeRows({
      tableName,
      columns: [STATUS_COLUMN],
      textColumns: [STATUS_COLUMN],
      updates: placed,
    });
  }
  return { updated: placed.length, unplaced };
}

export async function refreshOrderStatus(
  ctx: UseCaseContext,
  options: WorkOptions = {},
): Promise<StatusReport> {
  const table = await loadBoundTable(ctx);
  if (table.dataset.name !== 'orders') {
    throw new ApiError(say('not-orders-binding', {}, ctx.locale()), {
      kind: 'request',
      code: 'not-orders-binding',
      status: null,
    });
  }
  const from = earliestDate(table);
  const fetched = await fetchPull(
    ctx,
    { dataset: 'orders', filter: from === undefined ? {} : { from } },
    options,
  );
  const lines = new Map(fetched.rows.filter((r) => r.op === 'upsert').map((r) => [r.key, r]));
  const statusField = datasetOf(await ctx.meta(), 'orders', ctx.locale()).fields.find(
    (f) => f.name === 'status',
  );
  return writeStatuses(ctx, table, (key) => {
    const line = lines.get(key);
    return line ? describeLine(ctx, statusField, line) : null;
  });
}
