// A read region seen as a table: columns by header, sheet addresses of body cells, and the
// facts (formula, merged, hidden) as fast lookups. Pure; built once per use case.
import { cellAddress, rectAddress } from '../excel/a1';
import type { CellValue, SheetRegion } from '../excel/port';

export interface TableView {
  readonly region: SheetRegion;
  readonly width: number;
  /** Body row count. */
  readonly rowCount: number;
  columnOf(header: string): number;
  /** "C5" of a body cell. */
  addressOf(row: number, column: number): string;
  /** 1-based sheet row of a body row, as the user sees it. */
  sheetRowOf(row: number): number;
  cell(row: number, column: number): CellValue;
  text(row: number, column: number): string;
  isFormula(row: number, column: number): boolean;
  isMerged(row: number, column: number): boolean;
  isHidden(row: number): boolean;
  /** Address of the body without the header ("A2:H500"), or null for an empty table. */
  bodyAddress(): string | null;
}

export function viewOf(region: SheetRegion): TableView {
  const width = region.headers.length;
  const key = (row: number, column: number) => row * width + column;
  const formulas = new Set(region.formulaCells.map((c) => key(c.row, c.column)));
  const merged = new Set((region.mergedCells ?? []).map((c) => key(c.row, c.column)));
  const hidden = new Set(region.hiddenRows);
  const columns = new Map<string, number>();
  region.headers.forEach((header, index) => {
    if (!columns.has(header)) columns.set(header, index);
  });
  const { row: top, column: left } = region.origin;
  return {
    region,
    width,
    rowCount: region.rows.length,
    columnOf: (header) => columns.get(header) ?? -1,
    addressOf: (row, column) => cellAddress(top + 1 + row, left + column),
    sheetRowOf: (row) => top + 2 + row,
    cell: (row, column) => region.rows[row]?.[column] ?? null,
    text: (row, column) => region.texts[row]?.[column] ?? '',
    isFormula: (row, column) => formulas.has(key(row, column)),
    isMerged: (row, column) => merged.has(key(row, column)),
    isHidden: (row) => hidden.has(row),
    bodyAddress: () =>
      region.rows.length === 0
        ? null
        : rectAddress({
            row: top + 1,
            column: left,
            rowCount: region.rows.length,
            columnCount: width,
          }),
  };
}
