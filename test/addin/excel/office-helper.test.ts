// The hidden helper sheet and list dropdowns over the fake host (docs/returns.md, "In Excel"):
// the sheet made hidden when absent, a shorter list emptying what the longer one left, text kept
// as text, 5,000 lines in bounded syncs under Office's 5 MB limit, and a column's old rule
// replaced, not stacked.
import assert from 'node:assert/strict';
import { createOfficePort } from '../../../addin/excel/office-port';
import type { CellValue } from '../../../addin/excel/port';
import { installFakeOffice, uninstallFakeOffice, type FakeWorkbook } from '../../fakes/fake-excel';

describe('office port: helper sheet and list dropdowns', () => {
  let workbook: FakeWorkbook;
  const port = createOfficePort();
  beforeEach(() => {
    workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
  });
  afterEach(() => {
    uninstallFakeOffice(globalThis);
  });

  const rows = (n: number): CellValue[][] =>
    Array.from({ length: n }, (_, i) => [`SH-${String(i + 1).padStart(4, '0')}`, '0012', i]);
  const write = (n: number, listRows: number) =>
    port.writeHelperSheet({
      sheetName: '_returnable',
      headers: ['发货单号', '编码', '可退'],
      rows: rows(n),
      textColumns: [0, 1],
      listRows,
    });

  it('writes a hidden sheet, text as text, and names the listed rows as the source', async () => {
    const { source } = await write(3, 2);
    const sheet = workbook.sheet('_returnable');
    assert.equal(sheet.visibility, 'Hidden');
    assert.equal(source, '=_returnable!$A$2:$A$3');
    assert.deepEqual(
      [sheet.value(1, 0), sheet.value(1, 1), sheet.value(3, 2)],
      ['SH-0001', '0012', 2],
    );
    assert.equal((await write(0, 0)).source, null);
  });

  it('empties the rows a longer list left behind', async () => {
    await write(5, 5);
    await write(2, 2);
    const sheet = workbook.sheet('_returnable');
    assert.equal(sheet.value(2, 0), 'SH-0002');
    for (let row = 3; row <= 5; row += 1)
      assert.ok([null, ''].includes(sheet.value(row, 0) as never));
  });

  it('writes 5,000 lines in bounded syncs under the request limit', async () => {
    const before = workbook.syncLog.length;
    await write(5_000, 5_000);
    const syncs = workbook.syncLog.slice(before);
    // One to learn whether the sheet exists, then ⌈5,001 rows × 3 ÷ 20,000 cells⌉ = 1.
    assert.equal(syncs.length, 2);
    assert.ok(syncs.every((s) => !s.rejected && s.bytes < workbook.requestLimitBytes));
    assert.equal(workbook.sheet('_returnable').value(5_000, 0), 'SH-5000');
  });

  it('replaces a column’s dropdown instead of stacking a second rule', async () => {
    workbook.addSheet('退货', [
      ['发货单号', '数量'],
      ['SH-0001', 1],
    ]);
    workbook.addTable('退货', 'A1:B2', 'ss_returns');
    const set = (source: string | null) =>
      port.setListValidation({ tableName: 'ss_returns', column: '发货单号', source, rows: 500 });
    await set('=_returnable!$A$2:$A$9');
    await set('=_returnable!$A$2:$A$4');
    const rules = workbook.sheet('退货').validations.filter((v) => v.rect.column === 0);
    assert.deepEqual(
      rules.map((v) => [v.rect.row, v.rect.rowCount, v.rule]),
      [[1, 500, { list: { inCellDropDown: true, source: '=_returnable!$A$2:$A$4' } }]],
    );
    await set(null);
    assert.equal(workbook.sheet('退货').validations.length, 0);
  });
});
