// Values written by the add-in stay what they are: a dealer named "=SUM(A1)" stays text.
// Range.values parses strings like typed input — the ExcelApi reference says "if the value starts
// with a plus, minus, or equal sign, Excel interprets this value as a formula", and a string like
// "0012" becomes the number 12. Two defences, both standard Excel behaviour:
// 1. text columns get number format "@" (Text) before their values are written, so Excel stores
//    the string as typed;
// 2. any string Excel would reinterpret gets the leading apostrophe (quote prefix): Excel keeps
//    the rest as text and does not store the apostrophe (Range.values reads it back without it).
// The apostrophe covers cells whose format we do not control (rows appended by rows.add).

import type { CellValue } from './port';

const FORMULA_START = /^[=+\-@'#]/;
// Digits, full-width digits, separators, currency and exponent marks: anything Excel may parse
// as a number, date, time, percentage or currency.
const NUMBER_LIKE = /^[\s\d０-９.,:/%¥￥$€()eE+-]+$/;
const BOOLEAN_LIKE = /^\s*(true|false)\s*$/i;

/** Whether Excel would turn this string into something other than the same text. */
export function isReinterpreted(text: string): boolean {
  if (text === '') return false;
  return (
    FORMULA_START.test(text) ||
    (NUMBER_LIKE.test(text) && /[\d０-９]/.test(text)) ||
    BOOLEAN_LIKE.test(text)
  );
}

/** The value to put in Range.values so the cell ends up holding exactly `value`. */
export function protectValue(value: CellValue, isTextFormatted: boolean): CellValue {
  if (typeof value !== 'string') return value;
  // Excel drops a leading apostrophe on input whatever the format, so one the user really typed
  // needs its own prefix even in a Text cell.
  const needsPrefix = isTextFormatted ? value.startsWith("'") : isReinterpreted(value);
  return needsPrefix ? `'${value}` : value;
}

export function protectRow(
  row: readonly CellValue[],
  textFormatted: readonly boolean[],
): CellValue[] {
  return row.map((value, i) => protectValue(value, textFormatted[i] ?? false));
}
