// A1 addresses for the fake Excel host. Written separately from addin/excel/a1.ts on purpose:
// a fake that shared the port's parser would agree with the port's bugs.

export interface FakeRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

export function letters(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cell(row: number, column: number): string {
  return `${letters(column)}${row + 1}`;
}

export function formatRect(rect: FakeRect): string {
  const first = cell(rect.row, rect.column);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${cell(rect.row + rect.rowCount - 1, rect.column + rect.columnCount - 1)}`;
}

/** "Orders!A1:B2" the way Excel writes it, quoting names that need it. */
export function qualify(sheetName: string, rect: FakeRect): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName);
  const quoted = plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${quoted}!${formatRect(rect)}`;
}

function parseCell(text: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) throw new Error(`bad cell address ${text}`);
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Splits "Sheet!A1:B2" into its sheet (or null) and rectangle. */
export function parseAddress(address: string): { sheet: string | null; rect: FakeRect } {
  const bang = address.lastIndexOf('!');
  const rawSheet = bang < 0 ? null : address.slice(0, bang);
  const sheet = rawSheet?.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const [from = '', to] = address.slice(bang + 1).split(':');
  const a = parseCell(from);
  const b = to === undefined ? a : parseCell(to);
  const rect = {
    row: Math.min(a.row, b.row),
    column: Math.min(a.column, b.column),
    rowCount: Math.abs(a.row - b.row) + 1,
    columnCount: Math.abs(a.column - b.column) + 1,
  };
  return { sheet, rect };
}

export function intersects(a: FakeRect, b: FakeRect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}

export function containsCell(rect: FakeRect, row: number, column: number): boolean {
  return intersects(rect, { row, column, rowCount: 1, columnCount: 1 });
}
