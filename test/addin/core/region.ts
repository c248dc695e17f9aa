// Builds a SheetRegion (what the port's readRegion returns) from plain rows, for pure tests.
import type { CellValue, SheetRegion } from '../../../addin/excel/port';

export function regionOf(
  headers: string[],
  rows: CellValue[][],
  extra: Partial<SheetRegion> = {},
): SheetRegion {
  return {
    sheetName: 'Sheet1',
    address: `Sheet1!A1:Z${rows.length + 1}`,
    tableName: null,
    origin: { row: 0, column: 0 },
    headers,
    rows,
    texts: rows.map((r) => r.map((v) => (v === null ? '' : String(v)))),
    numberFormats: rows.map((r) => r.map(() => 'General')),
    formulaCells: [],
    mergedCells: [],
    hiddenRows: [],
    ...extra,
  };
}
