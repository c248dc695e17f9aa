// Hidden helper sheets and list dropdowns over Office.js (docs/returns.md, "In Excel"). A list
// dropdown's source is a range reference on the helper sheet: Excel's list validation stores the
// entry itself in the cell (ListDataValidation.source is a Range or a comma-separated string), so
// the entries are the codes the server expects and the readable details sit beside them.
import { parseRect, quoteSheet, rectAddress } from './a1';
import { SyncCounter } from './office-run';
import type { CellValue, HelperSheetWrite, ListValidationInput } from './port';
import { protectValue } from './text-safety';

/** Cells per sync: ~100 bytes of queued values and formats a cell stays far under 5 MB. */
const CELLS_PER_SYNC = 20_000;

export function writeHelperSheet(input: HelperSheetWrite): Promise<{ source: string | null }> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const sheets = context.workbook.worksheets;
    const existing = sheets.getItemOrNullObject(input.sheetName);
    await sync.sync();
    const sheet = existing.isNullObject ? sheets.add(input.sheetName) : existing;
    sheet.visibility = Excel.SheetVisibility.hidden;
    if (!existing.isNullObject) {
      // The old block (header and rows) is emptied first: a shorter list leaves nothing behind.
      const old = sheet.getRange('A1').getSurroundingRegion().load('rowCount,columnCount');
      await sync.sync();
      old.values = Array.from({ length: old.rowCount }, () =>
        Array.from({ length: old.columnCount }, () => ''),
      );
    }
    const width = input.headers.length;
    const all: (readonly CellValue[])[] = [input.headers, ...input.rows];
    const text = (column: number) => input.textColumns.includes(column);
    const perSync = Math.max(1, Math.floor(CELLS_PER_SYNC / Math.max(1, width)));
    for (let start = 0; start < all.length; start += perSync) {
      const slice = all.slice(start, start + perSync);
      const range = sheet.getRange(
        rectAddress({ row: start, column: 0, rowCount: slice.length, columnCount: width }),
      );
      range.numberFormat = slice.map((row) => row.map((_, c) => (text(c) ? '@' : 'General')));
      range.values = slice.map((row) =>
        row.map((value, c) => protectValue(value ?? '', text(c)) ?? ''),
      );
      await sync.sync();
    }
    if (input.listRows <= 0) return { source: null };
    const last = input.listRows + 1;
    return { source: `=${quoteSheet(input.sheetName)}!$A$2:$A$${last}` };
  });
}

export function setListValidation(input: ListValidationInput): Promise<void> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const table = context.workbook.tables.getItem(input.tableName);
    const range = table.getRange().load('address,rowCount');
    const columns = table.columns.load('items/name');
    const sheet = table.worksheet;
    await sync.sync();
    const index = columns.items.map((c) => c.name).indexOf(input.column);
    if (index < 0) return;
    const rect = parseRect(range.address);
    const body = sheet.getRange(
      rectAddress({
        row: rect.row + 1,
        column: rect.column + index,
        rowCount: Math.max(range.rowCount - 1, input.rows),
        columnCount: 1,
      }),
    );
    // A range keeps one rule: the old one goes before the new list is set.
    body.dataValidation.clear();
    if (input.source !== null)
      body.dataValidation.rule = { list: { inCellDropDown: true, source: input.source } };
    await sync.sync();
  });
}
