// The fake workbook as a whole: sheets, tables, pivots, selection, settings, and what every sync
// sent. Tests build it through these helpers and assert on it after the port ran.

import { parseAddress, type FakeRect } from './fake-a1';
import type { FakeCellValue } from './fake-cells';
import {
  SheetModel,
  tableHeaders,
  type PivotModel,
  type SyncRecord,
  type TableModel,
} from './fake-model';

/** Excel on the web's request limit; a bigger request fails with RequestPayloadSizeLimitExceeded. */
export const FAKE_REQUEST_LIMIT_BYTES = 5 * 1000 * 1000;

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set the host supports, e.g. '1.8', '1.10', '1.18'. */
  readonly excelApi?: string;
  readonly displayLanguage?: string;
  readonly darkTheme?: boolean;
  readonly requestLimitBytes?: number;
  /** Office.onReady's host: "Excel" (default), or null for a page opened in a plain browser tab. */
  readonly host?: string | null;
}

export class FakeWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly pivots: PivotModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly savedSettings = new Map<string, unknown>();
  readonly syncLog: SyncRecord[] = [];
  selection: { sheet: string; rect: FakeRect } | null = null;
  activeSheet: string | null = null;
  apiMinor: number;
  displayLanguage: string;
  darkTheme: boolean;
  requestLimitBytes: number;
  readonly host: string | null;
  /** Set by a test to make the next syncs fail with this error code (once each). */
  readonly injectedFailures: string[] = [];

  constructor(options: FakeOfficeOptions = {}) {
    this.apiMinor = Number((options.excelApi ?? '1.18').split('.')[1] ?? '8');
    this.displayLanguage = options.displayLanguage ?? 'zh-CN';
    this.darkTheme = options.darkTheme ?? false;
    this.requestLimitBytes = options.requestLimitBytes ?? FAKE_REQUEST_LIMIT_BYTES;
    this.host = options.host === undefined ? 'Excel' : options.host;
  }

  get syncCount(): number {
    return this.syncLog.length;
  }

  get largestRequestBytes(): number {
    return this.syncLog.reduce((max, s) => Math.max(max, s.bytes), 0);
  }

  /** Adds a sheet; `rows` are kept as given (no copy), so big sheets build fast. */
  addSheet(name: string, rows: FakeCellValue[][] = []): SheetModel {
    if (this.findSheet(name)) throw new Error(`sheet ${name} exists`);
    const sheet = new SheetModel(name);
    sheet.rows = rows.map((values) => ({ values }));
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    return sheet;
  }

  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheet(name: string): SheetModel {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** Deletes a sheet as the user would (right-click → Delete): its tables and pivots go with it. */
  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i -= 1)
      if (this.tables[i]?.sheet === sheet) this.tables.splice(i, 1);
    for (let i = this.pivots.length - 1; i >= 0; i -= 1)
      if (this.pivots[i]?.sheetName === sheet.name) this.pivots.splice(i, 1);
    if (this.selection?.sheet === sheet.name) this.selection = null;
    if (this.activeSheet === sheet.name) this.activeSheet = this.sheets[0]?.name ?? null;
  }

  /** Makes `address` (header row included) a table, as Insert → Table would. */
  addTable(sheetName: string, address: string, name?: string): TableModel {
    const { rect } = parseAddress(address);
    const table: TableModel = {
      name: name ?? `Table${this.tables.length + 1}`,
      sheet: this.sheet(sheetName),
      row: rect.row,
      column: rect.column,
      columnCount: rect.columnCount,
      bodyCount: Math.max(1, rect.rowCount - 1),
    };
    this.tables.push(table);
    return table;
  }

  findTable(name: string): TableModel | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === lower);
  }

  tableHeaders(name: string): string[] {
    const table = this.findTable(name);
    if (!table) throw new Error(`no table ${name}`);
    return tableHeaders(table);
  }

  select(sheetName: string, address: string): void {
    this.selection = { sheet: this.sheet(sheetName).name, rect: parseAddress(address).rect };
    this.activeSheet = sheetName;
  }
}
