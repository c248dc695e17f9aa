// The task pane's view of the add-in: what the React UI calls. Implemented in addin/app.ts over
// the Excel port, the API client and the sync engine; the UI never touches Excel or fetch.
import type { Locale } from '../shared/locale';
import type { MetaResponse } from '../shared/meta';
import type { PullFilter, SessionUser } from '../shared/protocol';

export interface Session {
  serverUrl: string;
  user: SessionUser;
  expiresAt: string;
}

/** Progress of long work; `total` is null while unknown. */
export interface Progress {
  phase: string;
  done: number;
  total: number | null;
}

/** Push options a role may be granted (the dataset's declared `push.options`), for one push. */
export interface PushGrants {
  releaseCredit?: boolean;
  overQuota?: boolean;
}

export interface WorkOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

/** A proposed or saved binding of a sheet region to a dataset. */
export interface Binding {
  dataset: string;
  sheetName: string;
  tableName: string;
  /** For each column of the table (by header), the field it holds, or null. */
  columns: { header: string; field: string | null }[];
  /** Required fields no column holds. */
  missing: string[];
  /** Sheet-qualified address of the region read ("Orders!A1:F20"); where a new table goes. */
  address?: string;
}

export interface CellIssue {
  sheetName: string;
  /** e.g. "D7" */
  address: string;
  /** 1-based row number on the sheet, for the list. */
  sheetRow: number;
  field: string | null;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What a refresh of the returnable-shipment dropdowns wrote (docs/returns.md, "In Excel"). */
export interface DropdownReport {
  /** Shipment lines in the helper sheet. */
  lines: number;
  /** Of those, lines that can still be returned: the dropdown's entries. */
  returnable: number;
  /** Bound returns tables that got the dropdown. */
  tables: number;
}

export interface ValidationReport {
  rowsChecked: number;
  validRows: number;
  invalidRows: number;
  issues: CellIssue[];
}

export interface ConflictInfo {
  rowKey: string;
  sheetRow: number;
  mine: Record<string, unknown>;
  server: Record<string, unknown>;
  fields: string[];
  /** The server's version: taking either side continues from it. */
  serverVersion?: number;
  /** The server record's row key when it differs from the row's (its code is taken by another row). */
  serverKey?: string;
  /** The server's reasons, in the user's language. */
  message?: string;
}

/** One answered row of a push, where it is on the sheet now. */
export interface RowOutcome {
  sheetRow: number;
  rowKey: string;
  status: 'applied' | 'unchanged' | 'rejected' | 'conflict';
  /** Its `_status` words. */
  text: string;
}

export interface PushReport {
  sent: number;
  applied: number;
  unchanged: number;
  rejected: number;
  conflicts: ConflictInfo[];
  skippedInvalid: number;
  /** Valid rows not sent because another row of their group (order) has problems. */
  heldBack: number;
  /** Results not written back because their row left the table during the push (deleted). */
  unplaced: number;
  cancelled: boolean;
  /** Rows the server refused, each at its `_status` cell with the reasons (like validation's). */
  rejections?: CellIssue[];
  /** Every answered row with its `_status` words (the credit release lists them). */
  rows?: RowOutcome[];
}

export interface KeptCellInfo {
  /** e.g. "D7" */
  address: string;
  sheetRow: number;
  field: string;
}

export interface PullReport {
  dataset: string;
  sheetName: string;
  tableName: string;
  added: number;
  updated: number;
  removed: number;
  /** Pulled cells the user had edited since the last pull (overwritten only if asked). */
  editedCells: number;
  reset: boolean;
  refreshedAt: string;
  /** Cells left as the user edited them because overwriteEdits was not set (refresh again with it). */
  keptEdits?: number;
  /** Those cells, where they are on the sheet, and the field each holds. */
  keptCells?: KeptCellInfo[];
  /**
   * Server changes to rows already in the table that were not written: their row left the table
   * while the pages came in (deleted). Such a row is never overwritten or removed by position.
   */
  unplaced?: number;
  /** Stopped by the signal before anything was written. */
  cancelled?: boolean;
}

/** What refreshStatus wrote. */
export interface StatusReport {
  /** Order rows whose `_status` was written. */
  updated: number;
  /** Statuses not written: their row left the table while the orders came in (deleted). */
  unplaced: number;
}

/** What prepareAllocations wrote: a new allocations sheet, bound, ready to check and push. */
export interface AllocationsDraftReport {
  sheetName: string;
  tableName: string;
  /** Allocation rows written. */
  rows: number;
  /** Receipts they allocate. */
  receipts: number;
}

/** What prepareReorder wrote: a new orders sheet of 补货 lines, bound, ready to check and push. */
export interface ReorderDraftReport {
  sheetName: string;
  tableName: string;
  /** Order lines written (one per suggested SKU). */
  rows: number;
  /** Orders they make (one per location). */
  orders: number;
}

/** An order on the bound sheet the server would refuse for credit, with its dealer's figures. */
export interface CreditHold {
  /** The order's group key (dealer and order number): what a release names. */
  group: string;
  dealerCode: string;
  orderRef: string;
  /** Its lines' rows on the sheet. */
  sheetRows: number[];
  /** The dealer's credit limit, used (receivables and open orders), this order and over-by, in yuan. */
  limit: string;
  used: string;
  thisOrder: string;
  overBy: string;
  /** The server's sentence, in the user's language. */
  message: string;
}

/** One building's 销控表 sheet as a pull wrote it. */
interface GridSheetReport {
  building: string;
  sheetName: string;
  units: number;
  /** All but 未推. */
  released: number;
  /** 认购 and beyond. */
  sold: number;
  /** 去化率 = sold ÷ released, in basis points. */
  sellThroughBp: number;
  /** The cells this pull wrote ("B3"): all on a first pull, only the changed ones on a refresh. */
  changedCells: string[];
  /** Each unit's cell, by unit code. */
  unitCells: Record<string, string>;
}

export interface GridReport {
  sheets: GridSheetReport[];
  /** Pulled units that could not be placed (a value the grid cannot read). */
  skipped: number;
  cancelled: boolean;
}

/** What a task flow shows as pending on the bound table (usecases/pending.ts). */
export interface PendingReport {
  dataset: string;
  sheetName: string;
  /** Rows with anything in them. */
  rows: number;
  /** Rows changed since their last push or pull: what the next push sends. */
  changed: number;
  /** Rows the offline check finds wrong now. */
  invalid: number;
  /** Rows the server refused on their last push (rejected or in conflict). */
  refused: number;
  /** Rows with a problem: invalid or refused, each row once. */
  problems: number;
}

export interface AddinApp {
  /** Resolves once the host's language is known; every other call waits for it too. */
  ready?(): Promise<void>;
  locale(): Locale;
  session(): Session | null;
  signIn(input: { serverUrl: string; username: string; password: string }): Promise<Session>;
  signOut(): Promise<void>;
  meta(): Promise<MetaResponse>;
  /** Reads the region around the selection (or a table) and proposes a mapping for a dataset. */
  proposeBinding(dataset: string): Promise<Binding>;
  /** Saves the (possibly edited) binding in the workbook; makes the range a table with system columns. */
  confirmBinding(binding: Binding): Promise<Binding>;
  currentBinding(): Promise<Binding | null>;
  insertTemplate(dataset: string): Promise<Binding>;
  validate(options?: WorkOptions): Promise<ValidationReport>;
  /**
   * Pulls the returnable shipment lines into `_returnable` and renews the returns dropdowns;
   * `ifBound` (the pane opening) does nothing unless a returns or exchanges table is bound.
   */
  refreshDropdowns(options?: WorkOptions & { ifBound?: boolean }): Promise<DropdownReport>;
  selectIssue(issue: CellIssue): Promise<void>;
  /**
   * `releaseCredit` (orders; manager, finance, admin) lets orders over the credit limit through;
   * `overQuota` (sample issues; manager, admin) lets issues over a dealer's sample quota through.
   */
  push(options?: WorkOptions & { onlyValid?: boolean } & PushGrants): Promise<PushReport>;
  resolveConflict(conflict: ConflictInfo, take: 'mine' | 'server'): Promise<void>;
  pull(dataset: string, options?: WorkOptions & { filter?: PullFilter }): Promise<PullReport>;
  /** Refreshes the active pulled sheet with only the changes since its last pull. */
  refresh(options?: WorkOptions & { overwriteEdits?: boolean }): Promise<PullReport>;
  /** Updates `_status` of pushed order rows with their current state. */
  refreshStatus(options?: WorkOptions): Promise<StatusReport>;
  addPivot(): Promise<{ sheetName: string }>;
  /** The bound orders sheet's unsent orders over their dealer's credit limit (a dry run). */
  creditHolds(options?: WorkOptions): Promise<CreditHold[]>;
  /** Pushes only the orders of `groups` with the credit release. */
  releaseCredit(options: WorkOptions & { groups: readonly string[] }): Promise<PushReport>;
  /** Pulls the 销控表 as a grid, one sheet per building; again, rewrites only what changed. */
  pullGrid(options?: WorkOptions): Promise<GridReport>;
  /** The bound table's pending rows when it holds `dataset`, else null. */
  pending(dataset: string): Promise<PendingReport | null>;
  /** Drafts allocations from the pulled reconciliation into a new allocations sheet, bound. */
  prepareAllocations(): Promise<AllocationsDraftReport>;
  /**
   * Drafts 补货 orders from the pulled replenishment into a new orders sheet: for `dealerCode`
   * where a location names no dealer, shipped from `shipFrom` or else each line's location.
   */
  prepareReorder(input: { dealerCode?: string; shipFrom?: string }): Promise<ReorderDraftReport>;
}
