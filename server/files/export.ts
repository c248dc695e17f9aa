// GET /api/v1/export/<dataset>.xlsx: the pull of a dataset (with its filters) as a workbook —
// one data sheet, an Excel table with its autofilter and a bold header, localized headers, typed
// cells (enumerations by their labels, money with a thousands separator) and the hidden
// `_key`/`_version` system columns the add-in and the importer use, plus a small "说明/About"
// sheet saying when it was refreshed, in the server's time zone, named.
import type { CellObject, WorkBook } from 'xlsx';
import * as XLSX from 'xlsx';
import type { Locale } from '../../shared/locale';
import { describeDataset } from '../../shared/meta';
import { limits, type PullFilter, type PullRow } from '../../shared/protocol';
import type { AuthUser } from '../services/users';
import type { Db } from '../store/db';
import type { DatasetHandler } from '../sync/handler';
import { runPull } from '../sync/pull';
import { fieldCell, hideColumns, sheetFromRows, writeWorkbook } from './xlsx-write';

interface ExportInput {
  db: Db;
  handler: DatasetHandler;
  user: AuthUser;
  filter: PullFilter;
  now: Date;
  locale: Locale;
  /** Where the refresh time is told (default: the server's own zone). */
  timeZone?: string;
}

const ABOUT = {
  sheet: { 'zh-CN': '说明', 'en-US': 'About' },
  dataset: { 'zh-CN': '数据集', 'en-US': 'Dataset' },
  refreshedAt: { 'zh-CN': '刷新时间', 'en-US': 'Refreshed at' },
  rows: { 'zh-CN': '行数', 'en-US': 'Rows' },
  filter: { 'zh-CN': '筛选', 'en-US': 'Filters' },
  by: { 'zh-CN': '导出人', 'en-US': 'Exported by' },
} as const;

/** This server's own time zone (the TZ it runs in), named in the About sheet. */
export function serverTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-27 16:30:00 (Asia/Shanghai, UTC+08:00)": local wall time, the zone and its offset. */
export function localStamp(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? '0');
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  const offset = Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const local = new Date(wall).toISOString().slice(0, 19).replace('T', ' ');
  return `${local} (${timeZone}, ${zone})`;
}

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
    pair(ABOUT.refreshedAt, localStamp(input.now, input.timeZone ?? serverTimeZone())),
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
  const data = dataRows(input, rows);
  const header = (data[0] ?? []).map((cell) => String(cell?.v ?? ''));
  const sheet = sheetFromRows(data);
  // _key and _version stay for the importer and the add-in, out of people's way.
  hideColumns(sheet, [header.length - 2, header.length - 1]);
  XLSX.utils.book_append_sheet(book, sheet, sheetName(input.handler.def.label[input.locale]));
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
  const table = {
    name: `ss_${input.handler.def.name.replace(/\W/g, '_')}`,
    columns: header,
    rows: rows.length,
  };
  return { bytes: writeWorkbook(book, { freeze: true, table }), fileName, rows: rows.length };
}
