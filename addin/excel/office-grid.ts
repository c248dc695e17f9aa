// The 销控表 grid's writes over Office.js: the building's sheet made when absent (loaded before
// it is read: isNullObject), an old layout emptied, then each cell's value and fill, a bounded
// number of cells per sync so no request nears Office's 5 MB payload limit.
import { rectAddress } from './a1';
import { SyncCounter } from './office-run';
import type { GridWrite } from './port';
import { protectValue } from './text-safety';

/** About 250 bytes of queued operations per cell: 2,000 cells stay far under 5 MB. */
const CELLS_PER_SYNC = 2_000;

export function writeGrid(input: GridWrite): Promise<{ created: boolean }> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(input.sheetName);
    await sync.sync();
    const created = existing.isNullObject;
    const sheet = created ? sheets.add(input.sheetName) : existing;
    if (input.clear && !created) {
      const area = sheet.getRange(rectAddress({ row: 0, column: 0, ...input.clear }));
      // Office ignores null in Range.values; "" empties a cell.
      area.values = Array.from({ length: input.clear.rowCount }, () =>
        Array.from({ length: input.clear?.columnCount ?? 0 }, () => ''),
      );
      area.format.fill.clear();
    }
    for (let start = 0; start < input.cells.length; start += CELLS_PER_SYNC) {
      for (const cell of input.cells.slice(start, start + CELLS_PER_SYNC)) {
        const range = sheet.getRange(cell.address);
        range.values = [[protectValue(cell.value, false) ?? '']];
        if (cell.fill === null) range.format.fill.clear();
        else range.format.fill.color = cell.fill;
      }
      await sync.sync();
    }
    if (input.cells.length === 0) await sync.sync();
    return { created };
  });
}
