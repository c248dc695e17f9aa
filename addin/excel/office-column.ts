// readColumn over Office.js: one table column's body values, e.g. `_key` to find where each row
// is after the user sorted while a push was out. One sync for the whole column; a column whose
// answer is over Excel on the web's 5 MB response limit (~120,000 keys) is read again in halves.

import { parseRect, rectAddress, type Rect } from './a1';
import { fromExcelValue, isReadTooLarge, SyncCounter } from './office-run';
import type { CellValue, ColumnSource } from './port';

/** Reads a one-column `rect` in two halves, each halved again while its answer is too large. */
async function readInHalves(
  sync: SyncCounter,
  at: { sheet: Excel.Worksheet; rect: Rect },
  into: CellValue[],
): Promise<void> {
  const { sheet, rect } = at;
  const half = Math.ceil(rect.rowCount / 2);
  const parts = [
    { ...rect, rowCount: half },
    { ...rect, row: rect.row + half, rowCount: rect.rowCount - half },
  ].filter((part) => part.rowCount > 0);
  for (const part of parts) {
    const range = sheet.getRange(rectAddress(part)).load('values');
    try {
      await sync.sync();
    } catch (error) {
      if (!isReadTooLarge(error) || part.rowCount < 2) throw error;
      await readInHalves(sync, { sheet, rect: part }, into);
      continue;
    }
    for (const row of range.values) into.push(fromExcelValue(row[0]));
  }
}

export function readColumn(source: ColumnSource): Promise<CellValue[]> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const bodyOf = () =>
      context.workbook.tables
        .getItem(source.tableName)
        .columns.getItem(source.column)
        .getDataBodyRange();
    const whole = bodyOf().load('values');
    try {
      await sync.sync();
      return whole.values.map((row) => fromExcelValue(row[0]));
    } catch (error) {
      if (!isReadTooLarge(error)) throw error;
    }
    // Proxies of a failed request are not reused (office-write.ts): fresh ones for the address.
    const body = bodyOf().load('address');
    const sheet = body.worksheet.load('name');
    await sync.sync();
    const values: CellValue[] = [];
    const at = {
      sheet: context.workbook.worksheets.getItem(sheet.name),
      rect: parseRect(body.address),
    };
    await readInHalves(sync, at, values);
    return values;
  });
}
