// What the add-in coloured itself, remembered in the workbook's settings (they travel with the
// file): the cells validate marked, per sheet, and the rows the below-safety highlight filled, per
// table. The next run clears exactly those, never the whole body, so a colour or note the user
// gave a cell survives validate and refresh. Read back through zod (STYLE.md 4).
import { z } from 'zod';
import { cellKey } from '../excel/a1';
import type { ExcelPort } from '../excel/port';

export const MARK_MEMORY_KEYS = {
  cells: 'salesSync.markedCells',
  rows: 'salesSync.highlightedRows',
} as const;

const cellsSchema = z.record(z.string(), z.array(z.string()));
const rowsSchema = z.record(z.string(), z.array(z.number().int().nonnegative()));

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

/** Body rows of the table the highlight filled last time, as the table was then. */
export async function readHighlightedRows(port: ExcelPort, tableName: string): Promise<number[]> {
  return (await readRecord(port, MARK_MEMORY_KEYS.rows, rowsSchema))[tableName] ?? [];
}

export function rememberHighlightedRows(
  port: ExcelPort,
  tableName: string,
  rows: readonly number[],
): Promise<void> {
  return writeEntry(
    port,
    { key: MARK_MEMORY_KEYS.rows, name: tableName, schema: rowsSchema },
    rows.length > 0 ? [...rows] : null,
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
