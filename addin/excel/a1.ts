// A1 address arithmetic, pure, so the Office code can reason about ranges without extra syncs.

export interface Rect {
  readonly row: number;
  readonly column: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Zero-based row/column to "C5". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  const last = cellAddress(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1);
  return `${first}:${last}`;
}

/** Strips a sheet qualifier ("'My Sheet'!A1:B2" → "A1:B2"). */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/** Sheet name of a qualified address, unquoted; null when unqualified. */
/** "$c$5" and "Orders!C5" both become "C5": one key per cell. */
export function cellKey(address: string): string {
  return localAddress(address).replace(/\$/g, '').toUpperCase();
}

export function addressSheet(address: string): string | null {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return null;
  const raw = address.slice(0, bang);
  return raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
}

/** Quotes a sheet name for use in a formula reference ("_lists" stays bare). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const CELL = /^\$?([A-Z]+)\$?(\d+)$/i;

function parseCell(text: string): { row: number; column: number } {
  const match = CELL.exec(text);
  if (!match?.[1] || !match[2]) throw new Error(`not an A1 cell: ${text}`);
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Parses "A1", "A1:C9", "Sheet!$A$1:$C$9" into a rectangle. */
export function parseRect(address: string): Rect {
  const [from = '', to] = localAddress(address).split(':');
  const a = parseCell(from);
  const b = to === undefined ? a : parseCell(to);
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  return {
    row,
    column,
    rowCount: Math.abs(b.row - a.row) + 1,
    columnCount: Math.abs(b.column - a.column) + 1,
  };
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    inner.column >= outer.column &&
    inner.row + inner.rowCount <= outer.row + outer.rowCount &&
    inner.column + inner.columnCount <= outer.column + outer.columnCount
  );
}

/** Groups sorted-or-not indexes into runs of consecutive numbers: [1,2,3,7] → [[1,3],[7,1]]. */
export function consecutiveRuns(indexes: readonly number[]): { start: number; count: number }[] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: { start: number; count: number }[] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === index) last.count += 1;
    else runs.push({ start: index, count: 1 });
  }
  return runs;
}
