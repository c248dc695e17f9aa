// The fake host's own rules: if these break, every port test over the fake proves nothing.

import assert from 'node:assert/strict';
import sinon from 'sinon';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../fakes/fake-excel';

describe('fake Excel host', () => {
  let workbook: FakeWorkbook;

  beforeEach(() => {
    workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
    workbook.addSheet('Orders', [
      ['dealer', 'qty'],
      ['A', 1],
    ]);
  });

  afterEach(() => {
    uninstallFakeOffice(globalThis);
    sinon.restore();
  });

  it('throws PropertyNotLoaded when a property is read before load + sync', async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Orders').getRange('A1:B2');
      assert.throws(() => range.values, { code: 'PropertyNotLoaded' });
      range.load('values');
      assert.throws(() => range.values, { code: 'PropertyNotLoaded' });
      await context.sync();
      assert.deepEqual(range.values, [
        ['dealer', 'qty'],
        ['A', 1],
      ]);
    });
  });

  it('counts every sync', async () => {
    const before = workbook.syncCount;
    await Excel.run(async (context) => {
      await context.sync();
      await context.sync();
    });
    assert.equal(workbook.syncCount - before, 2);
  });

  it('rejects a request over 5 MB and applies nothing of it', async () => {
    const big = Array.from({ length: 60_000 }, (_, i) => [`dealer-${i}-${'x'.repeat(80)}`]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Orders');
      sheet.getRange('D1').values = [['applied?']];
      sheet.getRange('C1:C60000').values = big;
      await assert.rejects(context.sync(), { code: 'RequestPayloadSizeLimitExceeded' });
    });
    const last = workbook.syncLog.at(-1)!;
    assert.ok(last.rejected && last.bytes > 5_000_000);
    assert.equal(workbook.sheet('Orders').value(0, 3), null);
    assert.equal(workbook.sheet('Orders').value(0, 2), null);
  });

  it("makes '=…' a formula unless the cell is formatted '@' or the input starts with an apostrophe", async () => {
    workbook.sheet('Orders').setFormat('B3', '@');
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Orders');
      sheet.getRange('A3:C3').values = [['=SUM(A1)', '=SUM(A1)', "'=SUM(A1)"]];
      await context.sync();
    });
    const sheet = workbook.sheet('Orders');
    assert.equal(sheet.formula(2, 0), '=SUM(A1)');
    assert.equal(sheet.formula(2, 1), undefined);
    assert.equal(sheet.value(2, 1), '=SUM(A1)');
    assert.equal(sheet.formula(2, 2), undefined);
    assert.equal(sheet.value(2, 2), '=SUM(A1)');
  });

  it("turns '0012' into the number 12 in a General cell, as Excel does", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Orders').getRange('A4').values = [['0012']];
      await context.sync();
    });
    assert.equal(workbook.sheet('Orders').value(3, 0), 12);
  });

  it('fails a request using notes on a host without ExcelApi 1.18', async () => {
    workbook.apiMinor = 10;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Orders').notes.add('A1', 'why');
      await assert.rejects(context.sync(), { code: 'ApiNotFound' });
    });
    assert.equal(workbook.sheet('Orders').note(0, 0), undefined);
  });

  it('reports requirement sets through Office.context.requirements', () => {
    workbook.apiMinor = 8;
    assert.equal(Office.context.requirements.isSetSupported('ExcelApi', '1.8'), true);
    assert.equal(Office.context.requirements.isSetSupported('ExcelApi', '1.9'), false);
  });

  it('keeps "=…" typed into a text cell as text, and answers it in formulas as Excel does', async () => {
    workbook.sheet('Orders').setFormat('C2', '@');
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Orders');
      sheet.getRange('C2').formulas = [['=加急，顺丰到付']];
      sheet.getRange('D2').formulas = [['=1+1']];
      await context.sync();
      const read = sheet.getRange('C2:D2').load('values,formulas');
      await context.sync();
      assert.deepEqual(read.values, [['=加急，顺丰到付', '#NAME?']]);
      assert.deepEqual(read.formulas, [['=加急，顺丰到付', '=1+1']]);
    });
  });
});
