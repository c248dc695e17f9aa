// 补货建议 → 补货单 in one click, over the fake host and the real server (docs/sell-out.md, "From
// suggestions to a 补货 order"). Fixtures: WH-E holds TEE-BLK-M 100, TEE-BLK-L 20, SOCK-WHT-F 60
// (pack of 6), nothing sold. A manager sets three rules at WH-E:
//   TEE-BLK-M reorder level 120, qty 10  → 100 < 120: max(10, 120 − 100) = 20
//   TEE-BLK-L min 25, max 38             → 20 < 25: 38 − 20 = 18 (pack 1)
//   SOCK-WHT-F min 100, max 100          → 60 < 100: 100 − 60 = 40 → ×6 = 42
// WH-S × TEE-BLK-M (30 on hand, safety 10, no sales) suggests 0 and gives no line. Each line
// ships from its location, whose stock the order then reserves (18 ≤ 20, 42 ≤ 60, 20 ≤ 100).
import assert from 'node:assert/strict';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, push, seedSalesData, signInAs, TODAY } from '../../support/fixtures';
import { PASSWORD } from '../../support/server';

const HEADERS = [
  '单号',
  '经销商编码',
  '订单日期',
  '订单类型',
  '产品编码',
  '数量',
  '单价',
  '发货仓',
];

const rule = (skuCode: string, values: Record<string, unknown>) => ({
  values: { locationCode: 'WH-E', skuCode, ...values },
});

async function setRules(h: AddinHarness): Promise<void> {
  const rows = [
    rule('TEE-BLK-M', { rule: 'reorder-level', reorderLevel: 120, reorderQuantity: 10 }),
    rule('TEE-BLK-L', { rule: 'min-max', minQuantity: 25, maxQuantity: 38 }),
    rule('SOCK-WHT-F', { rule: 'min-max', minQuantity: 100, maxQuantity: 100 }),
  ];
  const res = await push(h.server, { dataset: 'replenishment-rules', rows, role: 'manager' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

/** The generated sheet's body rows, as the columns of HEADERS (money in yuan, dates as serials). */
function bodyRows(h: AddinHarness, sheetName: string): unknown[][] {
  const sheet = h.workbook.sheet(sheetName);
  const headers = sheet.rows[0]?.values ?? [];
  return sheet.rows
    .slice(1)
    .filter((row) => row?.values.some((v) => v !== null && v !== ''))
    .map((row) => HEADERS.map((title) => row?.values[headers.indexOf(title)] ?? null));
}

async function serverOrderLines(h: AddinHarness) {
  const res = await h.server.call('manager', '/api/v1/sync/pull?dataset=orders&limit=1000');
  const rows = (res.body as { rows: { op: string; values: Record<string, unknown> }[] }).rows;
  return rows.filter((r) => r.op === 'upsert').map((r) => r.values);
}

describe('补货建议 → 补货单 (one click)', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'sales', server: { now: fixedNow }, now: fixedNow });
    await seedSalesData(h.server);
  });
  afterEach(() => h.close());

  it('drafts one 补货 line per suggested SKU, which validates and pushes as orders', async () => {
    await setRules(h);
    await h.app.pull('replenishment');
    const report = await h.app.prepareReorder({ dealerCode: 'D-SH01' });
    assert.deepEqual([report.rows, report.orders], [3, 1], 'three SKUs at one location');
    const rows = bodyRows(h, report.sheetName);
    const ref = rows[0]?.[0];
    assert.match(String(ref), /^BH20261127-[0-9A-F]{6}$/);
    const serial = rows[0]?.[2]; // 2026-11-27 as an Excel date serial
    const bySku = Object.fromEntries(rows.map((r) => [r[4], r]));
    assert.deepEqual(bySku['TEE-BLK-M'], [
      ref,
      'D-SH01',
      serial,
      '补货',
      'TEE-BLK-M',
      20,
      null,
      'WH-E',
    ]);
    assert.deepEqual(bySku['TEE-BLK-L'], [
      ref,
      'D-SH01',
      serial,
      '补货',
      'TEE-BLK-L',
      18,
      null,
      'WH-E',
    ]);
    assert.deepEqual(bySku['SOCK-WHT-F'], [
      ref,
      'D-SH01',
      serial,
      '补货',
      'SOCK-WHT-F',
      42,
      null,
      'WH-E',
    ]);
    assert.equal(rows.length, 3, 'WH-S × TEE-BLK-M suggests 0: no line');

    const checked = await h.app.validate();
    assert.deepEqual([checked.validRows, checked.invalidRows], [3, 0], JSON.stringify(checked));
    const pushed = await h.app.push({ onlyValid: true });
    assert.deepEqual(
      [pushed.sent, pushed.applied, pushed.rejected],
      [3, 3, 0],
      JSON.stringify(pushed),
    );

    const lines = await serverOrderLines(h);
    const got = lines
      .map((l) => [l.orderRef, l.dealerCode, l.orderDate, l.orderType, l.skuCode, l.quantity])
      .sort((a, b) => String(a[4]).localeCompare(String(b[4])));
    assert.deepEqual(got, [
      [ref, 'D-SH01', TODAY, 'replenishment', 'SOCK-WHT-F', 42],
      [ref, 'D-SH01', TODAY, 'replenishment', 'TEE-BLK-L', 18],
      [ref, 'D-SH01', TODAY, 'replenishment', 'TEE-BLK-M', 20],
    ]);
    // A blank price takes the dealer price (fen): ¥15.00 for the socks, ¥199.90 for the tees.
    const price = Object.fromEntries(lines.map((l) => [l.skuCode, l.unitPrice]));
    assert.deepEqual(price, { 'SOCK-WHT-F': 1500, 'TEE-BLK-L': 19990, 'TEE-BLK-M': 19990 });
  });

  it('takes the dealer a self-operated store names, and the ship-from the user chose', async () => {
    // ST-SH is D-SH01's own store (same name); it holds 2 TEE-BLK-L, min 10 max 12 → 10.
    const store = { code: 'ST-SH', name: 'D-SH01 服饰', kind: 'store', servesRegions: 'SH' };
    await push(h.server, {
      dataset: 'locations',
      rows: [{ values: { ...store, status: 'active' } }],
      role: 'manager',
    });
    const receipt = { locationCode: 'ST-SH', skuCode: 'TEE-BLK-L', quantity: 2 };
    const rows = [{ values: { ...receipt, date: TODAY, ref: 'OPEN-ST-SH' } }];
    await push(h.server, { dataset: 'goods-receipts', rows, role: 'warehouse' });
    const stRule = { locationCode: 'ST-SH', skuCode: 'TEE-BLK-L', rule: 'min-max' };
    await push(h.server, {
      dataset: 'replenishment-rules',
      rows: [{ values: { ...stRule, minQuantity: 10, maxQuantity: 12 } }],
      role: 'manager',
    });
    await h.app.pull('replenishment', { filter: { location: 'ST-SH' } });
    const report = await h.app.prepareReorder({ shipFrom: 'WH-E' });
    const [line] = bodyRows(h, report.sheetName);
    assert.deepEqual(line?.slice(1), ['D-SH01', line?.[2], '补货', 'TEE-BLK-L', 10, null, 'WH-E']);
    await h.app.validate();
    const pushed = await h.app.push({ onlyValid: true });
    assert.deepEqual([pushed.applied, pushed.rejected], [1, 0], JSON.stringify(pushed));
  });

  it('leaves rows the user hid out of the order', async () => {
    await setRules(h);
    const pulled = await h.app.pull('replenishment');
    const sheet = h.workbook.sheet(pulled.sheetName);
    const skuColumn = sheet.rows[0]?.values.indexOf('产品编码') ?? -1;
    const sockRow = sheet.rows.findIndex((r) => r?.values[skuColumn] === 'SOCK-WHT-F');
    sheet.rows[sockRow]!.hidden = true;
    const report = await h.app.prepareReorder({ dealerCode: 'D-SH01' });
    const skus = bodyRows(h, report.sheetName).map((r) => r[4]);
    assert.deepEqual(skus.sort(), ['TEE-BLK-L', 'TEE-BLK-M']);
  });

  it('says so and makes no sheet when nothing is suggested', async () => {
    await h.app.pull('replenishment');
    const sheets = h.workbook.sheets.length;
    await assert.rejects(h.app.prepareReorder({ dealerCode: 'D-SH01' }), (error: Error) => {
      assert.match(error.message, /没有建议补货数量大于 0 的行/);
      return true;
    });
    assert.equal(h.workbook.sheets.length, sheets, 'no empty orders sheet');
  });

  it('asks for the replenishment pull first, and for a dealer the user may choose', async () => {
    await assert.rejects(h.app.prepareReorder({ dealerCode: 'D-SH01' }), /请先下载“补货建议”/);
    await setRules(h);
    await h.app.pull('replenishment');
    const sheets = h.workbook.sheets.length;
    // D-HD99 is inactive: not in the dealer list, so not offered and not taken.
    await assert.rejects(h.app.prepareReorder({ dealerCode: 'D-HD99' }), /经销商 D-HD99 不在/);
    await assert.rejects(h.app.prepareReorder({ shipFrom: 'WH-X' }), /发货仓 WH-X 不在/);
    // WH-E names no dealer (no dealer is called 华东仓): one must be chosen.
    await assert.rejects(h.app.prepareReorder({}), /库位 WH-E 没有对应的经销商/);
    assert.equal(h.workbook.sheets.length, sheets, 'no orders sheet made');
  });

  it('offers a region-limited assistant only the dealers of their regions', async () => {
    await setRules(h);
    await signInAs(h.server, { username: 'sh-assistant', role: 'sales', regions: ['SH'] });
    await h.app.signOut();
    await h.app.signIn({ serverUrl: h.server.url, username: 'sh-assistant', password: PASSWORD });
    const dealers = (await h.app.meta()).lists.dealers?.map((d) => d.code);
    assert.deepEqual(dealers, ['D-SH01'], 'D-HN01 is in 华南');
    await h.app.pull('replenishment');
    await assert.rejects(h.app.prepareReorder({ dealerCode: 'D-HN01' }), /经销商 D-HN01 不在/);
    const report = await h.app.prepareReorder({ dealerCode: 'D-SH01' });
    assert.equal(report.rows, 3);
  });
});
