// Sheets the use-case tests start from: an orders sheet in the user's own titles, bound through
// the add-in as a user would (select a cell, accept the proposal).
import type { Binding } from '../../../addin/app-api';
import type { FakeCellValue, FakeRow } from '../../fakes/fake-cells';
import type { TableModel } from '../../fakes/fake-model';
import { deleteRows } from '../../fakes/fake-range-ops';
import type { AddinHarness } from '../../support/addin';

export const ORDER_HEADERS = ['单号', '客户编码', '日期', '类型', '货号', '数量', '单价', '仓库'];

export function orderRow(ref: string, sku: string, quantity: FakeCellValue): FakeCellValue[] {
  return [ref, 'D-SH01', '2026-11-27', '常规', sku, quantity, 199.9, 'WH-E'];
}

export function withDealer(row: FakeCellValue[], dealer: string): FakeCellValue[] {
  return [row[0] ?? null, dealer, ...row.slice(2)];
}

export async function bindSheet(
  h: AddinHarness,
  input: { sheet: string; dataset: string; rows: FakeCellValue[][] },
): Promise<Binding> {
  // The fake keeps the arrays it is given: copy, so the shared header constants stay as they are.
  h.workbook.addSheet(
    input.sheet,
    input.rows.map((row) => [...row]),
  );
  h.workbook.select(input.sheet, 'A2');
  return h.app.confirmBinding(await h.app.proposeBinding(input.dataset));
}

/** Body value of a bound table's column (header row is sheet row 0). */
export function cellOf(
  h: AddinHarness,
  at: { sheet: string; row: number; header: string },
): FakeCellValue {
  const headers = h.workbook.sheet(at.sheet).rows[0]?.values ?? [];
  return h.workbook.sheet(at.sheet).value(at.row + 1, headers.indexOf(at.header));
}

/**
 * CPU time this process spent on `work` (fake host, add-in and in-process server together).
 * Time budgets are checked on CPU time: on a shared box under load the wall clock measures the
 * neighbours; on an idle machine the two agree.
 */
export async function cpuMillis<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

export const REGION_HEADERS = ['区域编码', '区域名称', '上级区域'];

/** Mutations the add-in sent through `send` (a sinon spy on the transport), per push request. */
export function pushedMutations(send: {
  getCalls(): { args: unknown[] }[];
}): { rowKey: string; mutationId: string; baseVersion?: number }[][] {
  return send
    .getCalls()
    .map((call) => call.args[0] as { url: string; body?: string })
    .filter((request) => request.url.endsWith('/api/v1/sync/push'))
    .map(
      (request) =>
        (
          JSON.parse(request.body ?? '{}') as {
            mutations: { rowKey: string; mutationId: string; baseVersion?: number }[];
          }
        ).mutations,
    );
}

/** Live records of a dataset on the server, by code. */
export async function serverRecords(
  h: AddinHarness,
  dataset: string,
): Promise<Map<string, { key: string; version: number; values: Record<string, unknown> }>> {
  const res = await h.server.call('manager', `/api/v1/sync/pull?dataset=${dataset}&limit=10000`);
  const rows = (
    res.body as {
      rows: { key: string; version: number; op: string; values: Record<string, unknown> }[];
    }
  ).rows;
  return new Map(
    rows
      .filter((r) => r.op === 'upsert')
      .map((r) => [typeof r.values.code === 'string' ? r.values.code : r.key, r]),
  );
}

function tableOn(h: AddinHarness, sheetName: string): TableModel {
  const table = h.workbook.tables.find((t) => t.sheet === h.workbook.sheet(sheetName));
  if (!table) throw new Error(`no table on ${sheetName}`);
  return table;
}

export type Reorder = (rows: FakeRow[]) => FakeRow[];

/** Moves whole body rows of the sheet's table (with their hidden system cells), as Excel's sort does. */
export function reorderBody(h: AddinHarness, sheetName: string, reorder: Reorder): void {
  const { sheet, row, bodyCount } = tableOn(h, sheetName);
  const body = sheet.rows.slice(row + 1, row + 1 + bodyCount) as FakeRow[];
  sheet.rows.splice(row + 1, bodyCount, ...reorder(body));
}

/** Deletes the first body row of the sheet's table that `isIt`, as the user would (the table shrinks). */
export function deleteBodyRow(
  h: AddinHarness,
  at: { sheet: string; isIt: (row: FakeRow) => boolean },
): void {
  const table = tableOn(h, at.sheet);
  const body = table.sheet.rows.slice(table.row + 1, table.row + 1 + table.bodyCount) as FakeRow[];
  const index = body.findIndex(at.isIt);
  if (index < 0) throw new Error(`no such row on ${at.sheet}`);
  const rect = { row: table.row + 1 + index, column: table.column, rowCount: 1 };
  deleteRows(h.workbook, table.sheet, { ...rect, columnCount: table.columnCount });
}
