// The stocktake count sheet in Excel (docs/stocktake.md): the keeper pulls a location's sheet as
// of a cut-off, types the counted quantities into it and pushes it back; a refresh then shows
// the variance at cost beside each line, before a manager approves.
import assert from 'node:assert/strict';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, push, seedSalesData, TODAY } from '../../support/fixtures';

describe('the stocktake count sheet', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'warehouse', server: { now: fixedNow } });
    await seedSalesData(h.server);
    const costs = [
      { values: { skuCode: 'TEE-BLK-M', cost: 8000 } },
      { values: { skuCode: 'TEE-BLK-L', cost: 8500 } },
    ];
    await push(h.server, { dataset: 'product-costs', rows: costs, role: 'manager' });
  });
  afterEach(() => h.close());

  it('is pulled, filled in and pushed back; the refresh shows the variance at cost', async () => {
    const pulled = await h.app.pull('stocktakes', { filter: { location: 'WH-E', to: TODAY } });
    assert.equal(pulled.added, 3, 'WH-E holds TEE-BLK-M, TEE-BLK-L and SOCK-WHT-F');
    const sheet = h.workbook.sheet(pulled.sheetName);
    const headers = sheet.rows[0]!.values;
    const column = (title: string) => headers.indexOf(title);
    const rowOf = (sku: string) =>
      sheet.rows.findIndex((r) => r?.values[column('产品编码')] === sku);
    const type = (sku: string, counted: number) => {
      sheet.rows[rowOf(sku)]!.values[column('实盘数量')] = counted;
    };
    // System: TEE-BLK-M 100, TEE-BLK-L 20 (fixtures' opening stock).
    type('TEE-BLK-M', 97);
    type('TEE-BLK-L', 21);
    // The keeper binds the pulled sheet to the count-sheet dataset (one click) and pushes it.
    h.workbook.select(pulled.sheetName, 'A2');
    await h.app.confirmBinding(await h.app.proposeBinding('stocktakes'));
    const report = await h.app.push();
    assert.deepEqual(
      [report.sent, report.applied, report.rejected, report.skippedInvalid],
      [2, 2, 0, 1],
      JSON.stringify(report),
    );
    await h.app.refresh({ overwriteEdits: true });
    const cells = (sku: string) =>
      ['账面数量', '实盘数量', '差异数量', '差异金额（成本）', '状态'].map((t) =>
        sheet.value(rowOf(sku), column(t)),
      );
    // −3 × ¥80.00 = −¥240.00; +1 × ¥85.00 = +¥85.00 (money shows in yuan).
    assert.deepEqual(cells('TEE-BLK-M'), [100, 97, -3, -240, '待审批']);
    assert.deepEqual(cells('TEE-BLK-L'), [20, 21, 1, 85, '待审批']);
  });
});
