// writeRows over the fake host: chunked under the request limit, one sync per chunk, halving on a
// payload error, and text that stays text.

import assert from 'node:assert/strict';
import sinon from 'sinon';
import { planChunks, rowBytes, DEFAULT_CHUNK_LIMITS } from '../../../addin/excel/chunks';
import { createOfficePort } from '../../../addin/excel/office-port';
import type { CellValue } from '../../../addin/excel/port';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../fakes/fake-excel';

const HEADERS = [
  'dealer',
  'sku',
  'qty',
  'price',
  'amount',
  'date',
  'region',
  'city',
  'note',
  '_status',
  '_key',
  '_version',
];

function pulledRow(i: number): CellValue[] {
  return [
    `经销商-${i}`,
    `SKU-${i % 500}`,
    i % 97,
    12.5,
    (i % 97) * 12.5,
    46000 + (i % 365),
    '华东',
    '上海',
    `note ${i}`,
    '',
    `k-${i}`,
    1,
  ];
}

describe('office port: writeRows', () => {
  let workbook: FakeWorkbook;
  const port = createOfficePort();

  beforeEach(() => {
    workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
    workbook.addSheet('Stock', [HEADERS, HEADERS.map(() => null)]);
    workbook.addTable('Stock', 'A1:L2', 'StockTable');
  });

  afterEach(() => {
    uninstallFakeOffice(globalThis);
    sinon.restore();
  });

  it('appends 100,000 rows with one sync per chunk and no request over 5 MB', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => pulledRow(i));
    const expectedChunks = planChunks(
      rows.map((r) => rowBytes(r, 16 + 6)),
      12,
      DEFAULT_CHUNK_LIMITS,
    ).length;
    const before = workbook.syncCount;
    const result = await port.writeRows({
      tableName: 'StockTable',
      columns: HEADERS,
      textColumns: ['sku'],
      appends: rows,
    });
    assert.equal(result.chunks, expectedChunks);
    assert.ok(result.chunks > 1 && result.chunks < 20, `chunks: ${result.chunks}`);
    assert.equal(workbook.syncCount - before, result.chunks + 1); // + the sync that reads the table's shape
    assert.equal(result.syncs, result.chunks + 1);
    assert.ok(
      workbook.largestRequestBytes <= 5_000_000,
      `largest: ${workbook.largestRequestBytes}`,
    );
    assert.ok(workbook.syncLog.every((s) => !s.rejected));
    const sheet = workbook.sheet('Stock');
    assert.equal(workbook.findTable('StockTable')?.bodyCount, 100_000);
    assert.equal(sheet.value(100_000, 0), '经销商-99999');
    assert.equal(sheet.format(100_000, 1), '@');
  });

  it('halves a chunk after a payload error and retries both halves', async () => {
    workbook.requestLimitBytes = 1_000_000; // a host stricter than the plan assumed
    const rows = Array.from({ length: 20_000 }, (_, i) => pulledRow(i));
    const result = await port.writeRows({
      tableName: 'StockTable',
      columns: HEADERS,
      appends: rows,
    });
    assert.ok(result.halvings > 0);
    assert.equal(workbook.findTable('StockTable')?.bodyCount, 20_000);
    assert.equal(workbook.sheet('Stock').value(20_000, 10), 'k-19999');
    const accepted = workbook.syncLog.filter((s) => !s.rejected);
    assert.ok(accepted.every((s) => s.bytes <= 1_000_000));
  });

  it('keeps a dealer named =SUM(A1) as text, in appended and updated rows', async () => {
    const row = pulledRow(1);
    row[0] = '=SUM(A1)';
    row[1] = '0012';
    row[8] = '-折扣';
    await port.writeRows({
      tableName: 'StockTable',
      columns: HEADERS,
      textColumns: ['dealer', 'sku'],
      appends: [row, pulledRow(2)],
    });
    await port.writeRows({
      tableName: 'StockTable',
      columns: ['dealer', '_status'],
      textColumns: ['dealer'],
      updates: [{ row: 1, values: ['+86 dealer', '@accepted'] }],
    });
    const sheet = workbook.sheet('Stock');
    assert.equal(sheet.formula(1, 0), undefined);
    assert.equal(sheet.value(1, 0), '=SUM(A1)');
    assert.equal(sheet.value(1, 1), '0012');
    assert.equal(sheet.value(1, 8), '-折扣');
    assert.equal(sheet.value(2, 0), '+86 dealer');
    assert.equal(sheet.value(2, 9), '@accepted');
    assert.equal(sheet.formula(2, 9), undefined);
  });

  it('updates in place and deletes rows, bottom first', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => pulledRow(i));
    await port.writeRows({ tableName: 'StockTable', columns: HEADERS, appends: rows });
    await port.writeRows({
      tableName: 'StockTable',
      columns: ['qty'],
      updates: [
        { row: 0, values: [42] },
        { row: 5, values: [43] },
      ],
      deletes: [2, 3, 7],
      appends: [pulledRow(99)],
    });
    const sheet = workbook.sheet('Stock');
    assert.equal(workbook.findTable('StockTable')?.bodyCount, 8);
    assert.equal(sheet.value(1, 2), 42);
    assert.deepEqual(
      [2, 3, 4, 5, 6, 7, 8].map((r) => sheet.value(r, 10)),
      ['k-1', 'k-4', 'k-5', 'k-6', 'k-8', 'k-9', 'k-99'],
    );
    assert.equal(sheet.value(4, 2), 43);
  });
});
