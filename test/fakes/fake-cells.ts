// How Excel turns input into cell content, for the fake host. This is the rule that makes the
// port's text protection testable: Range.values parses strings like typed input (ExcelApi
// reference: a value starting with "+", "-" or "=" is interpreted as a formula), a leading
// apostrophe keeps the rest as text and is not stored, and a cell formatted "@" keeps input as
// typed.

export type FakeCellValue = string | number | boolean | null;

/** One sheet row; layers other than values are sparse and created on first use. */
export interface FakeRow {
  values: FakeCellValue[];
  formulas?: (string | undefined)[];
  formats?: (string | undefined)[];
  fills?: (string | undefined)[];
  notes?: (string | undefined)[];
  comments?: (string | undefined)[];
  hidden?: boolean;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Stores typed input `input` into `row` at `column`, under number format `format`. */
export function enterInput(
  row: FakeRow,
  column: number,
  input: FakeCellValue,
  format: string,
): void {
  if (row.formulas) row.formulas[column] = undefined;
  if (typeof input !== 'string' || input === '') {
    row.values[column] = input === '' ? null : input;
    return;
  }
  if (input.startsWith("'")) row.values[column] = input.slice(1);
  else if (format === '@') row.values[column] = input;
  else if (/^[=+@]/.test(input) || (input.startsWith('-') && !NUMBER.test(input))) {
    enterFormula(row, column, input.startsWith('@') ? `=${input.slice(1)}` : input);
  } else if (NUMBER.test(input.trim())) row.values[column] = Number(input.trim());
  else if (/^(true|false)$/i.test(input.trim())) row.values[column] = /^true$/i.test(input.trim());
  else row.values[column] = input;
}

/** A formula is not calculated by the fake: its value reads as #NAME? unless a test gave one. */
export function enterFormula(
  row: FakeRow,
  column: number,
  formula: string,
  value?: FakeCellValue,
): void {
  const text = formula.startsWith('=') ? formula : `=${formula}`;
  (row.formulas ??= [])[column] = text;
  row.values[column] = value === undefined ? '#NAME?' : value;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function serialToIso(serial: number): string {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** Range.text: the value as displayed under the cell's number format (the formats we use). */
export function displayText(value: FakeCellValue, format: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (format === 'yyyy-mm-dd') return serialToIso(value);
  if (format === '#,##0.00') {
    return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  if (/^0+$/.test(format)) return pad(Math.round(value), format.length);
  return String(value);
}
