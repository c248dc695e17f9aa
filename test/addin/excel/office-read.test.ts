// readRegion over the fake host: the facts the validator needs reach it as plain data.

import assert from 'node:assert/strict';
import sinon from 'sinon';
import { createOfficePort } from '../../../addin/excel/office-port';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../fakes/fake-excel';

describe('office port: readRegion', () => {
  let workbook: FakeWorkbook;
  const port = createOfficePort();

  beforeEach(() => {
    workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
    const sheet = workbook.addSheet('Orders', [
      ['经销商', 'SKU', '数量', '金额'],
      ['华东商贸', '0012', 5, 100],
      ['华北商贸', '１２', 7, null],
      ['西南商贸', 'A-1', 3, 0],
      ['东北商贸', 'B-2', 2, 8],
    ]);
    sheet.setFormula('D3', '=C3*20', 140);
    sheet.merge('A4:B4');
    sheet.hideRow(4);
    workbook.select('Orders', 'B2');
  });

  afterEach(() => {
    uninstallFakeOffice(globalThis);
    sinon.restore();
  });

  it('reads the block around the selection with its formula, merged, hidden and text-number cells', async () => {
    const region = await port.readRegion({ kind: 'selection' });
    assert.equal(region.sheetName, 'Orders');
    assert.equal(region.address, 'Orders!A1:D5');
    assert.equal(region.tableName, null);
    assert.deepEqual(region.headers, ['经销商', 'SKU', '数量', '金额']);
    assert.deepEqual(region.rows[0], ['华东商贸', '0012', 5, 100]);
    assert.equal(region.texts[1]?.[1], '１２');
    assert.deepEqual(region.formulaCells, [{ row: 1, column: 3 }]);
    assert.deepEqual(region.mergedCells, [
      { row: 2, column: 0 },
      { row: 2, column: 1 },
    ]);
    assert.deepEqual(region.hiddenRows, [3]);
    assert.equal(region.numberFormats[0]?.[0], 'General');
  });

  it('says merged cells are unknown on a host below ExcelApi 1.13', async () => {
    workbook.apiMinor = 8;
    const region = await port.readRegion({ kind: 'selection' });
    assert.equal(region.mergedCells, null);
  });

  it('reads the whole table when the selection is inside one', async () => {
    workbook.addTable('Orders', 'A1:D5', 'OrdersTable');
    const region = await port.readRegion({ kind: 'selection' });
    assert.equal(region.tableName, 'OrdersTable');
    assert.equal(region.rows.length, 4);
  });

  it('reads a big table in chunks, never in one request per row', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`d${i}`, i, i * 2]);
    workbook.addSheet('Big', [['a', 'b', 'c'], ...rows]);
    workbook.addTable('Big', 'A1:C20001', 'BigTable');
    const before = workbook.syncCount;
    const region = await port.readRegion({ kind: 'table', tableName: 'BigTable' });
    assert.equal(region.rows.length, 20_000);
    assert.deepEqual(region.rows[19_999], ['d19999', 19_999, 39_998]);
    assert.ok(workbook.syncCount - before < 10, `syncs: ${workbook.syncCount - before}`);
  });
});
