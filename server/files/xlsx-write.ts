// Writes workbooks with SheetJS: typed cells (dates as real dates, money as yuan '#,##0.00'),
// text that stays text, column widths and a frozen header row. Every string is a shared-string
// cell (t 's') and no cell ever gets an `f`, so "=cmd|' /c calc'!A0" in a dealer's name is
// written as the text it is, never as a formula (docs/architecture.md, "The port to Excel").
import * as XLSX from 'xlsx';
import { dateTimeToSerial, dateToSerial } from '../../shared/cells';
import { isValidDateTime } from '../../shared/field';
import type { Locale } from '../../shared/locale';
import type { FieldDescription } from '../../shared/meta';
import { fenToYuan } from '../../shared/money';
import { withTable, type TableSpec } from './xlsx-table';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const text = (value: string): XLSX.CellObject => ({ t: 's', v: value });
/** A value of an unexpected type (never undefined here), written as text rather than lost. */
const asText = (value: unknown): XLSX.CellObject =>
  text(typeof value === 'string' ? value : JSON.stringify(value));

/** One typed cell for a field's value; undefined for blank. */
export function fieldCell(
  field: FieldDescription,
  value: unknown,
  locale: Locale,
): XLSX.CellObject | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  switch (field.kind) {
    case 'date':
      return typeof value === 'string'
        ? { t: 'n', v: dateToSerial(value), z: 'yyyy-mm-dd' }
        : asText(value);
    case 'datetime':
      return typeof value === 'string' && isValidDateTime(value)
        ? { t: 'n', v: dateTimeToSerial(value), z: 'yyyy-mm-dd hh:mm' }
        : asText(value);
    case 'money':
      return typeof value === 'number'
        ? { t: 'n', v: fenToYuan(value), z: '#,##0.00' }
        : asText(value);
    case 'integer':
      return typeof value === 'number' ? { t: 'n', v: value, z: '0' } : asText(value);
    case 'boolean':
      return { t: 'b', v: value === true };
    case 'enum': {
      const option = field.options?.find((o) => o.value === value);
      return option ? text(option.label[locale]) : asText(value);
    }
    case 'code':
    case 'text':
      return asText(value);
  }
}

/** Display width of a cell in Excel's character units (CJK characters count double). */
function widthOf(cell: XLSX.CellObject | undefined): number {
  if (!cell) return 0;
  if (cell.t === 'n') return cell.z === 'yyyy-mm-dd' ? 10 : String(cell.v).length + 4;
  const value = String(cell.v);
  let width = 0;
  for (const ch of value.slice(0, 60)) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

/** A dense sheet from rows of cells, with column widths fitted to the first 1,000 rows. */
export function sheetFromRows(rows: (XLSX.CellObject | undefined)[][]): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet([], { dense: true });
  const width = Math.max(1, ...rows.slice(0, 1).map((r) => r.length));
  sheet['!data'] = rows as XLSX.CellObject[][];
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, rows.length - 1), c: width - 1 },
  });
  const widths = Array.from({ length: width }, (_, c) =>
    Math.max(...rows.slice(0, 1000).map((r) => widthOf(r[c]))),
  );
  sheet['!cols'] = widths.map((w) => ({ wch: Math.min(50, Math.max(8, w + 2)) }));
  return sheet;
}

interface CfbEntry {
  content: Uint8Array;
  size: number;
}
interface CfbModule {
  read: (data: Buffer, options: { type: 'buffer' }) => unknown;
  find: (container: unknown, path: string) => CfbEntry | null;
  write: (
    container: unknown,
    options: { fileType: 'zip'; type: 'buffer'; compression: true },
  ) => Buffer;
}

const FROZEN_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>';

/** SheetJS CE writes no panes; freeze the first sheet's header row by editing its XML part. */
function freezeHeaderRow(book: Buffer): Buffer {
  const cfb = XLSX.CFB as CfbModule;
  const zip = cfb.read(book, { type: 'buffer' });
  const entry = cfb.find(zip, '/xl/worksheets/sheet1.xml');
  if (!entry) return book;
  const xml = Buffer.from(entry.content).toString('utf8');
  entry.content = Buffer.from(xml.replace(/<sheetView workbookViewId="0"\/>/, FROZEN_VIEW), 'utf8');
  entry.size = entry.content.length;
  return cfb.write(zip, { fileType: 'zip', type: 'buffer', compression: true });
}

/**
 * Serializes a workbook as .xlsx bytes; `freeze` freezes the first sheet's top row, `table`
 * makes the first sheet an Excel table with an autofilter and a bold header (xlsx-table.ts).
 */
export function writeWorkbook(
  book: XLSX.WorkBook,
  options: { freeze: boolean; table?: TableSpec },
): Buffer {
  const bytes = XLSX.write(book, {
    type: 'buffer',
    bookType: 'xlsx',
    bookSST: true,
    compression: true,
  }) as Buffer;
  const frozen = options.freeze ? freezeHeaderRow(bytes) : bytes;
  return options.table ? withTable(frozen, options.table) : frozen;
}

/** Hides the given columns of a sheet made by sheetFromRows (system columns people need not see). */
export function hideColumns(sheet: XLSX.WorkSheet, columns: readonly number[]): void {
  const cols = sheet['!cols'] ?? [];
  for (const c of columns) cols[c] = { ...cols[c], hidden: true };
  sheet['!cols'] = cols;
}
