// writeGrid over the fake host: the sheet made when absent (its existence loaded before it is
// read), cells in a bounded number per sync and no request over Office's 5 MB limit, and a new
// layout emptying the old area first.
import assert from 'node:assert/strict';
import { cellAddress } from '../../../addin/excel/a1';
import { createOfficePort } from '../../../addin/excel/office-port';
import type { GridCellWrite } from '../../../addin/excel/port';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../fakes/fake-excel';

describe('office port: writeGrid', () => {
  let workbook: FakeWorkbook;
  const port = createOfficePort();
  beforeEach(() => {
    workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
  });
  afterEach(() => {
    uninstallFakeOffice(globalThis);
  });

  /** A 100-floor × 50-unit grid: 5,000 cells. */
  const big: GridCellWrite[] = Array.from({ length: 5_000 }, (_, i) => ({
    address: cellAddress(Math.floor(i / 50), i % 50),
    value: `${i} ¥2,864,000.00`,
    fill: i % 2 === 0 ? '#C6EFCE' : '#9BC2E6',
  }));

  it('makes the sheet and writes 5,000 cells in 2,000-cell syncs under the limit', async () => {
    const before = workbook.syncLog.length;
    const result = await port.writeGrid({ sheetName: '销控表-B9', cells: big });
    assert.equal(result.created, true);
    const syncs = workbook.syncLog.slice(before);
    // One to learn whether the sheet exists, then ⌈5,000 ÷ 2,000⌉ = 3.
    assert.equal(syncs.length, 4);
    assert.ok(syncs.every((s) => !s.rejected && s.bytes < workbook.requestLimitBytes));
    const sheet = workbook.sheet('销控表-B9');
    assert.equal(sheet.value(99, 49), '4999 ¥2,864,000.00');
    assert.equal(sheet.fill(99, 49), '#9BC2E6');
    assert.equal(sheet.fill(0, 0), '#C6EFCE');
  });

  it('empties the old area before a new layout, and keeps an existing sheet', async () => {
    await port.writeGrid({ sheetName: 'G', cells: big.slice(0, 100) });
    const result = await port.writeGrid({
      sheetName: 'G',
      clear: { rowCount: 2, columnCount: 50 },
      cells: [{ address: 'A1', value: '销控表 G', fill: null }],
    });
    assert.equal(result.created, false);
    const sheet = workbook.sheet('G');
    assert.equal(sheet.value(0, 0), '销控表 G');
    assert.equal(sheet.fill(0, 0) ?? null, null);
    assert.equal(sheet.value(1, 10) ?? null, null, 'old cells emptied');
    assert.equal(sheet.fill(1, 10) ?? null, null, 'old fills cleared');
  });
});
