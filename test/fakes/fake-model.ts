// The fake workbook's state: plain arrays a test can build fast (100,000 rows × 12 columns is one
// array per row, not one object per cell) and inspect after a use case ran.

import { containsCell, parseAddress, type FakeRect } from './fake-a1';
import { displayText, enterFormula, type FakeCellValue, type FakeRow } from './fake-cells';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

interface ValidationRecord {
  rect: FakeRect;
  rule: unknown;
}

export class SheetModel {
  visibility: Visibility = 'Visible';
  rows: (FakeRow | undefined)[] = [];
  readonly hiddenColumns = new Set<number>();
  readonly merged: FakeRect[] = [];
  readonly validations: ValidationRecord[] = [];

  constructor(public name: string) {}

  row(index: number): FakeRow {
    let row = this.rows[index];
    if (!row) {
      row = { values: [] };
      this.rows[index] = row;
    }
    return row;
  }

  value(row: number, column: number): FakeCellValue {
    return this.rows[row]?.values[column] ?? null;
  }

  formula(row: number, column: number): string | undefined {
    return this.rows[row]?.formulas?.[column];
  }

  format(row: number, column: number): string {
    return this.rows[row]?.formats?.[column] ?? 'General';
  }

  text(row: number, column: number): string {
    return displayText(this.value(row, column), this.format(row, column));
  }

  fill(row: number, column: number): string | undefined {
    return this.rows[row]?.fills?.[column];
  }

  note(row: number, column: number): string | undefined {
    return this.rows[row]?.notes?.[column];
  }

  comment(row: number, column: number): string | undefined {
    return this.rows[row]?.comments?.[column];
  }

  isMerged(row: number, column: number): boolean {
    return this.merged.some((rect) => containsCell(rect, row, column));
  }

  /** Test helpers: they change the model directly, as a user would in Excel. */
  setFormula(address: string, formula: string, value?: FakeCellValue): void {
    const { rect } = parseAddress(address);
    enterFormula(this.row(rect.row), rect.column, formula, value);
  }

  setFormat(address: string, format: string): void {
    const { rect } = parseAddress(address);
    for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) {
      const formats = (this.row(r).formats ??= []);
      for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) formats[c] = format;
    }
  }

  merge(address: string): void {
    this.merged.push(parseAddress(address).rect);
  }

  hideRow(index: number): void {
    this.row(index).hidden = true;
  }
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  /** Header row and first column on the sheet. */
  row: number;
  column: number;
  columnCount: number;
  bodyCount: number;
}

export interface PivotModel {
  name: string;
  sheetName: string;
  sourceTable: string;
  rows: string[];
  columns: string[];
  values: string[];
  /** Fields in the filter area, with the items a manual filter keeps (empty: all). */
  filters: { field: string; items: string[] }[];
}

export interface SyncRecord {
  bytes: number;
  operations: number;
  rejected: boolean;
}

export function tableHeaders(table: TableModel): string[] {
  const headers: string[] = [];
  for (let c = 0; c < table.columnCount; c += 1) {
    headers.push(String(table.sheet.value(table.row, table.column + c) ?? ''));
  }
  return headers;
}

export function tableRect(table: TableModel): FakeRect {
  return {
    row: table.row,
    column: table.column,
    rowCount: table.bodyCount + 1,
    columnCount: table.columnCount,
  };
}
