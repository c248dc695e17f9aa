// Templates, saved bindings, the session's place (storage, never the workbook), and pivots.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, seedSalesData } from '../../support/fixtures';
import { bindSheet, ORDER_HEADERS, orderRow } from './helpers';

describe('bind, templates, session and pivots', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager', server: { now: fixedNow } });
    await seedSalesData(h.server);
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  it('inserts an orders template with localized headers, formats and dropdowns, bound at once', async () => {
    const binding = await h.app.insertTemplate('orders');
    assert.equal(binding.dataset, 'orders');
    assert.deepEqual(binding.missing, []);
    const headers = h.workbook.tableHeaders(binding.tableName);
    assert.deepEqual(headers.slice(0, 3), ['单号', '经销商编码', '订单日期']);
    assert.ok(headers.includes('_key') && headers.includes('_status'));
    const sheet = h.workbook.sheet(binding.sheetName);
    assert.equal(sheet.format(1, 2), 'yyyy-mm-dd');
    assert.equal(sheet.format(1, 6), '#,##0.00');
    assert.ok(sheet.validations.some((v) => JSON.stringify(v.rule).includes('_lists')));
    const { address: _address, ...saved } = binding;
    assert.deepEqual(await h.app.currentBinding(), saved);
  });

  it('remembers the binding in the workbook, the token only in storage', async () => {
    const bound = await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [ORDER_HEADERS, orderRow('PO-1', 'TEE-BLK-M', 5)],
    });
    await h.app.push();
    const reopened = h.reopen();
    const again = await reopened.currentBinding();
    assert.equal(again?.tableName, bound.tableName);
    const workbookSettings = JSON.stringify([...h.workbook.settings]);
    const token = JSON.parse(h.storage.getItem('salesSync.session') ?? '{}') as { token?: string };
    assert.ok(token.token);
    assert.ok(!workbookSettings.includes(token.token));
    assert.match(workbookSettings, /salesSync\.workbookId/);
    await h.app.signOut();
    assert.equal(h.app.session(), null);
  });

  it("proposes a mapping for a real order sheet's titles: synonyms and titles that contain a known one", async () => {
    h.workbook.addSheet('我的订单', [
      [
        '订单编号',
        '客户编码',
        '订货日期',
        '订单类型',
        '货号',
        '订购数量',
        '单价（元）',
        '发货仓库',
        '业务员备注',
      ],
      ['PO-9', 'D-SH01', '2026-11-27', '常规', 'TEE-BLK-M', 3, 199.9, 'WH-E', '加急'],
    ]);
    h.workbook.select('我的订单', 'A2');
    const binding = await h.app.proposeBinding('orders');
    assert.deepEqual(
      binding.columns.map((c) => c.field),
      [
        'orderRef',
        'dealerCode',
        'orderDate',
        'orderType',
        'skuCode',
        'quantity',
        'unitPrice',
        'locationCode',
        'remark',
      ],
    );
    assert.deepEqual(binding.missing, []);
  });

  for (const [title, field] of [
    ['下单日期', 'orderDate'],
    ['要货日期', 'orderDate'],
    ['开单日期', 'orderDate'],
    ['发货仓', 'locationCode'],
    ['出库仓', 'locationCode'],
    ['仓库', 'locationCode'],
    ['要货数量', 'quantity'],
    ['订货数量', 'quantity'],
  ] as const) {
    it(`maps the title ${title} to ${field}`, async () => {
      h.workbook.addSheet('S', [
        [title, '单号'],
        [1, 'x'],
      ]);
      h.workbook.select('S', 'A2');
      const binding = await h.app.proposeBinding('orders');
      assert.equal(binding.columns[0]?.field, field);
    });
  }

  it('builds a pivot of a pulled table: rows by the first text column, values by amount', async () => {
    await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [ORDER_HEADERS, orderRow('PO-1', 'TEE-BLK-M', 5)],
    });
    await h.app.push();
    await h.app.pull('orders');
    const { sheetName } = await h.app.addPivot();
    const pivot = h.workbook.pivots[0]!;
    assert.equal(pivot.sheetName, sheetName);
    assert.deepEqual([pivot.rows, pivot.values], [['单号'], ['金额']]);
  });

  it('builds the default pivot of sales facts over net sell-in (shipped + returned), and says so in its title', async () => {
    await h.app.pull('sales-facts');
    const { sheetName } = await h.app.addPivot();
    const pivot = h.workbook.pivots[0]!;
    assert.deepEqual(pivot.filters, [{ field: '类型', items: ['发货', '退货'] }]);
    assert.deepEqual(pivot.values, ['金额']);
    assert.match(String(h.workbook.sheet(sheetName).value(0, 0)), /净销售（发货 \+ 退货/);
  });

  it('splits ordered and shipped sales into columns where the host cannot filter a pivot', async () => {
    h.workbook.apiMinor = 11;
    await h.app.pull('sales-facts');
    const { sheetName } = await h.app.addPivot();
    const pivot = h.workbook.pivots[0]!;
    assert.deepEqual([pivot.filters, pivot.columns[0]], [[], '类型']);
    assert.match(
      String(h.workbook.sheet(sheetName).value(0, 0)),
      /净销售 = 发货 \+ 退货，订货请勿相加/,
    );
  });
});
