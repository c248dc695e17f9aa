// readRegion over Office.js: find the region (a table, the table under the selection, or the
// block around it), then read values, text, formulas and number formats in row chunks (one sync
// each, so the 5 MB response limit holds for big tables), plus hidden rows and merged areas.

import { containsRect, parseRect, rectAddress, type Rect } from './a1';
import {
  fromExcelValue,
  isExcelApiSupported,
  isItemNotFound,
  isReadTooLarge,
  SyncCounter,
} from './office-run';
import {
  MissingTableError,
  type CellRef,
  type CellValue,
  type RegionSource,
  type SheetRegion,
} from './port';

/** Cells per read request: 4 properties × ~15 bytes a cell stays well under 5 MB. */
const READ_CELLS_PER_CHUNK = 40_000;

interface Located {
  sheetName: string;
  rect: Rect;
  tableName: string | null;
}

async function locateTable(
  sync: SyncCounter,
  context: Excel.RequestContext,
  name: string,
): Promise<Located> {
  const table = context.workbook.tables.getItem(name);
  const range = table.getRange().load('address');
  table.load('name');
  const sheet = table.worksheet.load('name');
  try {
    await sync.sync();
  } catch (error) {
    throw isItemNotFound(error) ? new MissingTableError(name) : error;
  }
  return { sheetName: sheet.name, rect: parseRect(range.address), tableName: table.name };
}

/** The user's range (or the block around a single selected cell), or the table it falls in. */
async function locateRange(
  sync: SyncCounter,
  context: Excel.RequestContext,
  source: Exclude<RegionSource, { kind: 'table' }>,
): Promise<Located> {
  const picked =
    source.kind === 'selection'
      ? context.workbook.getSelectedRange()
      : context.workbook.worksheets.getItem(source.sheetName).getRange(source.address);
  const region = picked.getSurroundingRegion().load('address');
  picked.load('address,rowCount,columnCount');
  const sheet = picked.worksheet.load('name');
  const tables = picked.worksheet.tables.load('items/name');
  await sync.sync();
  const ranges = tables.items.map((t) => t.getRange().load('address'));
  await sync.sync();
  const start = parseRect(picked.address);
  const hit = ranges.findIndex((r) =>
    containsRect(parseRect(r.address), { ...start, rowCount: 1, columnCount: 1 }),
  );
  const table = hit >= 0 ? tables.items[hit] : undefined;
  const tableRange = hit >= 0 ? ranges[hit] : undefined;
  if (table && tableRange)
    return { sheetName: sheet.name, rect: parseRect(tableRange.address), tableName: table.name };
  const single = picked.rowCount === 1 && picked.columnCount === 1;
  return {
    sheetName: sheet.name,
    rect: single ? parseRect(region.address) : start,
    tableName: null,
  };
}

interface CellBlock {
  values: CellValue[][];
  texts: string[][];
  formats: string[][];
  formulaCells: CellRef[];
}

/**
 * Range.formulas answers a constant as the constant itself, text starting with "=" included
 * (typed into a text cell): a formula is a cell whose formula differs from its value.
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member
 */
function isFormula(formula: unknown, value: unknown): boolean {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value;
}

/** Reads rows [first, first+count) of `rect`, halving on a payload error. */
async function readBlock(
  sync: SyncCounter,
  at: { sheet: Excel.Worksheet; rect: Rect },
  block: CellBlock,
): Promise<void> {
  const { sheet, rect } = at;
  const range = sheet.getRange(rectAddress(rect)).load('values,text,formulas,numberFormat');
  try {
    await sync.sync();
  } catch (error) {
    if (!isReadTooLarge(error) || rect.rowCount < 2) throw error;
    const half = Math.ceil(rect.rowCount / 2);
    await readBlock(sync, { sheet, rect: { ...rect, rowCount: half } }, block);
    await readBlock(
      sync,
      { sheet, rect: { ...rect, row: rect.row + half, rowCount: rect.rowCount - half } },
      block,
    );
    return;
  }
  const offset = block.values.length;
  range.values.forEach((row, i) => {
    block.values.push(row.map(fromExcelValue));
    block.texts.push((range.text[i] ?? []).map(String));
    block.formats.push((range.numberFormat[i] ?? []).map(String));
    (range.formulas[i] ?? []).forEach((f, column) => {
      if (isFormula(f, row[column])) block.formulaCells.push({ row: offset + i - 1, column });
    });
  });
}

/** Hidden body rows: rowHidden is null when some rows are hidden; the visible view says which. */
async function readHiddenRows(
  sync: SyncCounter,
  body: Excel.Range,
  bodyRect: Rect,
): Promise<number[]> {
  body.load('rowHidden');
  await sync.sync();
  // Typed boolean, but Excel answers null when only some rows are hidden.
  const state = body.rowHidden as boolean | null;
  if (state === false) return [];
  const { rowCount, row: firstRow } = bodyRect;
  if (state === true) return Array.from({ length: rowCount }, (_, i) => i);
  const view = body.getColumn(0).getVisibleView().load('cellAddresses');
  await sync.sync();
  const visible = new Set(
    view.cellAddresses.map((row) => parseRect(String(row[0])).row - firstRow),
  );
  return Array.from({ length: rowCount }, (_, i) => i).filter((i) => !visible.has(i));
}

/** Merged body cells, from Range.getMergedAreasOrNullObject (ExcelApi 1.13); null below it. */
async function readMergedCells(
  sync: SyncCounter,
  body: Excel.Range,
  bodyRect: Rect,
): Promise<CellRef[] | null> {
  if (!isExcelApiSupported(13)) return null;
  const areas = body.getMergedAreasOrNullObject().load('address');
  await sync.sync();
  if (areas.isNullObject) return [];
  const cells: CellRef[] = [];
  for (const part of areas.address.split(',')) {
    const area = parseRect(part.trim());
    for (let r = area.row; r < area.row + area.rowCount; r += 1) {
      for (let c = area.column; c < area.column + area.columnCount; c += 1) {
        if (containsRect(bodyRect, { row: r, column: c, rowCount: 1, columnCount: 1 })) {
          cells.push({ row: r - bodyRect.row, column: c - bodyRect.column });
        }
      }
    }
  }
  return cells;
}

export function readRegion(source: RegionSource): Promise<SheetRegion> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const at =
      source.kind === 'table'
        ? await locateTable(sync, context, source.tableName)
        : await locateRange(sync, context, source);
    const sheet = context.workbook.worksheets.getItem(at.sheetName);
    const block: CellBlock = { values: [], texts: [], formats: [], formulaCells: [] };
    const rowsPerChunk = Math.max(1, Math.floor(READ_CELLS_PER_CHUNK / at.rect.columnCount));
    for (let first = 0; first < at.rect.rowCount; first += rowsPerChunk) {
      const rowCount = Math.min(rowsPerChunk, at.rect.rowCount - first);
      await readBlock(
        sync,
        { sheet, rect: { ...at.rect, row: at.rect.row + first, rowCount } },
        block,
      );
    }
    const bodyRect = { ...at.rect, row: at.rect.row + 1, rowCount: at.rect.rowCount - 1 };
    const body = bodyRect.rowCount > 0 ? sheet.getRange(rectAddress(bodyRect)) : null;
    return {
      sheetName: at.sheetName,
      address: `${at.sheetName}!${rectAddress(at.rect)}`,
      tableName: at.tableName,
      origin: { row: at.rect.row, column: at.rect.column },
      headers: (block.texts[0] ?? []).map((h) => h.trim()),
      rows: block.values.slice(1),
      texts: block.texts.slice(1),
      numberFormats: block.formats.slice(1),
      formulaCells: block.formulaCells.filter((c) => c.row >= 0),
      mergedCells: body ? await readMergedCells(sync, body, bodyRect) : [],
      hiddenRows: body ? await readHiddenRows(sync, body, bodyRect) : [],
    };
  });
}
