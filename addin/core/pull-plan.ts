// Applying pulled rows to a table, pure: updated rows in place (found by `_key`), new rows
// appended, deleted rows removed — and nothing else written. A row whose digest no longer matches
// the stored one was edited by the user since the last pull: it is counted, and left alone unless
// the caller asked to overwrite edits. A full load (first pull, a reset) also removes rows the
// server no longer sends. The plan is made on the rows as read; placePullPlan moves it to the rows
// where they are after the fetch (the user may sort meanwhile).
import type { Locale } from '../../shared/locale';
import type { PullRow } from '../../shared/protocol';
import type { CellValue } from '../excel/port';
import { toCell } from './cell-format';
import { changedFieldIndexes, plainRow, RowParser, viewRow, type FieldColumn } from './row-values';
import { placeRows, type RowLocator } from './row-moves';
import { encodeState, readState, type StateLayout } from './row-state';
import type { RowUpdate } from './push-results';
import type { TableView } from './table-view';

interface PullApplyInput {
  readonly view: TableView;
  readonly layout: StateLayout;
  /** Pulled fields and their table columns, sorted by field name (sortFieldColumns). */
  readonly columns: readonly FieldColumn[];
  readonly changes: readonly PullRow[];
  /** Full load: rows the server did not send are removed. */
  readonly full: boolean;
  readonly overwriteEdits: boolean;
  readonly locale: Locale;
  /** Rows to highlight once written (below-safety stock), by their typed values. */
  readonly highlightIf?: (values: Record<string, unknown>) => boolean;
}

export interface PullApplyPlan {
  /** Values for `writeColumns` (the field columns, then the state columns). */
  readonly updates: RowUpdate[];
  readonly appends: CellValue[][];
  readonly deletes: number[];
  readonly editedCells: number;
  /** Cells left as the user edited them (overwriteEdits not set). */
  readonly keptEdits: number;
  /** Those cells: body row as read, table column, field name. */
  readonly keptCells: KeptCell[];
  /**
   * Keys of the rows to highlight once the plan is written: found by `_key` at highlight time, as
   * the user may sort meanwhile (an appended row's key is the server's).
   */
  readonly highlightKeys: string[];
}

interface KeptCell {
  readonly row: number;
  readonly column: number;
  readonly field: string;
}

interface Existing {
  row: number;
  /** Indexes into `columns` of the fields whose cell the user edited since the last pull. */
  edited: number[];
  /** The row's digest as read now, and as last pulled. */
  digest: string;
  values: Record<string, unknown>;
}

function existingRows(input: PullApplyInput, parser: RowParser): Map<string, Existing> {
  const found = new Map<string, Existing>();
  for (let row = 0; row < input.view.rowCount; row += 1) {
    const state = readState(input.view, input.layout, row);
    if (state.key === null || found.has(state.key)) continue;
    const parsed = parser.parse(viewRow(input.view, row));
    const edited =
      state.hash !== null && state.hash !== parsed.digest
        ? changedFieldIndexes(state.hash, parsed.digest)
        : [];
    found.set(state.key, { row, edited, digest: parsed.digest, values: parsed.values });
  }
  return found;
}

/** The full table row for a pulled record, with its digest in the state columns. */
export function pulledCells(
  input: Pick<PullApplyInput, 'view' | 'layout' | 'columns' | 'locale'>,
  pulled: PullRow,
  parser = new RowParser(input.columns),
): CellValue[] {
  const cells: CellValue[] = Array.from({ length: input.view.width }, () => null);
  for (const fc of input.columns)
    cells[fc.column] = toCell(fc.field, pulled.values[fc.field.name], input.locale);
  const digest = parser.parse(plainRow(cells)).digest;
  const state = encodeState(input.layout, {
    key: pulled.key,
    version: pulled.version,
    hash: digest,
  });
  const at = [input.layout.key, input.layout.version, input.layout.hash].filter((c) => c >= 0);
  at.forEach((column, i) => (cells[column] = state[i] ?? null));
  return cells;
}

/** Columns an update writes: the pulled fields, then the state columns. */
export function writeColumnIndexes(input: Pick<PullApplyInput, 'layout' | 'columns'>): number[] {
  const state = [input.layout.key, input.layout.version, input.layout.hash].filter((c) => c >= 0);
  return [...input.columns.map((fc) => fc.column), ...state];
}

interface Draft {
  updates: RowUpdate[];
  appends: CellValue[][];
  deletes: number[];
  editedCells: number;
  keptEdits: number;
  keptCells: KeptCell[];
  /** Typed values of every keyed row as it will be, by key (for highlights). */
  finalValues: Map<string, Record<string, unknown>>;
}

/** Rows the table has: updated, removed, or kept as the user edited them. */
function planExisting(
  input: PullApplyInput,
  draft: Draft,
  at: { parser: RowParser; existing: Map<string, Existing>; latest: Map<string, PullRow> },
): void {
  const picks = writeColumnIndexes(input);
  for (const [key, mine] of at.existing) {
    const pulled = at.latest.get(key);
    const gone = pulled ? pulled.op === 'delete' : input.full;
    draft.finalValues.set(key, mine.values);
    if (!pulled && !gone) continue;
    draft.editedCells += mine.edited.length;
    if (mine.edited.length > 0 && !input.overwriteEdits) {
      keepEdits(input, draft, { mine, pulled: gone ? undefined : pulled, parser: at.parser });
    } else if (gone) {
      draft.deletes.push(mine.row);
      draft.finalValues.delete(key);
    } else if (pulled) {
      const cells = pulledCells(input, pulled, at.parser);
      draft.updates.push({ row: mine.row, values: picks.map((c) => cells[c] ?? null) });
      draft.finalValues.set(key, pulled.values);
    }
  }
}

/**
 * A row the user edited: their cells stay as they are, the others take the server's values (a
 * deleted record's row stays whole). The digest written is the server's, so the kept cells still
 * read as edited on the next refresh.
 */
function keepEdits(
  input: PullApplyInput,
  draft: Draft,
  at: { mine: Existing; pulled: PullRow | undefined; parser: RowParser },
): void {
  const { mine, pulled } = at;
  const edited = new Set(mine.edited);
  for (const index of mine.edited) {
    const fc = input.columns[index];
    if (fc && fc.column >= 0)
      draft.keptCells.push({ row: mine.row, column: fc.column, field: fc.field.name });
  }
  draft.keptEdits += mine.edited.length;
  if (!pulled) return;
  const cells = pulledCells(input, pulled, at.parser);
  const digest = at.parser.parse(plainRow(cells)).digest;
  const others = changedFieldIndexes(digest, mine.digest).filter((i) => !edited.has(i));
  if (others.length === 0) return;
  for (const index of edited) {
    const column = input.columns[index]?.column ?? -1;
    if (column >= 0) cells[column] = input.view.cell(mine.row, column);
  }
  const picks = writeColumnIndexes(input);
  draft.updates.push({ row: mine.row, values: picks.map((c) => cells[c] ?? null) });
  draft.finalValues.set(pulled.key, { ...pulled.values, ...pickValues(input, mine, edited) });
}

function pickValues(
  input: PullApplyInput,
  mine: Existing,
  edited: ReadonlySet<number>,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const index of edited) {
    const name = input.columns[index]?.field.name;
    if (name !== undefined) kept[name] = mine.values[name];
  }
  return kept;
}

export function planPullApply(input: PullApplyInput): PullApplyPlan {
  const parser = new RowParser(input.columns);
  const existing = existingRows(input, parser);
  const latest = new Map(input.changes.map((c) => [c.key, c]));
  const draft: Draft = {
    updates: [],
    appends: [],
    deletes: [],
    editedCells: 0,
    keptEdits: 0,
    keptCells: [],
    finalValues: new Map(),
  };
  planExisting(input, draft, { parser, existing, latest });
  for (const pulled of latest.values()) {
    if (pulled.op === 'delete' || existing.has(pulled.key)) continue;
    draft.appends.push(pulledCells(input, pulled, parser));
    draft.finalValues.set(pulled.key, pulled.values);
  }
  const { finalValues, ...plan } = draft;
  const test = input.highlightIf;
  const highlightKeys = test
    ? [...finalValues].filter(([, values]) => test(values)).map(([key]) => key)
    : [];
  return { ...plan, highlightKeys };
}

/** A plan on the rows where they are now. */
export interface PlacedPullPlan extends PullApplyPlan {
  /** Updates and deletes dropped: their row left the table after it was read (deleted, say). */
  readonly unplaced: number;
}

/**
 * Updates and deletes moved to the rows where their rows are now; one whose row cannot be found is
 * dropped and counted, so no other row is overwritten or deleted. Appends and the highlight (by
 * key) are unaffected.
 */
export function placePullPlan(plan: PullApplyPlan, locate: RowLocator): PlacedPullPlan {
  const updates = placeRows(plan.updates, locate);
  const deletes = placeRows(
    plan.deletes.map((row) => ({ row })),
    locate,
  );
  return {
    ...plan,
    keptCells: placeRows(plan.keptCells, locate).placed,
    updates: updates.placed,
    deletes: deletes.placed.map(({ row }) => row),
    unplaced: updates.unplaced + deletes.unplaced,
  };
}
