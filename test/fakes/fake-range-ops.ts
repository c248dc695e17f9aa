// Range operations with some logic of their own: the current region around a cell, and deleting
// table rows (cells shift up, the table shrinks).

import { intersects, type FakeRect } from './fake-a1';
import { invalidArgument } from './fake-core';
import { tableRect, type SheetModel } from './fake-model';
import type { FakeWorkbook } from './fake-workbook-model';

function isFilled(sheet: SheetModel, row: number, column: number): boolean {
  if (row < 0 || column < 0) return false;
  const value = sheet.value(row, column);
  return value !== null && value !== '';
}

function rowHasData(sheet: SheetModel, row: number, from: number, to: number): boolean {
  for (let c = Math.max(0, from); c <= to; c += 1) if (isFilled(sheet, row, c)) return true;
  return false;
}

function columnHasData(sheet: SheetModel, column: number, from: number, to: number): boolean {
  for (let r = Math.max(0, from); r <= to; r += 1) if (isFilled(sheet, r, column)) return true;
  return false;
}

/** Excel's CurrentRegion: grow the box while any neighbouring cell (diagonals too) is filled. */
export function surroundingRegion(sheet: SheetModel, start: FakeRect): FakeRect {
  let top = start.row;
  let left = start.column;
  let bottom = start.row + start.rowCount - 1;
  let right = start.column + start.columnCount - 1;
  let changed = true;
  while (changed) {
    changed = false;
    while (rowHasData(sheet, bottom + 1, left - 1, right + 1))
      [bottom, changed] = [bottom + 1, true];
    while (top > 0 && rowHasData(sheet, top - 1, left - 1, right + 1))
      [top, changed] = [top - 1, true];
    while (columnHasData(sheet, right + 1, top - 1, bottom + 1))
      [right, changed] = [right + 1, true];
    while (left > 0 && columnHasData(sheet, left - 1, top - 1, bottom + 1))
      [left, changed] = [left - 1, true];
  }
  return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

/**
 * Deletes whole table rows with shift up. The fake moves entire sheet rows (all layers at once,
 * which keeps 100,000-row deletes fast); that equals Excel's behaviour when nothing sits beside
 * the table on those rows, which is how the add-in lays out its sheets.
 */
export function deleteRows(model: FakeWorkbook, sheet: SheetModel, rect: FakeRect): void {
  const table = model.tables.find((t) => t.sheet === sheet && intersects(tableRect(t), rect));
  if (!table) {
    sheet.rows.splice(rect.row, rect.rowCount);
    return;
  }
  const firstBody = table.row + 1;
  const inBody = rect.row >= firstBody && rect.row + rect.rowCount <= firstBody + table.bodyCount;
  const fullWidth = rect.column === table.column && rect.columnCount === table.columnCount;
  if (!inBody || !fullWidth) throw invalidArgument('the fake deletes only whole table body rows');
  sheet.rows.splice(rect.row, rect.rowCount);
  table.bodyCount -= rect.rowCount;
  for (const other of model.tables) {
    if (other !== table && other.sheet === sheet && other.row > rect.row)
      other.row -= rect.rowCount;
  }
}

/** Inserts `count` empty rows at sheet row `at`, carrying the formats of the row above. */
export function insertRows(sheet: SheetModel, at: number, count: number): void {
  const above = sheet.rows[at - 1]?.formats;
  const fresh = Array.from({ length: count }, () =>
    above ? { values: [], formats: [...above] } : { values: [] },
  );
  if (sheet.rows.length < at) sheet.rows.length = at;
  sheet.rows.splice(at, 0, ...fresh);
}
