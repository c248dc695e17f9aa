// What the add-in coloured itself, remembered in the workbook's settings (they travel with the
// file): the cells validate marked, per sheet, and the rows the below-safety highlight filled, per
// table, by `_key` (the user sorts pulled tables). The next run clears exactly those, never the
// whole body, so a colour or note the user gave a cell survives validate and refresh. Read back
// through zod, so a hand-edited or older file cannot crash it.
import { z } from 'zod';
import { cellKey } from '../excel/a1';
import type { ExcelPort } from '../excel/port';

const MARK_MEMORY_KEYS = {
  cells: 'salesSync.markedCells',
  rows: 'salesSync.highlightedRows',
} as const;

const cellsSchema = z.record(z.string(), z.array(z.string()));
// Workbooks from before the highlight was kept by key hold body positions: still read, once.
const highlightedSchema = z.record(
  z.string(),
  z.union([z.array(z.string()), z.array(z.number().int().nonnegative())]),
);

async function readRecord<T>(
  port: ExcelPort,
  key: string,
  schema: z.ZodType<Record<string, T>>,
): Promise<Record<string, T>> {
  const raw = await port.readSettings([key]);
  const parsed = schema.safeParse(raw[key]);
  return parsed.success ? parsed.data : {};
}

async function writeEntry<T>(
  port: ExcelPort,
  at: { key: string; name: string; schema: z.ZodType<Record<string, T>> },
  value: T | null,
): Promise<void> {
  const others = Object.entries(await readRecord(port, at.key, at.schema)).filter(
    ([name]) => name !== at.name,
  );
  const record = Object.fromEntries(value === null ? others : [...others, [at.name, value]]);
  await port.writeSettings({ [at.key]: Object.keys(record).length > 0 ? record : null });
}

/** Cells of the sheet that validate marked last time ("C5"). */
export async function readMarkedCells(port: ExcelPort, sheetName: string): Promise<string[]> {
  const cells = (await readRecord(port, MARK_MEMORY_KEYS.cells, cellsSchema))[sheetName];
  return [...new Set((cells ?? []).map(cellKey))];
}

export function rememberMarkedCells(
  port: ExcelPort,
  sheetName: string,
  addresses: readonly string[],
): Promise<void> {
  const cells = [...new Set(addresses.map(cellKey))];
  return writeEntry(
    port,
    { key: MARK_MEMORY_KEYS.cells, name: sheetName, schema: cellsSchema },
    cells.length > 0 ? cells : null,
  );
}

/**
 * What the highlight filled last time: the rows' keys, or, in a memory written before keys were
 * kept, body positions as the table was after that refresh (then `keys` is empty).
 */
interface HighlightMemory {
  readonly keys: readonly string[];
  readonly rows: readonly number[];
}

export async function readHighlightMemory(
  port: ExcelPort,
  tableName: string,
): Promise<HighlightMemory> {
  const entry = (await readRecord(port, MARK_MEMORY_KEYS.rows, highlightedSchema))[tableName] ?? [];
  const keys = entry.filter((item) => typeof item === 'string');
  const rows = entry.filter((item) => typeof item === 'number');
  return { keys, rows };
}

/** Replaces the table's memory (positions too) with the keys of the rows filled now. */
export function rememberHighlightedKeys(
  port: ExcelPort,
  tableName: string,
  keys: readonly string[],
): Promise<void> {
  const unique = [...new Set(keys)];
  return writeEntry(
    port,
    { key: MARK_MEMORY_KEYS.rows, name: tableName, schema: highlightedSchema },
    unique.length > 0 ? unique : null,
  );
}

/**
 * Where remembered rows are after a write that deleted `deletes` (indexes before the write):
 * Excel moves a row's fill with the row, so a deleted row's fill is gone and later rows move up.
 * Appends land below and updates move nothing.
 */
export function rowsAfterDeletes(rows: readonly number[], deletes: readonly number[]): number[] {
  const deleted = [...new Set(deletes)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const row of rows) {
    if (deleted.includes(row)) continue;
    out.push(row - deleted.filter((d) => d < row).length);
  }
  return out;
}
