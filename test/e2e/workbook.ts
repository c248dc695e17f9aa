// The person's hands on the fake workbook inside the page: type into a table as into Excel (a
// row typed under a table joins it, as Excel's AutoExpansion does), and look at what the add-in
// wrote, marked and selected. Everything runs in the page through `window.__fakeWorkbook`.
import type { Page } from 'playwright-core';
import type { FakeCellValue } from '../fakes/fake-cells';

export interface TableSnapshot {
  name: string;
  sheetName: string;
  /** Zero-based sheet row of the header and first column. */
  row: number;
  column: number;
  headers: string[];
  /** Body rows, values by header. */
  rows: Record<string, FakeCellValue>[];
  /** Fill colour by "A1" address, for body cells that have one. */
  fills: Record<string, string>;
  /** Note or comment text by address. */
  notes: Record<string, string>;
}

/** Every table in the workbook, as plain data. */
export function tables(page: Page): Promise<TableSnapshot[]> {
  return page.evaluate(() => {
    type Row = {
      values: unknown[];
      fills?: (string | undefined)[];
      notes?: (string | undefined)[];
      comments?: (string | undefined)[];
    };
    type Model = {
      tables: {
        name: string;
        sheet: { name: string; rows: (Row | undefined)[] };
        row: number;
        column: number;
        columnCount: number;
        bodyCount: number;
      }[];
    };
    const wb = (globalThis as unknown as { __fakeWorkbook: Model }).__fakeWorkbook;
    const letters = (c: number): string =>
      c < 26
        ? String.fromCharCode(65 + c)
        : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
    return wb.tables.map((t) => {
      const cell = (r: number, c: number) => t.sheet.rows[r]?.values[c] ?? null;
      const headers = Array.from({ length: t.columnCount }, (_, i) =>
        String((cell(t.row, t.column + i) as string | number | null) ?? ''),
      );
      const rows: Record<string, unknown>[] = [];
      const fills: Record<string, string> = {};
      const notes: Record<string, string> = {};
      for (let r = t.row + 1; r <= t.row + t.bodyCount; r += 1) {
        const row: Record<string, unknown> = {};
        headers.forEach((h, i) => {
          const c = t.column + i;
          row[h] = cell(r, c);
          const fill = t.sheet.rows[r]?.fills?.[c];
          if (fill) fills[`${letters(c)}${r + 1}`] = fill;
          const note = t.sheet.rows[r]?.notes?.[c] ?? t.sheet.rows[r]?.comments?.[c];
          if (note) notes[`${letters(c)}${r + 1}`] = note;
        });
        rows.push(row);
      }
      return {
        name: t.name,
        sheetName: t.sheet.name,
        row: t.row,
        column: t.column,
        headers,
        rows,
        fills,
        notes,
      };
    });
  }) as Promise<TableSnapshot[]>;
}

export async function table(
  page: Page,
  predicate: (t: TableSnapshot) => boolean,
): Promise<TableSnapshot> {
  const found = (await tables(page)).find(predicate);
  if (!found)
    throw new Error(
      `no such table among ${(await tables(page)).map((t) => `${t.sheetName}!${t.name}`).join(', ')}`,
    );
  return found;
}

/**
 * Types rows into a table's body from its first body row, by header; the table grows to hold
 * them. A value is typed as Excel stores it: numbers as numbers, text as text.
 */
export function typeRows(
  page: Page,
  tableName: string,
  rows: readonly Record<string, FakeCellValue>[],
): Promise<void> {
  return page.evaluate(
    ({ tableName, rows }) => {
      type Model = {
        tables: {
          name: string;
          sheet: { row: (i: number) => { values: unknown[] } };
          row: number;
          column: number;
          columnCount: number;
          bodyCount: number;
        }[];
        tableHeaders: (name: string) => string[];
      };
      const wb = (globalThis as unknown as { __fakeWorkbook: Model }).__fakeWorkbook;
      const t = wb.tables.find((x) => x.name === tableName);
      if (!t) throw new Error(`no table ${tableName}`);
      const headers = wb.tableHeaders(tableName);
      rows.forEach((values, index) => {
        const row = t.sheet.row(t.row + 1 + index);
        for (const [header, value] of Object.entries(values)) {
          const at = headers.indexOf(header);
          if (at < 0) throw new Error(`no column ${header} in ${headers.join(', ')}`);
          row.values[t.column + at] = value;
        }
      });
      t.bodyCount = Math.max(t.bodyCount, rows.length);
    },
    { tableName, rows },
  );
}

/** Types one value into a body cell of a table (row 0 = first body row). */
export function typeCell(
  page: Page,
  input: { tableName: string; row: number; header: string; value: FakeCellValue },
): Promise<void> {
  return page.evaluate((input) => {
    type Model = {
      tables: {
        name: string;
        sheet: { row: (i: number) => { values: unknown[] } };
        row: number;
        column: number;
      }[];
      tableHeaders: (name: string) => string[];
    };
    const wb = (globalThis as unknown as { __fakeWorkbook: Model }).__fakeWorkbook;
    const t = wb.tables.find((x) => x.name === input.tableName)!;
    const at = wb.tableHeaders(input.tableName).indexOf(input.header);
    if (at < 0) throw new Error(`no column ${input.header}`);
    t.sheet.row(t.row + 1 + input.row).values[t.column + at] = input.value;
  }, input);
}

/** The selected cell as "Sheet!A1" (top-left of the selection), or null. */
export function selection(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    type Model = { selection: { sheet: string; rect: { row: number; column: number } } | null };
    const wb = (globalThis as unknown as { __fakeWorkbook: Model }).__fakeWorkbook;
    if (!wb.selection) return null;
    const letters = (c: number): string =>
      c < 26
        ? String.fromCharCode(65 + c)
        : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26));
    return `${wb.selection.sheet}!${letters(wb.selection.rect.column)}${wb.selection.rect.row + 1}`;
  });
}

/** The number of Excel requests (syncs) the add-in has made so far. */
export function syncCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { __fakeWorkbook: { syncLog: unknown[] } }).__fakeWorkbook.syncLog
        .length,
  );
}

/** Adds a sheet holding `rows` from A1 (the user's own layout) and selects `select` on it. */
export function addSheet(
  page: Page,
  input: { name: string; rows: FakeCellValue[][]; select: string },
): Promise<void> {
  return page.evaluate((input) => {
    type Model = {
      addSheet: (name: string, rows: unknown[][]) => unknown;
      select: (sheet: string, address: string) => void;
    };
    const wb = (globalThis as unknown as { __fakeWorkbook: Model }).__fakeWorkbook;
    wb.addSheet(input.name, input.rows);
    wb.select(input.name, input.select);
  }, input);
}

/** The PivotTables the add-in created. */
export function pivots(
  page: Page,
): Promise<{ name: string; sheetName: string; sourceTable: string; values: string[] }[]> {
  return page.evaluate(() => {
    type Model = {
      pivots: { name: string; sheetName: string; sourceTable: string; values: string[] }[];
    };
    return structuredClone(
      (globalThis as unknown as { __fakeWorkbook: Model }).__fakeWorkbook.pivots,
    );
  });
}

/** A sheet's cells from A1 as the user sees them: value and fill, by address ("B3"). */
export function sheetCells(
  page: Page,
  input: { sheetName: string; rows: number; columns: number },
): Promise<Record<string, { value: unknown; fill: string | null }>> {
  return page.evaluate((input) => {
    type Sheet = {
      value: (r: number, c: number) => unknown;
      fill: (r: number, c: number) => string | undefined;
    };
    type Model = { findSheet: (name: string) => Sheet | undefined };
    const sheet = (globalThis as unknown as { __fakeWorkbook: Model }).__fakeWorkbook.findSheet(
      input.sheetName,
    );
    if (!sheet) throw new Error(`no sheet ${input.sheetName}`);
    const cells: Record<string, { value: unknown; fill: string | null }> = {};
    for (let r = 0; r < input.rows; r += 1)
      for (let c = 0; c < input.columns; c += 1)
        cells[`${String.fromCharCode(65 + c)}${r + 1}`] = {
          value: sheet.value(r, c),
          fill: sheet.fill(r, c) ?? null,
        };
    return cells;
  }, input);
}
