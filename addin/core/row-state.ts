// The system columns (docs/protocol.md, "Sheet system columns"): `_status` in words, `_key`
// the row's UUID, `_version` the server version last seen, and the row digest that says whether
// the row changed since its last push or pull. The digest lives in a hidden `_hash` column when
// the table has one (it moves with sorting); the port's ensureTable adds only `_status`, `_key`
// and `_version`, so on such tables the digest rides in the hidden `_version` cell as
// "<version>#<digest>" — still inside the row, still moving with it. A digest written as
// "!<digest>" marks a row the server refused on its last push (the pane counts it as a problem).
import type { CellValue } from '../excel/port';
import type { TableView } from './table-view';

export const STATUS_COLUMN = '_status';
export const KEY_COLUMN = '_key';
const VERSION_COLUMN = '_version';
const HASH_COLUMN = '_hash';

export interface RowState {
  readonly key: string | null;
  readonly version: number | null;
  readonly hash: string | null;
  /** The server refused the row's last push (rejected or in conflict): a row with a problem. */
  readonly refused?: boolean;
}

/** Where a table keeps its row state, found from its headers. */
export interface StateLayout {
  readonly status: number;
  readonly key: number;
  readonly version: number;
  readonly hash: number;
  /** Columns a state write carries, in order. */
  readonly columns: readonly string[];
}

export function stateLayout(view: TableView): StateLayout {
  const hash = view.columnOf(HASH_COLUMN);
  return {
    status: view.columnOf(STATUS_COLUMN),
    key: view.columnOf(KEY_COLUMN),
    version: view.columnOf(VERSION_COLUMN),
    hash,
    columns: hash >= 0 ? [KEY_COLUMN, VERSION_COLUMN, HASH_COLUMN] : [KEY_COLUMN, VERSION_COLUMN],
  };
}

function asText(value: CellValue): string | null {
  if (value === null || value === '') return null;
  return String(value).trim() || null;
}

/** A `_key` cell as a key: trimmed text, or null when empty. */
export function keyOfCell(value: CellValue): string | null {
  return asText(value);
}

function decodeVersion(value: CellValue): { version: number | null; hash: string | null } {
  if (typeof value === 'number')
    return { version: Number.isInteger(value) ? value : null, hash: null };
  const text = asText(value);
  if (text === null) return { version: null, hash: null };
  const at = text.indexOf('#');
  const head = at < 0 ? text : text.slice(0, at);
  const version = /^\d+$/.test(head) ? Number(head) : null;
  return { version, hash: at < 0 ? null : text.slice(at + 1) || null };
}

const REFUSED_MARK = '!';

export function readState(view: TableView, layout: StateLayout, row: number): RowState {
  const key = layout.key >= 0 ? keyOfCell(view.cell(row, layout.key)) : null;
  const decoded =
    layout.version >= 0
      ? decodeVersion(view.cell(row, layout.version))
      : { version: null, hash: null };
  const raw = layout.hash >= 0 ? asText(view.cell(row, layout.hash)) : decoded.hash;
  if (raw === null || !raw.startsWith(REFUSED_MARK))
    return { key, version: decoded.version, hash: raw };
  return { key, version: decoded.version, hash: raw.slice(1) || null, refused: true };
}

/** Cell values for `layout.columns`. */
export function encodeState(layout: StateLayout, state: RowState): CellValue[] {
  const hash = state.refused === true ? `${REFUSED_MARK}${state.hash ?? ''}` : state.hash;
  if (layout.hash >= 0) return [state.key, state.version, hash];
  if (hash === null) return [state.key, state.version];
  return [state.key, `${state.version ?? ''}#${hash}`];
}

/** State columns written as text: a digest like "0012…" must not become a number. */
export function stateTextColumns(layout: StateLayout): string[] {
  return layout.hash >= 0 ? [KEY_COLUMN, HASH_COLUMN] : [KEY_COLUMN, VERSION_COLUMN];
}
