// Validate's offline help for return lines (docs/returns.md, "In Excel"), from the hidden
// `_returnable` sheet the dropdown refresh wrote: a blank dealer, SKU or shipped price is filled
// from the chosen shipment (a default the user sees and may overwrite), and a quantity above what
// the shipment can still return is flagged with the server's `return-over-shipped` and figures.
import type { CellIssue } from '../app-api';
import type { CellValue } from '../excel/port';
import { isChanged } from '../core/push-plan';
import {
  extraHeaders,
  linesOfSheet,
  returnFindings,
  RETURNABLE_SHEET,
  type ReturnableLine,
} from '../core/returnable';
import { say } from '../core/texts';
import type { TableCheck } from '../core/validate-rows';
import type { UseCaseContext } from './context';
import { SHIPMENT_FIELD } from './dropdowns';
import { loadBoundTable, type LoadedTable } from './load-table';

type Lines = ReadonlyMap<string, ReturnableLine>;

/** The helper sheet's lines; none before the first refresh (the sheet is not there yet). */
export async function returnableLines(ctx: UseCaseContext): Promise<Lines> {
  try {
    const region = await ctx.port.readRegion({
      kind: 'range',
      sheetName: RETURNABLE_SHEET,
      address: 'A1',
    });
    return linesOfSheet(region.rows);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ItemNotFound') return new Map();
    throw error;
  }
}

const blank = (value: CellValue) => value === null || value === '';

/** Fills blank dealer/SKU/price cells of rows naming a known shipment; the table, re-read. */
export async function fillFromShipments(
  ctx: UseCaseContext,
  table: LoadedTable,
  lines: Lines,
): Promise<LoadedTable> {
  const { view } = table;
  const columnOf = (field: string) => table.columns.find((fc) => fc.field.name === field)?.column;
  const shipment = columnOf(SHIPMENT_FIELD);
  if (shipment === undefined || lines.size === 0) return table;
  const { sku, price } = extraHeaders(ctx.locale());
  // SKU and price go only into columns of those titles that hold no field (an exchange's 产品编码
  // is the issued SKU, not the returned one).
  const unbound = (header: string) => {
    const column = view.columnOf(header);
    return table.columns.some((fc) => fc.column === column) ? -1 : column;
  };
  const targets: [number | undefined, (line: ReturnableLine) => CellValue, boolean][] = [
    [columnOf('dealerCode'), (l) => l.dealerCode, true],
    [unbound(sku), (l) => l.skuCode, true],
    [unbound(price), (l) => l.unitPrice, false],
  ];
  let wrote = false;
  for (const [column, valueOf, text] of targets) {
    if (column === undefined || column < 0) continue;
    const updates: { row: number; values: CellValue[] }[] = [];
    for (let row = 0; row < view.rowCount; row += 1) {
      const line = lines.get(String(view.cell(row, shipment) ?? ''));
      if (line && blank(view.cell(row, column))) updates.push({ row, values: [valueOf(line)] });
    }
    if (updates.length === 0) continue;
    const name = view.region.headers[column] ?? '';
    await ctx.port.writeRows({
      tableName: table.binding.tableName,
      columns: [name],
      ...(text ? { textColumns: [name] } : {}),
      updates,
    });
    wrote = true;
  }
  return wrote ? loadBoundTable(ctx) : table;
}

/** `check` with the cap's findings added: rows still to be pushed, in sheet order. */
export function withReturnFindings(
  ctx: UseCaseContext,
  table: LoadedTable,
  check: TableCheck,
  lines: Lines,
): TableCheck {
  const findings = returnFindings(check.rows, lines, isChanged);
  if (findings.length === 0) return check;
  const issues: CellIssue[] = [...check.issues];
  const rows = check.rows.map((checked) => {
    const found = findings.find((f) => f.row === checked.row);
    if (!found) return checked;
    const column = table.columns.find((fc) => fc.field.name === found.field)?.column ?? 0;
    const message = say(found.code, found.params, ctx.locale());
    issues.push({
      sheetName: table.view.region.sheetName,
      address: table.view.addressOf(checked.row, column),
      sheetRow: table.view.sheetRowOf(checked.row),
      field: found.field,
      code: found.code,
      message,
      severity: 'error',
    });
    return { ...checked, valid: false, reasons: [...checked.reasons, message] };
  });
  return { rows, issues };
}
