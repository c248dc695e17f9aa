// The Excel port: everything the add-in's use cases need from the workbook, as plain data.
// Only addin/excel/ touches Office/Excel (docs/architecture.md, "Layers"); proxy objects
// never leave it. Each operation is one Excel.run batch (one context.sync() per chunk).

/** A cell value as Excel's Range.values returns it (dates arrive as serial numbers). */
export type CellValue = string | number | boolean | null;

/** A cell inside a region's body: zero-based row (first body row = 0) and column. */
export interface CellRef {
  readonly row: number;
  readonly column: number;
}

/** One column of a named table, by header. */
export interface ColumnSource {
  readonly tableName: string;
  readonly column: string;
}

/** Where to read: the region around the selection, a named table, or an explicit range. */
export type RegionSource =
  | { readonly kind: 'selection' }
  | { readonly kind: 'table'; readonly tableName: string }
  | { readonly kind: 'range'; readonly sheetName: string; readonly address: string };

/**
 * A region read as plain data. `rows`, `texts`, `numberFormats` have one entry per body row and
 * one cell per header. `texts` is what the user sees ('0012' stored as text reads value '0012'
 * and text '0012'; a number 12 formatted '0000' reads value 12 and text '0012').
 */
export interface SheetRegion {
  readonly sheetName: string;
  /** Sheet-qualified address of the whole region, header row included ("Orders!A1:F20"). */
  readonly address: string;
  /** The Excel table the region belongs to, if any. */
  readonly tableName: string | null;
  /** Zero-based sheet row and column of the header row's first cell. */
  readonly origin: { readonly row: number; readonly column: number };
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  readonly texts: readonly (readonly string[])[];
  readonly numberFormats: readonly (readonly string[])[];
  /** Body cells holding a formula where the user probably meant a value. */
  readonly formulaCells: readonly CellRef[];
  /** Body cells inside a merged area; null when the host cannot tell (ExcelApi < 1.13). */
  readonly mergedCells: readonly CellRef[] | null;
  /** Body row indexes hidden by the user or a filter. */
  readonly hiddenRows: readonly number[];
}

/** A table the port was asked for is gone (the user deleted it, or its sheet). */
export class MissingTableError extends Error {
  constructor(readonly tableName: string) {
    super(`table ${tableName} is missing`);
    this.name = 'MissingTableError';
  }
}

/** The system columns kept inside the user's table (docs/protocol.md, "Sheet system columns"). */
/** `_hash` holds the digest of the row's values at its last push or pull, so the add-in knows
 *  which rows changed; like `_key` and `_version` it is hidden and moves with sorting. */
export const SYSTEM_COLUMNS = ['_status', '_key', '_version', '_hash'] as const;
export const HIDDEN_SYSTEM_COLUMNS: readonly string[] = ['_key', '_version', '_hash'];

export interface EnsureTableInput {
  readonly sheetName: string;
  /** Address of the range (header row included) to turn into a table, unless one is there. */
  readonly address: string;
  /** Name for a new table; Excel picks one when omitted. */
  readonly tableName?: string;
  /** Hide `_status` too (a pulled table, where nothing is pushed and the column stays empty). */
  readonly hideStatus?: boolean;
}

export interface TableInfo {
  readonly tableName: string;
  readonly sheetName: string;
  readonly address: string;
  /** The table's column names, left to right, after the system columns were ensured. */
  readonly columns: readonly string[];
  /** Number of body rows. */
  readonly rowCount: number;
}

/** Limits for one request; see chunks.ts for the defaults and why. */
export interface ChunkLimits {
  readonly maxBytes: number;
  readonly maxCells: number;
}

/** Rows to write into one table. Row indexes are body rows as the table is before the write. */
export interface WritePlan {
  readonly tableName: string;
  /** Columns the values are given for, by name, in the order of each values array. */
  readonly columns: readonly string[];
  /** Columns holding text: written with number format '@' so '0012' or '=x' stay text. */
  readonly textColumns?: readonly string[];
  readonly updates?: readonly { readonly row: number; readonly values: readonly CellValue[] }[];
  /** Whole new rows, one value per table column in table order. */
  readonly appends?: readonly (readonly CellValue[])[];
  readonly deletes?: readonly number[];
  readonly limits?: ChunkLimits;
}

export interface WriteResult {
  /** Requests the write needed (one per chunk, plus one to read the table's shape). */
  readonly syncs: number;
  readonly chunks: number;
  /** How many times a chunk was halved after a payload-too-large error. */
  readonly halvings: number;
  /** Largest estimated request payload in bytes. */
  readonly largestChunkBytes: number;
}

/** How a mark's reason was attached: a note (1.18), a comment (1.10), or nowhere. */
export type NoteMode = 'note' | 'comment' | 'none';

export interface CellMark {
  /** Cell address on the sheet, e.g. "C5". */
  readonly address: string;
  readonly reason: string;
}

export interface MarkInput {
  readonly sheetName: string;
  readonly marks: readonly CellMark[];
  /** Fill colour, e.g. "#FFC7CE". */
  readonly color: string;
}

export interface ClearMarksInput {
  readonly sheetName: string;
  /**
   * Cells the add-in marked itself (remembered in the workbook's settings), e.g. ["C5", "F9"].
   * Only these lose their fill and their note or comment; every other cell keeps the user's own
   * formatting. One Excel.run, one sync per chunk whatever the number of cells.
   */
  readonly addresses: readonly string[];
}

/** One column of a new template sheet. */
export interface TemplateColumn {
  readonly header: string;
  /** 'yyyy-mm-dd' for dates, '#,##0.00' for money, '0' for integers, '@' for text. */
  readonly numberFormat: string;
  /** Values for a dropdown, kept in a column of the hidden `_lists` sheet. */
  readonly list?: { readonly name: string; readonly values: readonly string[] };
}

export interface TemplateSpec {
  readonly sheetName: string;
  readonly tableName: string;
  readonly columns: readonly TemplateColumn[];
  /** How many body rows get formats and dropdowns up front (default 500). */
  readonly preparedRows?: number;
}

export interface PivotSpec {
  readonly sourceTable: string;
  readonly sheetName: string;
  readonly pivotName: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly values: readonly string[];
  /** Fields in the filter area, each keeping only `items` (PivotField.applyFilter, ExcelApi 1.12). */
  readonly filters?: readonly { readonly field: string; readonly items: readonly string[] }[];
  /** A line above the pivot saying what it counts. */
  readonly title?: string;
}

export interface HighlightInput {
  readonly tableName: string;
  /** Body rows to fill (first body row = 0). */
  readonly rows: readonly number[];
  /**
   * Body rows this highlight filled last time, where they are now. Their fill is cleared first
   * (unless they stay highlighted); the rest of the body keeps the user's own colours.
   */
  readonly previousRows: readonly number[];
  readonly color: string;
}

export interface ThemeColors {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
}

export interface ExcelEnvironment {
  /** Office's display language, e.g. "zh-CN". */
  readonly displayLanguage: string;
  readonly theme: ThemeColors | null;
  /** Highest supported ExcelApi minor version between 8 and 18 (1.8 is the manifest minimum). */
  readonly excelApiMinor: number;
}

/** One cell of a grid write: its value (null empties it) and fill (null clears it). */
export interface GridCellWrite {
  readonly address: string;
  readonly value: CellValue;
  readonly fill: string | null;
}

/** Cells of a sheet the add-in owns whole (the 销控表 grid), made when absent. */
export interface GridWrite {
  readonly sheetName: string;
  /** Empties this area from A1 first (values and fills): a new layout replaces the old. */
  readonly clear?: { readonly rowCount: number; readonly columnCount: number };
  readonly cells: readonly GridCellWrite[];
}

/** A hidden sheet the add-in owns whole (`_returnable`): its old block emptied, then rows. */
export interface HelperSheetWrite {
  readonly sheetName: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Columns (by index) written as text ('@'), so "0012" or "=x" stay what they are. */
  readonly textColumns: readonly number[];
  /** How many rows (from the first body row) the first column's dropdown lists. */
  readonly listRows: number;
}

/** A list dropdown on a table column, over the prepared rows (docs/returns.md, "In Excel"). */
export interface ListValidationInput {
  readonly tableName: string;
  readonly column: string;
  /** A range reference ("='_returnable'!$A$2:$A$9"), or null to remove the dropdown. */
  readonly source: string | null;
  /** Body rows that get it, at least (a template prepares 500; a bigger table all of its own). */
  readonly rows: number;
}

/** JSON-serializable workbook settings; a null value removes the key. */
export type SettingsPatch = Readonly<Record<string, unknown>>;

export interface ExcelPort {
  readRegion(source: RegionSource): Promise<SheetRegion>;
  /** A table column's body values, top to bottom (e.g. `_key`, to find rows after a sort). */
  readColumn(source: ColumnSource): Promise<CellValue[]>;
  ensureTable(input: EnsureTableInput): Promise<TableInfo>;
  writeRows(plan: WritePlan): Promise<WriteResult>;
  markCells(input: MarkInput): Promise<{ readonly noteMode: NoteMode }>;
  /** Clears exactly the given cells' fill and note or comment, never a whole range. */
  clearMarks(input: ClearMarksInput): Promise<void>;
  createTemplateSheet(spec: TemplateSpec): Promise<TableInfo>;
  addPivot(spec: PivotSpec): Promise<void>;
  selectCell(sheetName: string, address: string): Promise<void>;
  /** Fills `rows` of the table's body, after clearing only `previousRows` (not the body). */
  highlightRows(input: HighlightInput): Promise<void>;
  /** Writes grid cells; `created` says the sheet was not there (a diff alone would not do). */
  writeGrid(input: GridWrite): Promise<{ readonly created: boolean }>;
  /** Writes a hidden helper sheet; returns the list source of its first column's `listRows`. */
  writeHelperSheet(input: HelperSheetWrite): Promise<{ readonly source: string | null }>;
  /** Replaces the column's data validation with an in-cell list (or removes it). */
  setListValidation(input: ListValidationInput): Promise<void>;
  readSettings(keys: readonly string[]): Promise<Record<string, unknown>>;
  writeSettings(patch: SettingsPatch): Promise<void>;
  readEnvironment(): Promise<ExcelEnvironment>;
}
