// Tables, template sheets and pivots over Office.js.

import {
  cellAddress,
  columnLetters,
  containsRect,
  localAddress,
  parseRect,
  rectAddress,
} from './a1';
import { SyncCounter } from './office-run';
import {
  HIDDEN_SYSTEM_COLUMNS,
  SYSTEM_COLUMNS,
  type EnsureTableInput,
  type PivotSpec,
  type TableInfo,
  type TemplateColumn,
  type TemplateSpec,
} from './port';
import { protectValue } from './text-safety';

const LISTS_SHEET = '_lists';
/** Columns of `_lists` searched for existing lists (one list per column, name in row 1). */
const LISTS_WIDTH = 52;
const DEFAULT_PREPARED_ROWS = 500;

async function describeTable(sync: SyncCounter, table: Excel.Table): Promise<TableInfo> {
  const columns = table.columns.load('items/name');
  const range = table.getRange().load('address,rowCount');
  const sheet = table.worksheet.load('name');
  table.load('name');
  await sync.sync();
  return {
    tableName: table.name,
    sheetName: sheet.name,
    address: range.address,
    columns: columns.items.map((c) => c.name),
    rowCount: range.rowCount - 1,
  };
}

/** The table the range starts in, or a new table over the range; then the system columns. */
export function ensureTable(input: EnsureTableInput): Promise<TableInfo> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const sheet = context.workbook.worksheets.getItem(input.sheetName);
    const tables = sheet.tables.load('items/name');
    await sync.sync();
    const ranges = tables.items.map((t) => t.getRange().load('address'));
    await sync.sync();
    const wanted = parseRect(input.address);
    const corner = { ...wanted, rowCount: 1, columnCount: 1 };
    const hit = ranges.findIndex((r) => containsRect(parseRect(r.address), corner));
    let table = hit >= 0 ? tables.items[hit] : undefined;
    if (!table) {
      table = sheet.tables.add(localAddress(input.address), true);
      if (input.tableName !== undefined) table.name = input.tableName;
    }
    const columns = table.columns.load('items/name');
    await sync.sync();
    const names = columns.items.map((c) => c.name);
    for (const system of SYSTEM_COLUMNS)
      if (!names.includes(system)) table.columns.add(undefined, undefined, system);
    for (const system of SYSTEM_COLUMNS) {
      table.columns.getItem(system).getRange().columnHidden =
        HIDDEN_SYSTEM_COLUMNS.includes(system) ||
        (system === '_status' && input.hideStatus === true);
    }
    return describeTable(sync, table);
  });
}

/** A name not yet in `taken`: "Orders", "Orders (2)", … */
function uniqueName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  let name = wanted;
  for (let i = 2; lower.has(name.toLowerCase()); i += 1) name = `${wanted} (${i})`;
  return name;
}

/** Writes each list into its own column of `_lists` and returns the validation source per list. */
async function writeLists(
  sync: SyncCounter,
  context: Excel.RequestContext,
  columns: readonly TemplateColumn[],
): Promise<Map<string, string>> {
  const existing = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  await sync.sync();
  const lists = existing.isNullObject ? context.workbook.worksheets.add(LISTS_SHEET) : existing;
  lists.visibility = Excel.SheetVisibility.hidden;
  const header = lists.getRange(`A1:${columnLetters(LISTS_WIDTH - 1)}1`).load('values');
  await sync.sync();
  const names = (header.values[0] ?? []).map((v) => String(v));
  const sources = new Map<string, string>();
  for (const column of columns) {
    if (!column.list || column.list.values.length === 0 || sources.has(column.list.name)) continue;
    let index = names.indexOf(column.list.name);
    if (index < 0) index = names.indexOf('');
    if (index < 0) throw new Error(`${LISTS_SHEET} is full`);
    names[index] = column.list.name;
    const rect = { row: 0, column: index, rowCount: column.list.values.length + 1, columnCount: 1 };
    const range = lists.getRange(rectAddress(rect));
    range.numberFormat = Array.from({ length: rect.rowCount }, () => ['@']);
    range.values = [
      [column.list.name],
      ...column.list.values.map((v) => [protectValue(v, true) ?? '']),
    ];
    const letters = columnLetters(index);
    sources.set(column.list.name, `='${LISTS_SHEET}'!$${letters}$2:$${letters}$${rect.rowCount}`);
  }
  return sources;
}

export function createTemplateSheet(spec: TemplateSpec): Promise<TableInfo> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const sheets = context.workbook.worksheets.load('items/name');
    const tables = context.workbook.tables.load('items/name');
    await sync.sync();
    const sheetName = uniqueName(
      spec.sheetName,
      sheets.items.map((s) => s.name),
    );
    const tableName = uniqueName(
      spec.tableName,
      tables.items.map((t) => t.name),
    ).replace(/[^\p{L}\p{N}_]/gu, '_');
    const sources = await writeLists(sync, context, spec.columns);
    const sheet = context.workbook.worksheets.add(sheetName);
    const width = spec.columns.length;
    const headerAddress = `A1:${cellAddress(0, width - 1)}`;
    sheet.getRange(headerAddress).values = [
      spec.columns.map((c) => protectValue(c.header, false) ?? ''),
    ];
    const table = sheet.tables.add(headerAddress, true);
    table.name = tableName;
    const rows = spec.preparedRows ?? DEFAULT_PREPARED_ROWS;
    spec.columns.forEach((column, index) => {
      const body = sheet.getRange(
        rectAddress({ row: 1, column: index, rowCount: rows, columnCount: 1 }),
      );
      body.numberFormat = Array.from({ length: rows }, () => [column.numberFormat]);
      const source = column.list ? sources.get(column.list.name) : undefined;
      if (source) body.dataValidation.rule = { list: { inCellDropDown: true, source } };
    });
    sheet.getRange(headerAddress).format.autofitColumns();
    sheet.activate();
    return describeTable(sync, table);
  });
}

export function addPivot(spec: PivotSpec): Promise<void> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add(spec.sheetName);
    const source = context.workbook.tables.getItem(spec.sourceTable);
    const pivot = sheet.pivotTables.add(spec.pivotName, source, sheet.getRange('A3'));
    for (const name of spec.rows) pivot.rowHierarchies.add(pivot.hierarchies.getItem(name));
    for (const name of spec.columns) pivot.columnHierarchies.add(pivot.hierarchies.getItem(name));
    for (const name of spec.values) pivot.dataHierarchies.add(pivot.hierarchies.getItem(name));
    for (const filter of spec.filters ?? []) {
      const added = pivot.filterHierarchies.add(pivot.hierarchies.getItem(filter.field));
      added.fields
        .getItem(filter.field)
        .applyFilter({ manualFilter: { selectedItems: [...filter.items] } });
    }
    if (spec.title) sheet.getRange('A1').values = [[spec.title]];
    sheet.activate();
    await context.sync();
  });
}
