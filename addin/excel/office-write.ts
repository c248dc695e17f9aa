// writeRows over Office.js: one Excel.run; one sync to learn the table's shape, then one sync per
// chunk for updates, deletes and appends. Writes use sheet addresses computed from the table's
// position, so no proxy from a failed (halved) request is reused.

import { consecutiveRuns, rectAddress, parseRect, type Rect } from './a1';
import { DEFAULT_CHUNK_LIMITS, groupsOf, rowBytes } from './chunks';
import { emptyStats, sendInChunks, SyncCounter, type ChunkStats } from './office-run';
import type { CellValue, ChunkLimits, WritePlan, WriteResult } from './port';
import { protectRow } from './text-safety';

/** Per-operation bytes beyond the values: object path, address, property name. */
const OPERATION_OVERHEAD_BYTES = 160;
/** Row-run deletes per request; each is a few hundred bytes. */
const DELETES_PER_REQUEST = 2_000;

interface Shape {
  sheet: Excel.Worksheet;
  rect: Rect;
  columns: string[];
  bodyCount: number;
  firstRowBlank: boolean;
}

interface Writer {
  shape: Shape;
  sync: SyncCounter;
  limits: ChunkLimits;
  stats: ChunkStats;
  textColumns: ReadonlySet<string>;
}

async function loadShape(
  sync: SyncCounter,
  context: Excel.RequestContext,
  tableName: string,
): Promise<Shape> {
  const table = context.workbook.tables.getItem(tableName);
  const range = table.getRange().load('address,rowCount');
  const firstRow = table.getDataBodyRange().getRow(0).load('values');
  const header = table.getHeaderRowRange().load('values');
  const sheet = table.worksheet.load('name');
  await sync.sync();
  const rect = parseRect(range.address);
  return {
    sheet: context.workbook.worksheets.getItem(sheet.name),
    rect,
    columns: (header.values[0] ?? []).map(String),
    bodyCount: rect.rowCount - 1,
    firstRowBlank: (firstRow.values[0] ?? []).every((v) => v === '' || v === null),
  };
}

/** Sheet range of body rows [row, row+count) × table columns [column, column+width). */
function bodyRange(
  shape: Shape,
  at: { row: number; count: number; column: number; width: number },
): Excel.Range {
  const rect = {
    row: shape.rect.row + 1 + at.row,
    column: shape.rect.column + at.column,
    rowCount: at.count,
    columnCount: at.width,
  };
  return shape.sheet.getRange(rectAddress(rect));
}

/** Writes `rows` into a block, text columns formatted '@' first (null format entries are ignored). */
function queueBlock(
  w: Writer,
  at: { row: number; column: number },
  rows: readonly (readonly CellValue[])[],
): void {
  const width = rows[0]?.length ?? 0;
  const names = w.shape.columns.slice(at.column, at.column + width);
  const isText = names.map((n) => w.textColumns.has(n));
  const range = bodyRange(w.shape, { row: at.row, count: rows.length, column: at.column, width });
  if (isText.some(Boolean))
    range.numberFormat = rows.map(() => isText.map((t) => (t ? '@' : null))) as string[][];
  // Excel ignores null in a values matrix; '' is what clears a cell.
  range.values = rows.map((row) => protectRow(row, isText).map((v) => v ?? ''));
}

/** Contiguous runs of table columns among the written ones: [[tableIndex, planIndex], …]. */
function columnSegments(
  shape: Shape,
  columns: readonly string[],
): { start: number; picks: number[] }[] {
  const indexes = columns.map((name) => {
    const index = shape.columns.indexOf(name);
    if (index < 0) throw new Error(`table has no column ${name}`);
    return index;
  });
  return consecutiveRuns(indexes).map((run) => ({
    start: run.start,
    picks: Array.from({ length: run.count }, (_, k) => indexes.indexOf(run.start + k)),
  }));
}

async function writeUpdates(w: Writer, plan: WritePlan): Promise<void> {
  const updates = [...(plan.updates ?? [])].sort((a, b) => a.row - b.row);
  if (updates.length === 0) return;
  const segments = columnSegments(w.shape, plan.columns);
  const sizes = updates.map((u) =>
    rowBytes(u.values, OPERATION_OVERHEAD_BYTES + plan.columns.length * 6),
  );
  await sendInChunks(
    w.sync,
    { sizes, cellsPerItem: plan.columns.length, limits: w.limits, stats: w.stats },
    (chunk) => {
      const part = updates.slice(chunk.start, chunk.start + chunk.count);
      for (const run of consecutiveRuns(part.map((u) => u.row))) {
        const rows = part.filter((u) => u.row >= run.start && u.row < run.start + run.count);
        for (const segment of segments) {
          queueBlock(
            w,
            { row: run.start, column: segment.start },
            rows.map((u) => segment.picks.map((p) => u.values[p] ?? null)),
          );
        }
      }
    },
  );
}

async function deleteRows(w: Writer, rows: readonly number[]): Promise<number> {
  const runs = consecutiveRuns(rows).reverse(); // bottom first keeps the other indexes valid
  for (const group of groupsOf(runs, DELETES_PER_REQUEST)) {
    for (const run of group) {
      bodyRange(w.shape, {
        row: run.start,
        count: run.count,
        column: 0,
        width: w.shape.columns.length,
      }).delete(Excel.DeleteShiftDirection.up);
    }
    await w.sync.sync();
    w.stats.chunks += 1;
  }
  return runs.reduce((n, run) => n + run.count, 0);
}

async function appendRows(w: Writer, plan: WritePlan, bodyCount: number): Promise<void> {
  const appends = plan.appends ?? [];
  const width = w.shape.columns.length;
  if (appends.some((row) => row.length !== width))
    throw new Error(`appended rows need ${width} values`);
  // A table always keeps one body row; a fresh table's is blank and takes the first new row.
  const reuse = bodyCount === 1 && w.shape.firstRowBlank && appends.length > 0;
  const textMask = w.shape.columns.map((n) => w.textColumns.has(n));
  const plain = textMask.map(() => false);
  const sizes = appends.map((row) =>
    rowBytes(protectRow(row, plain), 16 + textMask.filter(Boolean).length * 6),
  );
  await sendInChunks(
    w.sync,
    { sizes, cellsPerItem: width, limits: w.limits, stats: w.stats },
    (chunk) => {
      const at = (reuse ? 0 : bodyCount) + chunk.start;
      const rows = appends.slice(chunk.start, chunk.start + chunk.count);
      const isFirstInBlank = reuse && chunk.start === 0;
      const table = w.shape.sheet.tables.getItem(plan.tableName);
      if (isFirstInBlank)
        queueBlock({ ...w, textColumns: new Set() }, { row: 0, column: 0 }, rows.slice(0, 1));
      const added = isFirstInBlank ? rows.slice(1) : rows;
      if (added.length > 0)
        table.rows.add(
          undefined,
          added.map((row) => protectRow(row, plain).map((v) => v ?? '')),
        );
      textMask.forEach((isText, column) => {
        if (isText)
          bodyRange(w.shape, { row: at, count: rows.length, column, width: 1 }).numberFormat =
            rows.map(() => ['@']);
      });
    },
  );
}

export function writeRows(plan: WritePlan): Promise<WriteResult> {
  return Excel.run(async (context) => {
    const sync = new SyncCounter(context);
    const shape = await loadShape(sync, context, plan.tableName);
    const writer: Writer = {
      shape,
      sync,
      limits: plan.limits ?? DEFAULT_CHUNK_LIMITS,
      stats: emptyStats(),
      textColumns: new Set(plan.textColumns ?? []),
    };
    await writeUpdates(writer, plan);
    const deleted = await deleteRows(writer, plan.deletes ?? []);
    await appendRows(writer, plan, shape.bodyCount - deleted);
    return {
      syncs: sync.count,
      chunks: writer.stats.chunks,
      halvings: writer.stats.halvings,
      largestChunkBytes: writer.stats.largestBytes,
    };
  });
}
