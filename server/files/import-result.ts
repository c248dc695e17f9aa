// `?format=xlsx`: the uploaded sheet handed back with a "导入结果 / Result" column after its last
// column — the canonical id for accepted rows, the reasons for the others — so the user fixes
// the rows in place and imports the same file again.
import type { CellObject } from 'xlsx';
import * as XLSX from 'xlsx';
import type { Locale } from '../../shared/locale';
import { formatMessage } from '../../shared/messages';
import type { HeaderFound } from './import-rows';
import type { ImportReport, ImportResult } from './import';
import { writeWorkbook } from './xlsx-write';
import type { SheetRead } from './xlsx-read';

function resultText(result: ImportResult, context: { dryRun: boolean; locale: Locale }): string {
  const id = result.id ?? '';
  if (result.status === 'applied')
    return formatMessage(
      context.dryRun ? 'import-would-apply' : 'import-applied',
      { id },
      context.locale,
    );
  if (result.status === 'unchanged')
    return formatMessage('import-unchanged', { id }, context.locale);
  return result.errors.map((e) => e.message).join(context.locale === 'zh-CN' ? '；' : '; ');
}

/** The first sheet of the upload with one more column of results, as .xlsx bytes. */
export function resultWorkbook(
  read: { sheet: SheetRead; header: HeaderFound },
  report: ImportReport,
  locale: Locale,
): Buffer {
  const { rows, workbook, sheetName } = read.sheet;
  const original = workbook.Sheets[sheetName];
  const range = XLSX.utils.decode_range(original?.['!ref'] ?? 'A1');
  const column = Math.max(range.e.c, read.header.titles.length - 1) + 1;
  const put = (r: number, value: string) => {
    const row = rows[r] ?? [];
    row[column] = { t: 's', v: value };
    rows[r] = row;
  };
  put(read.header.index, formatMessage('import-result-title', {}, locale));
  for (const result of report.results)
    put(result.row - 1, resultText(result, { dryRun: report.dryRun, locale }));
  const sheet: XLSX.WorkSheet = { '!data': rows as CellObject[][] };
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(range.e.r, rows.length - 1), c: column },
  });
  if (original?.['!merges']) sheet['!merges'] = original['!merges'];
  if (original?.['!cols']) sheet['!cols'] = original['!cols'];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName);
  return writeWorkbook(book, { freeze: false });
}
