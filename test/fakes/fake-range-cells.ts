// Reading and writing a fake range's cells (split from fake-range.ts to keep files small).

import { qualify, type FakeRect } from './fake-a1';
import { enterFormula, enterInput, type FakeCellValue } from './fake-cells';
import { invalidArgument } from './fake-core';
import type { SheetModel } from './fake-model';

export interface RangeTarget {
  sheet: SheetModel;
  rect: FakeRect;
}

type Matrix = unknown[][];

function eachCell(
  rect: FakeRect,
  visit: (r: number, c: number, i: number, j: number) => void,
): void {
  for (let i = 0; i < rect.rowCount; i += 1) {
    for (let j = 0; j < rect.columnCount; j += 1) visit(rect.row + i, rect.column + j, i, j);
  }
}

/** Excel rejects a matrix whose shape differs from the range's. */
function checkShape(rect: FakeRect, matrix: Matrix): void {
  const ok = matrix.length === rect.rowCount && matrix.every((r) => r.length === rect.columnCount);
  if (!ok) {
    throw invalidArgument(
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
  }
}

function matrix(
  t: RangeTarget,
  read: (sheet: SheetModel, r: number, c: number) => unknown,
): Matrix {
  const out: Matrix = [];
  for (let i = 0; i < t.rect.rowCount; i += 1) {
    const row: unknown[] = [];
    for (let j = 0; j < t.rect.columnCount; j += 1)
      row.push(read(t.sheet, t.rect.row + i, t.rect.column + j));
    out.push(row);
  }
  return out;
}

/** Excel: true when all rows are hidden, false when none, null when some. */
function rowHiddenState({ sheet, rect }: RangeTarget): boolean | null {
  let hidden = 0;
  for (let r = rect.row; r < rect.row + rect.rowCount; r += 1)
    if (sheet.rows[r]?.hidden) hidden += 1;
  if (hidden === 0) return false;
  return hidden === rect.rowCount ? true : null;
}

export function readRangeProperty(t: RangeTarget, name: string): unknown {
  const { sheet, rect } = t;
  switch (name) {
    case 'address':
      return qualify(sheet.name, rect);
    // Excel reads an empty cell as "".
    case 'values':
      return matrix(t, (s, r, c) => s.value(r, c) ?? '');
    case 'text':
      return matrix(t, (s, r, c) => s.text(r, c));
    case 'formulas':
      return matrix(t, (s, r, c) => s.formula(r, c) ?? s.value(r, c) ?? '');
    case 'numberFormat':
      return matrix(t, (s, r, c) => s.format(r, c));
    case 'rowCount':
      return rect.rowCount;
    case 'columnCount':
      return rect.columnCount;
    case 'rowIndex':
      return rect.row;
    case 'columnIndex':
      return rect.column;
    case 'rowHidden':
      return rowHiddenState(t);
    case 'columnHidden':
      return sheet.hiddenColumns.has(rect.column);
    default:
      throw invalidArgument(`Range has no property ${name}`);
  }
}

/** Office.js: a null entry in a values or numberFormat matrix leaves that cell as it is. */
export function writeValues({ sheet, rect }: RangeTarget, m: FakeCellValue[][]): void {
  checkShape(rect, m);
  eachCell(rect, (r, c, i, j) => {
    const input = m[i]?.[j] ?? null;
    if (input !== null) enterInput(sheet.row(r), c, input, sheet.format(r, c));
  });
}

export function writeFormulas({ sheet, rect }: RangeTarget, m: unknown[][]): void {
  checkShape(rect, m);
  eachCell(rect, (r, c, i, j) => {
    const input = (m[i]?.[j] ?? null) as FakeCellValue;
    // Like typing: a cell formatted as text keeps "=…" as text (Range.formulas then answers it).
    const isText = sheet.format(r, c) === '@';
    if (typeof input === 'string' && input.startsWith('=') && !isText)
      enterFormula(sheet.row(r), c, input);
    else if (input !== null) enterInput(sheet.row(r), c, input, sheet.format(r, c));
  });
}

export function writeFormats({ sheet, rect }: RangeTarget, m: (string | null)[][]): void {
  checkShape(rect, m);
  eachCell(rect, (r, c, i, j) => {
    const format = m[i]?.[j] ?? null;
    if (format !== null) (sheet.row(r).formats ??= [])[c] = format;
  });
}

export function writeRowHidden({ sheet, rect }: RangeTarget, hidden: boolean | null): void {
  if (hidden === null) return;
  for (let r = rect.row; r < rect.row + rect.rowCount; r += 1) sheet.row(r).hidden = hidden;
}

export function writeColumnHidden({ sheet, rect }: RangeTarget, hidden: boolean): void {
  for (let c = rect.column; c < rect.column + rect.columnCount; c += 1) {
    if (hidden) sheet.hiddenColumns.add(c);
    else sheet.hiddenColumns.delete(c);
  }
}
