// Where the rows a use case read are now. A push writes its results after the chunks came back, a
// refresh (of a pulled table, of order status) its changes after the pages came back, and
// meanwhile the user may have sorted the table or inserted or deleted rows: each row is found
// again by its `_key` (every sent row has one: new rows get theirs before anything is sent). A row
// without a key keeps its position only while the key column reads as it did, i.e. nothing moved.
// The below-safety highlight finds its rows the same way, by the keys it fills and remembers.
import type { CellValue } from '../excel/port';
import { keyOfCell, readState, type StateLayout } from './row-state';
import type { TableView } from './table-view';

/** The body row where the row read at `row` is now, or null when it cannot be found. */
export type RowLocator = (row: number) => number | null;

function isSameOrder(before: readonly (string | null)[], now: readonly (string | null)[]): boolean {
  return before.length === now.length && before.every((key, row) => key === now[row]);
}

/** `before`: each body row's key when the rows were read; `now`: the key column read again. */
export function locateRows(
  before: readonly (string | null)[],
  now: readonly CellValue[],
): RowLocator {
  const current = now.map(keyOfCell);
  if (isSameOrder(before, current)) return (row) => (row < current.length ? row : null);
  // Rows sharing a key (a copied row): the first read goes to the first found, and so on, so no
  // two results land on one row.
  const rowsByKey = new Map<string, number[]>();
  current.forEach((key, row) => {
    if (key === null) return;
    const rows = rowsByKey.get(key);
    if (rows) rows.push(row);
    else rowsByKey.set(key, [row]);
  });
  const placed = before.map((key) => (key === null ? null : (rowsByKey.get(key)?.shift() ?? null)));
  return (row) => placed[row] ?? null;
}

/** Each body row's key as the rows were read: the `before` of locateRows. */
export function keysAsRead(view: TableView, layout: StateLayout): (string | null)[] {
  return Array.from({ length: view.rowCount }, (_, row) => readState(view, layout, row).key);
}

/**
 * Writes moved to the rows where their rows are now. A write whose row cannot be found is dropped
 * and counted: never overwrite or delete a row that was not found by its key.
 */
export function placeRows<T extends { readonly row: number }>(
  writes: readonly T[],
  locate: RowLocator,
): { placed: T[]; unplaced: number } {
  const placed: T[] = [];
  let unplaced = 0;
  for (const write of writes) {
    const at = locate(write.row);
    if (at === null) unplaced += 1;
    else placed.push({ ...write, row: at });
  }
  return { placed, unplaced };
}

/**
 * Body rows, top to bottom, whose key (in the key column as read now) is one of `keys`: where rows
 * known by key are, whatever the user did to the order. A copied row shares its key and is found
 * too.
 */
export function rowsHoldingKeys(keys: Iterable<string>, now: readonly CellValue[]): number[] {
  const wanted = new Set(keys);
  const rows: number[] = [];
  now.forEach((cell, row) => {
    const key = keyOfCell(cell);
    if (key !== null && wanted.has(key)) rows.push(row);
  });
  return rows;
}
