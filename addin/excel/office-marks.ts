// Marks on cells over Office.js: a fill colour plus the reason as a note (ExcelApi 1.18), else a
// comment (1.10), else nothing (the caller then writes the reason into `_status`). Also the
// highlight of whole table rows and "select this cell".

import {
  addressSheet,
  cellKey,
  consecutiveRuns,
  localAddress,
  parseRect,
  quoteSheet,
  rectAddress,
} from './a1';
import { DEFAULT_CHUNK_LIMITS, groupsOf, jsonStringBytes } from './chunks';
import { emptyStats, isExcelApiSupported, sendInChunks, SyncCounter } from './office-run';
import type { CellMark, ClearMarksInput, HighlightInput, MarkInput, NoteMode } from './port';

/** Fill, lookup and note operations for one cell, beyond the reason's own bytes. */
const MARK_OVERHEAD_BYTES = 400;
const RUNS_PER_REQUEST = 2_000;
/** A fill clear and a note delete for one cell. */
const CLEAR_BYTES = 300;

interface Annotation {
  content: string;
  delete(): void;
  getLocation(): Excel.Range;
}

export function noteMode(): NoteMode {
  if (isExcelApiSupported(18)) return 'note';
  return isExcelApiSupported(10) ? 'comment' : 'none';
}

/** The sheet's existing notes or comments, by cell ("C5"). Two syncs. */
async function loadAnnotations(
  sync: SyncCounter,
  context: Excel.RequestContext,
  input: { sheetName: string; mode: Exclude<NoteMode, 'none'> },
): Promise<Map<string, Annotation>> {
  const collection =
    input.mode === 'note'
      ? context.workbook.worksheets.getItem(input.sheetName).notes
      : context.workbook.comments;
  collection.load('items');
  await sync.sync();
  const items: Annotation[] = collection.items;
  const locations = items.map((item) => item.getLocation().load('address'));
  await sync.sync();
  const found = new Map<string, Annotation>();
  items.forEach((item, i) => {
    const address = locations[i]?.address ?? '';
    if (
      input.mode === 'note' ||
      addressSheet(address)?.toLowerCase() === input.sheetName.toLowerCase()
    ) {
      found.set(cellKey(address), item);
    }
  });
  return found;
}

/** One mark per cell: several reasons for the same cell go into one note, one per line. */
function mergeMarks(marks: readonly CellMark[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const mark of marks) {
    const key = cellKey(mark.address);
    const before = byCell.get(key);
    byCell.set(key, {
      address: key,
      reason: before ? `${before.reason}\n${mark.reason}` : mark.reason,
    });
  }
  return [...byCell.values()];
}

export function markCells(input: MarkInput): Promise<{ noteMode: NoteMode }> {
  const mode = noteMode();
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const sheet = context.workbook.worksheets.getItem(input.sheetName);
    const existing =
      mode === 'none'
        ? new Map<string, Annotation>()
        : await loadAnnotations(sync, context, { sheetName: input.sheetName, mode });
    const marks = mergeMarks(input.marks);
    const sizes = marks.map((m) => jsonStringBytes(m.reason) + MARK_OVERHEAD_BYTES);
    await sendInChunks(
      sync,
      { sizes, cellsPerItem: 1, limits: DEFAULT_CHUNK_LIMITS, stats: emptyStats() },
      (chunk) => {
        for (const mark of marks.slice(chunk.start, chunk.start + chunk.count)) {
          sheet.getRange(mark.address).format.fill.color = input.color;
          const found = existing.get(mark.address);
          if (mode === 'none') continue;
          if (found) found.content = mark.reason;
          else if (mode === 'note') sheet.notes.add(mark.address, mark.reason);
          else
            context.workbook.comments.add(
              `${quoteSheet(input.sheetName)}!${mark.address}`,
              mark.reason,
            );
        }
      },
    );
    return { noteMode: mode };
  });
}

export function clearMarks(input: ClearMarksInput): Promise<void> {
  const cells = [...new Set(input.addresses.map(cellKey))];
  if (cells.length === 0) return Promise.resolve();
  const mode = noteMode();
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const sheet = context.workbook.worksheets.getItem(input.sheetName);
    const existing =
      mode === 'none'
        ? new Map<string, Annotation>()
        : await loadAnnotations(sync, context, { sheetName: input.sheetName, mode });
    await sendInChunks(
      sync,
      {
        sizes: cells.map(() => CLEAR_BYTES),
        cellsPerItem: 1,
        limits: DEFAULT_CHUNK_LIMITS,
        stats: emptyStats(),
      },
      (chunk) => {
        for (const address of cells.slice(chunk.start, chunk.start + chunk.count)) {
          sheet.getRange(address).format.fill.clear();
          existing.get(address)?.delete();
        }
      },
    );
  });
}

/** Fills the new rows after clearing only the previously highlighted ones that are no longer. */
export function highlightRows(input: HighlightInput): Promise<void> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const table = context.workbook.tables.getItem(input.tableName);
    const range = table.getRange().load('address');
    const sheet = table.worksheet.load('name');
    await sync.sync();
    const rect = parseRect(range.address);
    const target = context.workbook.worksheets.getItem(sheet.name);
    const bodyRows = rect.rowCount - 1;
    const keep = new Set(input.rows);
    const stale = input.previousRows.filter((row) => row < bodyRows && !keep.has(row));
    const runs = [
      ...consecutiveRuns(stale).map((run) => ({ run, color: null })),
      ...consecutiveRuns(input.rows).map((run) => ({ run, color: input.color })),
    ];
    for (const group of groupsOf(runs, RUNS_PER_REQUEST)) {
      for (const { run, color } of group) {
        const fill = target.getRange(
          rectAddress({ ...rect, row: rect.row + 1 + run.start, rowCount: run.count }),
        ).format.fill;
        if (color === null) fill.clear();
        else fill.color = color;
      }
      await sync.sync();
    }
  });
}

export function selectCell(sheetName: string, address: string): Promise<void> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(localAddress(address)).select();
    await context.sync();
  });
}
