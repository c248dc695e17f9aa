// Turns what a spreadsheet cell holds (a number, a text, a boolean, an Excel date serial) into
// the typed value a field wants — the same rules in the add-in and in the server's importer.
import type { FieldDescription } from './meta';
import { normalizeHeader } from './headers';
import { toHalfWidth, yuanToFen } from './money';
import { isValidDate, isValidDateTime } from './field';

export type CellValue = string | number | boolean | null;

export type ParsedCell =
  | { ok: true; value: unknown; /** the cell held a number as text */ textNumber?: boolean }
  | {
      ok: false;
      code:
        | 'invalid-number'
        | 'not-integer'
        | 'invalid-money'
        | 'invalid-date'
        | 'invalid-datetime'
        | 'invalid-option'
        | 'invalid-value';
    };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An Excel date serial (days since 1899-12-30) → 'YYYY-MM-DD'. */
export function serialToDate(serial: number): string {
  const date = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return date.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' → an Excel date serial. */
export function dateToSerial(text: string): number {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

/**
 * An Excel date-time serial (the fraction is the time of day) → 'YYYY-MM-DD HH:mm', to the
 * nearest minute. The sheet's wall clock is read as Asia/Shanghai time (shared/local-time.ts).
 */
export function serialToDateTime(serial: number): string {
  const date = new Date(EXCEL_EPOCH_MS + Math.round(serial * 1440) * 60_000);
  return date.toISOString().slice(0, 16).replace('T', ' ');
}

/** 'YYYY-MM-DD HH:mm' → an Excel date-time serial. */
export function dateTimeToSerial(text: string): number {
  const [date = '', time = ''] = text.split(' ');
  const [h = 0, m = 0] = time.split(':').map(Number);
  return dateToSerial(date) + (h * 60 + m) / 1440;
}

export function isBlank(raw: CellValue | undefined): raw is null | undefined | '' {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function parseDate(raw: CellValue): ParsedCell {
  if (typeof raw === 'number' && raw > 0 && raw < 2958466)
    return { ok: true, value: serialToDate(raw) };
  const text = toHalfWidth(String(raw)).trim();
  const [, year, month, day] = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? [];
  if (!year || !month || !day) return { ok: false, code: 'invalid-date' };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidDate(iso) ? { ok: true, value: iso } : { ok: false, code: 'invalid-date' };
}

/** A serial, or text such as '2026-11-20 14:30', '2026/11/20 9:05' or '2026-11-20T14:30:00'. */
function parseDateTime(raw: CellValue): ParsedCell {
  if (typeof raw === 'number' && raw > 0 && raw < 2958466)
    return { ok: true, value: serialToDateTime(raw) };
  const text = toHalfWidth(String(raw)).trim();
  const pattern =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?[ T]+(\d{1,2})[:：](\d{2})(?:[:：]00)?$/;
  const [, year, month, day, hour, minute] = pattern.exec(text) ?? [];
  if (!year || !month || !day || !hour || !minute) return { ok: false, code: 'invalid-datetime' };
  const pad = (part: string) => part.padStart(2, '0');
  const value = `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${minute}`;
  return isValidDateTime(value) ? { ok: true, value } : { ok: false, code: 'invalid-datetime' };
}

function parseInteger(raw: CellValue): ParsedCell {
  const isText = typeof raw === 'string';
  const number = isText ? Number(toHalfWidth(raw).replace(/[\s,]/g, '')) : Number(raw);
  if (typeof raw === 'boolean' || !Number.isFinite(number))
    return { ok: false, code: 'invalid-number' };
  if (!Number.isInteger(number)) return { ok: false, code: 'not-integer' };
  return isText ? { ok: true, value: number, textNumber: true } : { ok: true, value: number };
}

function parseMoney(raw: CellValue): ParsedCell {
  if (typeof raw === 'boolean') return { ok: false, code: 'invalid-money' };
  const fen = yuanToFen(raw as string | number);
  if (fen === null) return { ok: false, code: 'invalid-money' };
  return typeof raw === 'string'
    ? { ok: true, value: fen, textNumber: true }
    : { ok: true, value: fen };
}

function parseOption(raw: CellValue, field: FieldDescription): ParsedCell {
  const wanted = normalizeHeader(String(raw));
  for (const option of field.options ?? []) {
    const names = [option.value, option.label['zh-CN'], option.label['en-US'], ...option.synonyms];
    if (names.some((name) => normalizeHeader(name) === wanted))
      return { ok: true, value: option.value };
  }
  return { ok: false, code: 'invalid-option' };
}

const TRUE_WORDS = new Set(['true', '1', 'y', 'yes', '是', '√', '✓', 'x']);
const FALSE_WORDS = new Set(['false', '0', 'n', 'no', '否']);

function parseBoolean(raw: CellValue): ParsedCell {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const word = normalizeHeader(String(raw));
  if (TRUE_WORDS.has(word)) return { ok: true, value: true };
  if (FALSE_WORDS.has(word)) return { ok: true, value: false };
  return { ok: false, code: 'invalid-value' };
}

/** Parses one non-blank cell for a field; blank cells are the caller's (they mean "absent"). */
export function parseCell(raw: CellValue, field: FieldDescription): ParsedCell {
  switch (field.kind) {
    case 'date':
      return parseDate(raw);
    case 'datetime':
      return parseDateTime(raw);
    case 'integer':
      return parseInteger(raw);
    case 'money':
      return parseMoney(raw);
    case 'enum':
      return parseOption(raw, field);
    case 'boolean':
      return parseBoolean(raw);
    case 'code':
      // Codes typed as numbers (Excel turns 001 into 1 unless the column is text) stay as typed.
      return { ok: true, value: toHalfWidth(String(raw)).trim() };
    case 'text':
      return { ok: true, value: String(raw).trim() };
  }
}
