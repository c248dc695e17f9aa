// Reads the first sheet of an upload that passed the guard, with SheetJS told to do as little as
// possible: one sheet, a row cap, formulas kept (so a formula where a value belongs can be
// refused), no HTML, no styles, dense rows. Sheet content never becomes an object key.
import * as XLSX from 'xlsx';
import { limits } from '../../shared/protocol';
import { AppError } from '../http/errors';

// SheetJS's ESM build inflates in JavaScript. Handing it node:zlib (CFB.utils.use_zlib) made
// no measurable difference here (XML parsing dominates) and trips Node's DEP0108 warning.

/** Header search depth: titles and notes often sit above the header row. */
export const HEADER_SEARCH_ROWS = 10;

export interface SheetRead {
  workbook: XLSX.WorkBook;
  sheetName: string;
  /** Dense rows: rows[r][c], 0-based; holes are blank cells. */
  rows: (XLSX.CellObject | undefined)[][];
  /** Cells covered by a merge other than its top-left one, as row → columns. */
  merged: Map<number, Set<number>>;
}

/** Merges hide every value but the top-left one; a capped map of the hidden cells. */
function mergedCells(sheet: XLSX.WorkSheet): Map<number, Set<number>> {
  const hidden = new Map<number, Set<number>>();
  let budget = 100_000;
  for (const range of sheet['!merges'] ?? []) {
    for (let r = range.s.r; r <= range.e.r && budget > 0; r += 1) {
      for (let c = range.s.c; c <= range.e.c && budget > 0; c += 1, budget -= 1) {
        if (r === range.s.r && c === range.s.c) continue;
        const columns = hidden.get(r) ?? new Set<number>();
        columns.add(c);
        hidden.set(r, columns);
      }
    }
  }
  return hidden;
}

function readWorkbook(buffer: Buffer): XLSX.WorkBook {
  try {
    return XLSX.read(buffer, {
      type: 'buffer',
      sheets: 0,
      sheetRows: limits.maxImportRows + HEADER_SEARCH_ROWS + 1,
      dense: true,
      cellFormula: true,
      cellHTML: false,
      cellStyles: false,
      cellNF: false,
      cellDates: false,
      bookVBA: false,
    });
  } catch {
    throw new AppError('file-not-xlsx');
  }
}

/** The first sheet as dense rows; more data rows than limits.maxImportRows → file-too-many-rows. */
export function readFirstSheet(buffer: Buffer): SheetRead {
  const workbook = readWorkbook(buffer);
  const sheetName = workbook.SheetNames[0];
  const sheet = sheetName === undefined ? undefined : workbook.Sheets[sheetName];
  if (sheetName === undefined || !sheet) throw new AppError('file-not-xlsx');
  const rows = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  if (rows.length > limits.maxImportRows + HEADER_SEARCH_ROWS) {
    throw new AppError('file-too-many-rows', { limit: limits.maxImportRows });
  }
  return { workbook, sheetName, rows, merged: mergedCells(sheet) };
}

/** A cell's text as a header title. */
export function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined) return '';
  return typeof cell.w === 'string' && cell.t !== 's' ? cell.w.trim() : String(cell.v).trim();
}

/** Column letters for a 0-based index (0 → A, 26 → AA). */
export function columnName(index: number): string {
  return XLSX.utils.encode_col(index);
}
