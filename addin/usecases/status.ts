// Refresh status: the pushed order lines of the bound sheet get their current state in words
// (submitted, partly shipped 3/10, shipped…) from the orders pull, matched by `_key`.
import type { FieldDescription } from '../../shared/meta';
import type { PullRow } from '../../shared/protocol';
import type { WorkOptions } from '../app-api';
import { ApiError } from '../core/api-error';
import { datasetOf } from '../core/binding';
import { RowParser, viewRow } from '../core/row-values';
import { readState, STATUS_COLUMN } from '../core/row-state';
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

export async function refreshOrderStatus(
  ctx: UseCaseContext,
  options: WorkOptions = {},
): Promise<{ updated: number }> {
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
  const updates: { row: number; values: string[] }[] = [];
  for (let row = 0; row < table.view.rowCount; row += 1) {
    const key = readState(table.view, table.layout, row).key;
    const line = key === null ? undefined : lines.get(key);
    if (line) updates.push({ row, values: [describeLine(ctx, statusField, line)] });
  }
  if (updates.length > 0) {
    await ctx.port.writeRows({
      tableName: table.binding.tableName,
      columns: [STATUS_COLUMN],
      textColumns: [STATUS_COLUMN],
      updates,
    });
  }
  return { updated: updates.length };
}
