// Marks, tables, templates, pivots, selection and settings over the fake host.

import assert from 'node:assert/strict';
import sinon from 'sinon';
import { createOfficePort } from '../../../addin/excel/office-port';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../fakes/fake-excel';

describe('office port: marks, tables, templates, pivots', () => {
  let workbook: FakeWorkbook;
  const port = createOfficePort();

  beforeEach(() => {
    workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
    workbook.addSheet('Orders', [
      ['经销商', '数量'],
      ['华东商贸', 5],
      ['华北商贸', -1],
    ]);
  });

  afterEach(() => {
    uninstallFakeOffice(globalThis);
    sinon.restore();
  });

  const marks = [{ address: 'B3', reason: '数量必须大于 0' }];

  it('marks with a fill and a note on ExcelApi 1.18, and clears both', async () => {
    const { noteMode } = await port.markCells({ sheetName: 'Orders', marks, color: '#FFC7CE' });
    const sheet = workbook.sheet('Orders');
    assert.equal(noteMode, 'note');
    assert.equal(sheet.fill(2, 1), '#FFC7CE');
    assert.equal(sheet.note(2, 1), '数量必须大于 0');
    await port.markCells({
      sheetName: 'Orders',
      marks: [{ address: 'B3', reason: 'again' }],
      color: '#FFC7CE',
    });
    assert.equal(sheet.note(2, 1), 'again');
    sheet.row(1).fills = ['#00B050'];
    sheet.row(1).notes = ['mine'];
    await port.clearMarks({ sheetName: 'Orders', addresses: ['B3'] });
    assert.equal(sheet.fill(2, 1), undefined);
    assert.equal(sheet.note(2, 1), undefined);
    assert.equal(sheet.fill(1, 0), '#00B050', "the user's own fill stays");
    assert.equal(sheet.note(1, 0), 'mine', "the user's own note stays");
  });

  it('clears any number of marked cells with the same number of syncs', async () => {
    const syncsToClear = async (count: number) => {
      const name = `S${count}`;
      workbook.addSheet(
        name,
        Array.from({ length: count + 1 }, (_, i) => [i === 0 ? 'n' : i, 1]),
      );
      const addresses = Array.from({ length: count }, (_, i) => `B${i + 2}`);
      const reasons = addresses.map((address) => ({ address, reason: 'bad' }));
      await port.markCells({ sheetName: name, marks: reasons, color: '#FFC7CE' });
      const before = workbook.syncCount;
      await port.clearMarks({ sheetName: name, addresses });
      assert.equal(workbook.sheet(name).fill(count, 1), undefined);
      assert.equal(workbook.sheet(name).note(count, 1), undefined);
      return workbook.syncCount - before;
    };
    assert.equal(await syncsToClear(3000), await syncsToClear(3));
  });

  it('falls back to a comment on ExcelApi 1.10', async () => {
    workbook.apiMinor = 10;
    const { noteMode } = await port.markCells({ sheetName: 'Orders', marks, color: '#FFC7CE' });
    assert.equal(noteMode, 'comment');
    assert.equal(workbook.sheet('Orders').comment(2, 1), '数量必须大于 0');
    assert.equal(workbook.sheet('Orders').note(2, 1), undefined);
  });

  it("returns 'none' on ExcelApi 1.8 so the caller writes the reason into _status", async () => {
    workbook.apiMinor = 8;
    const { noteMode } = await port.markCells({ sheetName: 'Orders', marks, color: '#FFC7CE' });
    assert.equal(noteMode, 'none');
    assert.equal(workbook.sheet('Orders').fill(2, 1), '#FFC7CE');
    assert.equal(workbook.sheet('Orders').comment(2, 1), undefined);
  });

  it('makes the range a table with _status visible and _key, _version, _hash hidden at the right end', async () => {
    const info = await port.ensureTable({
      sheetName: 'Orders',
      address: 'A1:B3',
      tableName: 'OrdersTable',
    });
    assert.deepEqual(info.columns, ['经销商', '数量', '_status', '_key', '_version', '_hash']);
    assert.equal(info.tableName, 'OrdersTable');
    const sheet = workbook.sheet('Orders');
    assert.deepEqual([...sheet.hiddenColumns].sort(), [3, 4, 5]);
    const again = await port.ensureTable({ sheetName: 'Orders', address: 'A1:B3' });
    assert.deepEqual(again.columns, info.columns);
    assert.equal(workbook.tables.length, 1);
  });

  it('creates a template sheet with formats and dropdowns fed from the hidden _lists sheet', async () => {
    const info = await port.createTemplateSheet({
      sheetName: '订单',
      tableName: 'Orders',
      preparedRows: 20,
      columns: [
        {
          header: '经销商',
          numberFormat: '@',
          list: { name: 'dealers', values: ['华东商贸', '=bad'] },
        },
        { header: '日期', numberFormat: 'yyyy-mm-dd' },
        { header: '金额', numberFormat: '#,##0.00' },
      ],
    });
    assert.deepEqual(info.columns, ['经销商', '日期', '金额']);
    const lists = workbook.sheet('_lists');
    assert.equal(lists.visibility, 'Hidden');
    assert.equal(lists.value(2, 0), '=bad');
    const sheet = workbook.sheet('订单');
    assert.equal(sheet.format(5, 1), 'yyyy-mm-dd');
    assert.equal(sheet.format(5, 2), '#,##0.00');
    assert.deepEqual(sheet.validations[0]?.rule, {
      list: { inCellDropDown: true, source: "='_lists'!$A$2:$A$3" },
    });
  });

  it('adds a pivot table from a table on a new sheet', async () => {
    workbook.addTable('Orders', 'A1:B3', 'OrdersTable');
    await port.addPivot({
      sourceTable: 'OrdersTable',
      sheetName: 'Pivot',
      pivotName: 'ByDealer',
      rows: ['经销商'],
      columns: [],
      values: ['数量'],
    });
    assert.deepEqual(workbook.pivots, [
      {
        name: 'ByDealer',
        sheetName: 'Pivot',
        sourceTable: 'OrdersTable',
        rows: ['经销商'],
        columns: [],
        values: ['数量'],
        filters: [],
      },
    ]);
  });

  it('selects a cell and highlights rows', async () => {
    workbook.addTable('Orders', 'A1:B3', 'OrdersTable');
    await port.selectCell('Orders', 'B3');
    assert.deepEqual(workbook.selection, {
      sheet: 'Orders',
      rect: { row: 2, column: 1, rowCount: 1, columnCount: 1 },
    });
    const sheet = workbook.sheet('Orders');
    sheet.row(1).fills = [undefined, '#00B050'];
    await port.highlightRows({
      tableName: 'OrdersTable',
      rows: [1],
      previousRows: [],
      color: '#FFEB9C',
    });
    assert.equal(sheet.fill(2, 0), '#FFEB9C');
    assert.equal(sheet.fill(1, 0), undefined);
    await port.highlightRows({
      tableName: 'OrdersTable',
      rows: [],
      previousRows: [1],
      color: '#FFEB9C',
    });
    assert.equal(sheet.fill(2, 0), undefined, 'the old highlight is cleared');
    assert.equal(sheet.fill(1, 1), '#00B050', "the user's own fill stays");
  });

  it('reads and writes workbook settings and saves them', async () => {
    await port.writeSettings({ workbookId: 'wb-1', binding: { table: 'OrdersTable' } });
    assert.deepEqual(await port.readSettings(['workbookId', 'binding', 'missing']), {
      workbookId: 'wb-1',
      binding: { table: 'OrdersTable' },
      missing: null,
    });
    assert.equal(workbook.savedSettings.get('workbookId'), 'wb-1');
    await port.writeSettings({ workbookId: null });
    assert.equal(workbook.savedSettings.has('workbookId'), false);
  });

  it('reports language, theme and the highest ExcelApi set', async () => {
    workbook.apiMinor = 13;
    const env = await port.readEnvironment();
    assert.equal(env.displayLanguage, 'zh-CN');
    assert.equal(env.excelApiMinor, 13);
    assert.equal(env.theme?.bodyBackgroundColor, '#FFFFFF');
  });
});
