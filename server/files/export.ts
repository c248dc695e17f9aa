// GET /api/v1/export/<dataset>.xlsx: the pull of a dataset (with its filters) as a workbook —
// one data sheet with localized headers, typed cells and the `_key`/`_version` system columns the
// add-in and the importer use, plus a small "说明/About" sheet saying when it was refreshed.
import type { CellObject, WorkBook } from 'xlsx';
import * as XLSX from 'xlsx';
import type { Locale } from '../../shared/locale';
import { describeDataset } from '../../shared/meta';
import { limits, type PullFilter, type PullRow } from '../../shared/protocol';
import type { AuthUser } from '../services/users';
import type { Db } from '../store/db';
import type { DatasetHandler } from '../sync/handler';
import { runPull } from '../sync/pull';
import { fieldCell, sheetFromRows, writeWorkbook } from './xlsx-write';

export interface ExportInput {
  db: Db;
  handler: DatasetHandler;
  user: AuthUser;
  filter: PullFilter;
  now: Date;
  locale: Locale;
}

const ABOUT = {
  sheet: { 'zh-CN': '说明', 'en-US': 'About' },
  dataset: { 'zh-CN': '数据集', 'en-US': 'Dataset' },
  refreshedAt: { 'zh-CN': '刷新时间 (UTC)', 'en-US': 'Refreshed at (UTC)' },
  rows: { 'zh-CN': '行数', 'en-US': 'Rows' },
  filter: { 'zh-CN': '筛选', 'en-US': 'Filters' },
  by: { 'zh-CN': '导出人', 'en-US': 'Exported by' },
} as const;

/** Every live row the caller may see, paging through runPull until hasMore is false. */
export async function pullEverything(input: ExportInput): Promise<PullRow[]> {
  const rows: PullRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const query = {
      ...input.filter,
      dataset: input.handler.def.name,
      limit: limits.maxPullLimit,
      ...(cursor ? { cursor } : {}),
    };
    const page = await runPull({
      db: input.db,
      handler: input.handler,
      user: input.user,
      query,
      now: input.now,
    });
    for (const row of page.rows) if (row.op === 'upsert') rows.push(row);
    if (!page.hasMore) return rows;
    cursor = page.cursor;
  }
}

/** Sheet names may not hold []:*?/\ and are at most 31 characters. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

const textCell = (v: string): CellObject => ({ t: 's', v });

function dataRows(input: ExportInput, rows: readonly PullRow[]): (CellObject | undefined)[][] {
  const fields = describeDataset(input.handler.def).fields;
  const header = [
    ...fields.map((f) => textCell(f.label[input.locale])),
    textCell('_key'),
    textCell('_version'),
  ];
  const body = rows.map((row): (CellObject | undefined)[] => [
    ...fields.map((f) => fieldCell(f, row.values[f.name], input.locale)),
    textCell(row.key),
    { t: 'n', v: row.version, z: '0' },
  ]);
  return [header, ...body];
}

function aboutRows(input: ExportInput, count: number): (CellObject | undefined)[][] {
  const pair = (
    label: { 'zh-CN': string; 'en-US': string },
    value: string | number,
  ): CellObject[] => [
    { t: 's', v: label[input.locale] },
    typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value },
  ];
  const filter = Object.entries(input.filter)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('; ');
  return [
    pair(ABOUT.dataset, input.handler.def.label[input.locale]),
    pair(ABOUT.refreshedAt, input.now.toISOString()),
    pair(ABOUT.rows, count),
    pair(ABOUT.filter, filter || '—'),
    pair(ABOUT.by, input.user.username),
  ];
}

/** The export workbook's bytes and a file name. */
export async function runExport(
  input: ExportInput,
): Promise<{ bytes: Buffer; fileName: string; rows: number }> {
  const rows = await pullEverything(input);
  const book: WorkBook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    book,
    sheetFromRows(dataRows(input, rows)),
    sheetName(input.handler.def.label[input.locale]),
  );
  XLSX.utils.book_append_sheet(
    book,
    sheetFromRows(aboutRows(input, rows.length)),
    ABOUT.sheet[input.locale],
  );
  book.Props = {
    Title: input.handler.def.label[input.locale],
    Author: input.user.username,
    CreatedDate: input.now,
  };
  const fileName = `${input.handler.def.name}-${input.now.toISOString().slice(0, 10)}.xlsx`;
  return { bytes: writeWorkbook(book, { freeze: true }), fileName, rows: rows.length };
}
