// Import of a 50,000-row .xlsx through the import service (zip guard, SheetJS read, header
// mapping, cell parsing, runPush in batches into a real SQLite file) beside SheetJS merely
// reading the same bytes, both in this run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { runImport } from '../server/files/import';
import { importPool } from '../server/files/import-pool';
import { silentLogger } from '../server/logger';
import { assertSafeXlsx } from '../server/files/xlsx-guard';
import type { AuthUser } from '../server/services/users';
import { openMigratedStore } from '../server/store/open';
import { buildRegistry } from '../server/sync/registry';
import { timeIt, type Row } from './row';

const ROWS = 50_000;
const HEADERS = [
  '产品编码',
  '产品名称',
  '款号',
  '颜色',
  '尺码',
  '品类',
  '单位',
  '零售价',
  '经销价',
  '包装数',
  '安全库存',
  '状态',
];
const COLOURS = ['黑', '白', '藏青', '灰', '卡其'];
const SIZES = ['S', 'M', 'L', 'XL', 'XXL'];

/** A products workbook as a user's Excel would save it: numbers as numbers, Chinese titles. */
export function productsWorkbook(rows: number): Buffer {
  const data: (string | number)[][] = [HEADERS];
  for (let i = 0; i < rows; i += 1) {
    const style = `ST${String(Math.floor(i / 25)).padStart(5, '0')}`;
    const colour = COLOURS[i % 5]!;
    const size = SIZES[Math.floor(i / 5) % 5]!;
    data.push([
      `${style}-${i % 5}-${size}`,
      `${style} 针织衫 ${colour} ${size}`,
      style,
      colour,
      size,
      '针织',
      '件',
      299,
      149.5,
      1 + (i % 6),
      10,
      '启用',
    ]);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(data), '产品');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

async function importOnce(
  bytes: Buffer,
  dryRun: boolean,
): Promise<{ ms: number; applied: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const store = await openMigratedStore(path.join(dir, 'bench.db'));
  try {
    const handler = buildRegistry().get('products');
    if (!handler) throw new Error('no products handler');
    const user: AuthUser = {
      id: 1,
      username: 'bench',
      displayName: 'bench',
      role: 'manager',
      regions: [],
    };
    const input = {
      db: store.db,
      handler,
      user,
      buffer: bytes,
      now: new Date(),
      locale: 'zh-CN' as const,
      dryRun,
      atomic: false,
      pool: importPool(silentLogger),
    };
    const { ms, result } = await timeIt(() => runImport(input));
    if (result.report.summary.rejected > 0)
      throw new Error(JSON.stringify(result.report.results.find((r) => r.status === 'rejected')));
    return { ms, applied: result.report.summary.applied };
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchImport(): Promise<Row[]> {
  const bytes = productsWorkbook(ROWS);
  const megabytes = (bytes.length / 1024 / 1024).toFixed(1);
  const read = await timeIt(() => XLSX.read(bytes, { type: 'buffer', dense: true }));
  const guard = await timeIt(() => assertSafeXlsx(bytes));
  const dry = await importOnce(bytes, true);
  const real = await importOnce(bytes, false);
  if (real.applied !== ROWS) throw new Error(`applied ${real.applied} of ${ROWS}`);
  const baseline = {
    baseline: read.ms,
    baselineName: `SheetJS XLSX.read of the same ${megabytes} MB file`,
  };
  return [
    {
      name: `import ${ROWS.toLocaleString('en-US')} product rows (guard, read, map, push, commit)`,
      value: real.ms,
      unit: 'ms',
      ...baseline,
    },
    {
      name: `import ${ROWS.toLocaleString('en-US')} product rows, dry run`,
      value: dry.ms,
      unit: 'ms',
      ...baseline,
    },
    {
      name: 'zip guard alone (central directory + verifying inflate)',
      value: guard.ms,
      unit: 'ms',
      ...baseline,
    },
  ];
}
