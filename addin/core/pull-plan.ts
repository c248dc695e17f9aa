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
import { changedSegments, plainRow, RowParser, viewRow, type FieldColumn } from './row-values';
import { placeRows, type RowLocator } from './row-moves';
import { encodeState, readState, type StateLayout } from './row-state';
import type { RowUpdate } from './push-results';
import type { TableView } from './table-view';

export interface PullApplyInput {
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
  readonly keptEdits: number;
  /**
   * Keys of the rows to highlight once the plan is written: found by `_key` at highlight time, as
   * the user may sort meanwhile (an appended row's key is the server's).
   */
  readonly highlightKeys: string[];
}

interface Existing {
  row: number;
  edited: number;
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
        ? changedSegments(state.hash, parsed.digest)
        : 0;
    found.set(state.key, { row, edited, values: parsed.values });
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
    draft.editedCells += mine.edited;
    if (mine.edited > 0 && !input.overwriteEdits) {
      draft.keptEdits += 1;
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
    updates: updates.placed,
    deletes: deletes.placed.map(({ row }) => row),
    unplaced: updates.unplaced + deletes.unplaced,
  };
}
