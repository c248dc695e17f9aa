// Refresh status: pushed order rows learn their state (partly shipped…) by `_key`.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Locale } from '../../../shared/locale';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, push, seedSalesData } from '../../support/fixtures';
import { bindSheet, cellOf, deleteBodyRow, ORDER_HEADERS, orderRow, reorderBody } from './helpers';

describe('refresh status', () => {
  let h: AddinHarness;
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const expected: Record<Locale, RegExp[]> = {
    'zh-CN': [
      /^部分发货：已发 3\/5（SO-20261127-0001-01）$/,
      /^已提交：已发 0\/2（SO-20261127-0001-02）$/,
    ],
    'en-US': [
      /^Partly shipped: shipped 3\/5 \(SO-20261127-0001-01\)$/,
      /^Submitted: shipped 0\/2 \(SO-20261127-0001-02\)$/,
    ],
  };

  for (const locale of ['zh-CN', 'en-US'] as const) {
    it(`writes each pushed line's state in words (${locale})`, async () => {
      h = await startAddin({ role: 'manager', locale, server: { now: fixedNow } });
      await seedSalesData(h.server);
      await bindSheet(h, {
        sheet: 'Orders',
        dataset: 'orders',
        rows: [ORDER_HEADERS, orderRow('PO-1', 'TEE-BLK-M', 5), orderRow('PO-1', 'TEE-BLK-L', 2)],
      });
      const pushed = await h.app.push();
      assert.equal(pushed.applied, 2);
      assert.match(
        String(cellOf(h, { sheet: 'Orders', row: 0, header: '_status' })),
        /SO-20261127-0001-01/,
      );
      const shipped = await push(h.server, {
        dataset: 'shipments',
        role: 'warehouse',
        rows: [{ values: { date: '2026-11-27', lineId: 'SO-20261127-0001-01', quantity: 3 } }],
      });
      assert.equal(shipped.body.summary.applied, 1);
      const result = await h.app.refreshStatus();
      assert.equal(result.updated, 2);
      assert.match(
        String(cellOf(h, { sheet: 'Orders', row: 0, header: '_status' })),
        expected[locale][0]!,
      );
      assert.match(
        String(cellOf(h, { sheet: 'Orders', row: 1, header: '_status' })),
        expected[locale][1]!,
      );
    });
  }

  describe('while the user sorts or deletes rows', () => {
    const SHEET = 'Orders';
    const statusOf = (sku: string) => {
      const count = h.workbook.tables[0]!.bodyCount;
      const row = Array.from({ length: count }, (_, i) =>
        cellOf(h, { sheet: SHEET, row: i, header: '货号' }),
      ).indexOf(sku);
      assert.ok(row >= 0, `a row for ${sku}`);
      return String(cellOf(h, { sheet: SHEET, row, header: '_status' }));
    };

    beforeEach(async () => {
      h = await startAddin({ role: 'manager', server: { now: fixedNow } });
      await seedSalesData(h.server);
      await bindSheet(h, {
        sheet: SHEET,
        dataset: 'orders',
        rows: [ORDER_HEADERS, orderRow('PO-1', 'TEE-BLK-M', 5), orderRow('PO-1', 'TEE-BLK-L', 2)],
      });
      assert.equal((await h.app.push()).applied, 2);
      await push(h.server, {
        dataset: 'shipments',
        role: 'warehouse',
        rows: [{ values: { date: '2026-11-27', lineId: 'SO-20261127-0001-01', quantity: 3 } }],
      });
    });

    it('writes each status on the row holding its line after a sort', async () => {
      const onProgress = sinon.spy(() => reorderBody(h, SHEET, (rows) => [...rows].reverse()));
      const readColumn = sinon.spy(h.port, 'readColumn');
      const result = await h.app.refreshStatus({ onProgress });
      assert.ok(onProgress.called, 'the table was re-sorted during the fetch');
      assert.deepEqual(result, { updated: 2, unplaced: 0 });
      assert.equal(cellOf(h, { sheet: SHEET, row: 0, header: '货号' }), 'TEE-BLK-L');
      assert.match(statusOf('TEE-BLK-M'), /^部分发货：已发 3\/5（SO-20261127-0001-01）$/);
      assert.match(statusOf('TEE-BLK-L'), /^已提交：已发 0\/2（SO-20261127-0001-02）$/);
      assert.equal(readColumn.callCount, 1, 'one read of the key column');
    });

    it('skips the status of a row deleted during the fetch, and counts it', async () => {
      const onProgress = () =>
        deleteBodyRow(h, { sheet: SHEET, isIt: (row) => row.values[4] === 'TEE-BLK-M' });
      const result = await h.app.refreshStatus({ onProgress });
      assert.deepEqual(result, { updated: 1, unplaced: 1 });
      assert.equal(h.workbook.tables[0]!.bodyCount, 1);
      assert.match(statusOf('TEE-BLK-L'), /^已提交：已发 0\/2（SO-20261127-0001-02）$/);
    });
  });
});
