// Validate over the fake host and the real server's meta: bad cells coloured and annotated with
// the reason in the user's language, cleared when fixed; formulas, merged cells, hidden rows and
// numbers stored as text reported, never silent.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Locale } from '../../../shared/locale';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, seedSalesData } from '../../support/fixtures';
import { bindSheet, cellOf, cpuMillis, ORDER_HEADERS, orderRow, withDealer } from './helpers';

const RED = '#FFC7CE';
const YELLOW = '#FFEB9C';

describe('validate', () => {
  let h: AddinHarness;
  const start = async (locale: Locale, excelApi = '1.18') => {
    h = await startAddin({ locale, excelApi, server: { now: fixedNow } });
    await seedSalesData(h.server);
  };
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const badRows = () => [
    ORDER_HEADERS,
    orderRow('PO-1', 'TEE-BLK-M', 5),
    withDealer(orderRow('PO-2', 'TEE-BLK-M', 'abc'), 'D-XX'),
  ];
  const expected = {
    'zh-CN': { quantity: '“数量”应为数字。', dealer: '经销商“D-XX”不存在。' },
    'en-US': { quantity: '"Quantity" must be a number.', dealer: 'Dealer "D-XX" does not exist.' },
  };

  for (const locale of ['zh-CN', 'en-US'] as const) {
    it(`marks the bad cells with their reasons in ${locale} and clears the marks once fixed`, async () => {
      await start(locale);
      await bindSheet(h, { sheet: 'Orders', dataset: 'orders', rows: badRows() });
      const report = await h.app.validate();
      assert.deepEqual([report.rowsChecked, report.validRows, report.invalidRows], [2, 1, 1]);
      const byAddress = new Map(report.issues.map((i) => [i.address, i.message]));
      assert.deepEqual([...byAddress.keys()].sort(), ['B3', 'F3']);
      assert.equal(byAddress.get('F3'), expected[locale].quantity);
      assert.equal(byAddress.get('B3'), expected[locale].dealer);
      const sheet = h.workbook.sheet('Orders');
      assert.equal(sheet.fill(2, 5), RED);
      assert.equal(sheet.note(2, 5), expected[locale].quantity);
      assert.equal(sheet.fill(1, 5), undefined);
      sheet.rows[2]!.values[5] = 7;
      sheet.rows[2]!.values[1] = 'D-SH01';
      const fixed = await h.app.validate();
      assert.deepEqual(fixed.issues, []);
      assert.equal(sheet.fill(2, 5), undefined);
      assert.equal(sheet.note(2, 5), undefined);
    });
  }

  it("keeps the user's own fills and notes in the body through validate, re-validate and the fix", async () => {
    await start('zh-CN');
    await bindSheet(h, { sheet: 'Orders', dataset: 'orders', rows: badRows() });
    const sheet = h.workbook.sheet('Orders');
    const GREEN = '#00B050';
    (sheet.row(1).fills ??= [])[6] = GREEN;
    (sheet.row(2).fills ??= [])[0] = GREEN;
    (sheet.row(2).notes ??= [])[7] = 'call the warehouse';
    const userMarks = () => [sheet.fill(1, 6), sheet.fill(2, 0), sheet.note(2, 7)];
    const expectedUserMarks = [GREEN, GREEN, 'call the warehouse'];
    await h.app.validate();
    assert.equal(sheet.fill(2, 5), RED);
    assert.deepEqual(userMarks(), expectedUserMarks);
    await h.app.validate();
    assert.equal(sheet.fill(2, 5), RED);
    assert.deepEqual(userMarks(), expectedUserMarks);
    sheet.rows[2]!.values[5] = 7;
    await h.app.validate();
    assert.equal(sheet.fill(2, 5), undefined, 'the fixed cell is cleared');
    assert.equal(sheet.note(2, 5), undefined);
    assert.equal(sheet.fill(2, 1), RED, 'the cell still wrong keeps its mark');
    assert.deepEqual(userMarks(), expectedUserMarks);
    sheet.rows[2]!.values[1] = 'D-SH01';
    await h.app.validate();
    assert.equal(sheet.fill(2, 1), undefined);
    assert.deepEqual(userMarks(), expectedUserMarks);
  });

  it('reports a formula, a merged cell, a hidden row and a number stored as text', async () => {
    await start('zh-CN');
    const rows = [
      ORDER_HEADERS,
      orderRow('PO-1', 'TEE-BLK-M', '5'),
      orderRow('PO-2', 'TEE-BLK-M', 3),
      orderRow('PO-3', 'TEE-BLK-L', 2),
      orderRow('PO-4', 'TEE-BLK-L', 1),
    ];
    await bindSheet(h, { sheet: 'Orders', dataset: 'orders', rows });
    const sheet = h.workbook.sheet('Orders');
    sheet.setFormula('G3', '=100+99.9', 199.9);
    sheet.merge('D4:E4');
    sheet.rows[3]!.values[4] = null;
    sheet.hideRow(4);
    const report = await h.app.validate();
    const found = report.issues.map((i) => `${i.address} ${i.code} ${i.severity}`).sort();
    assert.deepEqual(found, [
      'A5 hidden-row warning',
      'D4 merged-cell error',
      'E4 merged-cell error',
      'F2 text-number warning',
      'G3 formula-not-allowed error',
    ]);
    assert.equal(sheet.fill(1, 5), YELLOW);
    assert.equal(sheet.note(1, 5), '“数量”是文本格式的数字，已按数字读取。');
    assert.equal(report.validRows, 2, 'the text number and the hidden row still count as valid');
  });

  it('reads a remark typed as text starting with "=" as text, not as a formula', async () => {
    await start('zh-CN');
    const rows = [
      [...ORDER_HEADERS, '备注'],
      [...orderRow('PO-1', 'TEE-BLK-M', 5), '=加急，顺丰到付'],
      [...orderRow('PO-2', 'TEE-BLK-M', 3), null],
    ];
    await bindSheet(h, { sheet: 'Orders', dataset: 'orders', rows });
    const sheet = h.workbook.sheet('Orders');
    // Typed into a text cell: Excel keeps the text and answers it in `formulas` as well.
    sheet.setFormat('I2', '@');
    sheet.setFormula('I3', '=A3&"加急"', 'PO-2加急');
    const report = await h.app.validate();
    const found = report.issues.map((i) => `${i.address} ${i.code}`);
    assert.deepEqual(found, ['I3 formula-not-allowed']);
    assert.equal(report.validRows, 1);
  });

  it('puts the reasons into _status when the host has neither notes nor comments', async () => {
    await start('zh-CN', '1.8');
    await bindSheet(h, { sheet: 'Orders', dataset: 'orders', rows: badRows() });
    await h.app.validate();
    const sheet = h.workbook.sheet('Orders');
    assert.equal(sheet.fill(2, 5), RED);
    assert.equal(
      cellOf(h, { sheet: 'Orders', row: 1, header: '_status' }),
      '“数量”应为数字。经销商“D-XX”不存在。',
    );
    assert.equal(cellOf(h, { sheet: 'Orders', row: 0, header: '_status' }), null);
  });

  it('validates and marks 10,000 rows with syncs growing only with read chunks (timing: npm run bench)', async () => {
    await start('zh-CN');
    const rows = (n: number) => [
      ORDER_HEADERS,
      ...Array.from({ length: n }, (_, i) =>
        orderRow(`PO-${i}`, 'TEE-BLK-M', i % 10 === 0 ? 'x' : 5),
      ),
    ];
    await bindSheet(h, { sheet: 'Small', dataset: 'orders', rows: rows(100) });
    let syncs = h.workbook.syncCount;
    await h.app.validate();
    const smallSyncs = h.workbook.syncCount - syncs;
    await bindSheet(h, { sheet: 'Big', dataset: 'orders', rows: rows(10_000) });
    await h.app.meta();
    syncs = h.workbook.syncCount;
    const cpu = await cpuMillis(() => h.app.validate());
    assert.equal(cpu.result.invalidRows, 1000);
    // Only the read grows: it fetches 40,000 cells a request (12 columns × 10,001 rows → 4 requests).
    const readChunks = Math.ceil(((ORDER_HEADERS.length + 4) * 10_001) / 40_000);
    assert.ok(
      h.workbook.syncCount - syncs <= smallSyncs + readChunks - 1,
      `${h.workbook.syncCount - syncs} syncs vs ${smallSyncs}`,
    );
    // Fixing every error clears exactly the marked cells, still without a sync per row.
    const fixAndValidate = async (name: string) => {
      for (const row of h.workbook.sheet(name).rows.slice(1)) if (row) row.values[5] = 5;
      const before = h.workbook.syncCount;
      const report = await h.app.validate();
      assert.equal(report.invalidRows, 0);
      return h.workbook.syncCount - before;
    };
    const rebind = async (name: string) => {
      h.workbook.select(name, 'A2');
      await h.app.confirmBinding(await h.app.proposeBinding('orders'));
    };
    await rebind('Small');
    const smallFix = await fixAndValidate('Small');
    await rebind('Big');
    const bigFix = await fixAndValidate('Big');
    assert.equal(h.workbook.sheet('Big').fill(1, 5), undefined);
    assert.ok(bigFix <= smallFix + readChunks - 1, `${bigFix} syncs vs ${smallFix}`);
  });
});
