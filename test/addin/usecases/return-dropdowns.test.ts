// Dropdowns of the shipment lines a dealer can still return (docs/returns.md, "In Excel"), on the
// fake host with the real server: the hidden `_returnable` sheet, the list dropdown on the
// shipment column, Validate filling dealer, SKU and shipped price from the chosen shipment and
// flagging a quantity above what can still be returned before any push, and a refresh after a
// pushed return showing the lower figure.
import assert from 'node:assert/strict';
import type { FakeCellValue } from '../../fakes/fake-cells';
import { startAddin, sheetValues, type AddinHarness } from '../../support/addin';
import { fixedNow, seedFinance, TODAY } from '../../server/finance-seed';
import { BOX, orderOf, returnLine, setSetting, shipLine } from '../../server/returns-seed';
import { codes, must, pullAs, pushAs } from '../../server/finance-seed';
import { orderLine, signInAs } from '../../support/fixtures';
import { PASSWORD } from '../../support/server';
import { bindSheet, cellOf } from './helpers';

const HEADERS = [
  '经销商编码',
  '退货单号',
  '退货日期',
  '发货单号',
  '退货数量',
  '退货原因',
  '处理方式',
  '入库库位',
  'SKU编码',
  '发货单价',
];

let refs = 0;
/** One return line, its own document (退货单号), so one refused line holds back no other. */
function line(shipment: string, quantity: number, dealer: FakeCellValue = null): FakeCellValue[] {
  refs += 1;
  return [
    dealer,
    `RT-${refs}`,
    TODAY,
    shipment,
    quantity,
    '质量问题',
    '退回入库',
    'WH-E',
    null,
    null,
  ];
}

/** The server's own figures for the dealer's shipments, by shipment id. */
async function serverLines(h: AddinHarness) {
  const rows = await pullAs(h.server, 'sales', 'returnable-lines', '&dealer=D-SH01');
  return new Map(rows.map((r) => [String(r.values.shipmentId), r.values]));
}

/** The cells a list dropdown's source names on `_returnable` ("=_returnable!$A$2:$A$3"). */
function listEntries(h: AddinHarness, source: string): unknown[] {
  const match = /!\$A\$(\d+):\$A\$(\d+)$/.exec(source);
  assert.ok(match, source);
  const [first, last] = [Number(match[1]), Number(match[2])];
  const helper = h.workbook.sheet('_returnable');
  return Array.from({ length: last - first + 1 }, (_, i) => helper.value(first - 1 + i, 0));
}

function shipmentRules(h: AddinHarness, sheetName: string): { list: { source: string } }[] {
  const sheet = h.workbook.sheet(sheetName);
  const column = (sheet.rows[0]?.values ?? []).indexOf('发货单号');
  return sheet.validations
    .filter((v) => v.rect.column === column)
    .map((v) => v.rule as { list: { source: string } });
}

function shipmentRule(h: AddinHarness, sheetName: string): { list: { source: string } } {
  const found = shipmentRules(h, sheetName);
  assert.equal(found.length, 1, 'one rule on the shipment column');
  return found[0] ?? { list: { source: '' } };
}

describe('returns: dropdowns of the shipment lines a dealer can still return', () => {
  let h: AddinHarness;
  let open: string;
  let done: string;
  beforeEach(async () => {
    h = await startAddin({ role: 'sales', server: { now: fixedNow } });
    await seedFinance(h.server);
    await setSetting(h.server, 'return-approval-threshold-fen', 100 * BOX);
    // Shipped 3 of 5, nothing back yet; shipped 2, both returned already.
    open = await shipLine(h.server, await orderOf(h.server, 'D-SH01', 5), 3);
    done = await shipLine(h.server, await orderOf(h.server, 'D-SH01', 2), 2);
    await must(h.server, 'sales', 'returns', [returnLine('D-SH01', done, 2)]);
  });
  afterEach(async () => {
    await h.close();
  });

  it('writes every line to the hidden _returnable sheet, the returnable ones first', async () => {
    const binding = await h.app.insertTemplate('returns');
    const helper = h.workbook.sheet('_returnable');
    assert.equal(helper.visibility, 'Hidden');
    const server = await serverLines(h);
    const values = sheetValues(h.workbook, '_returnable');
    assert.deepEqual(values[0], [
      '发货单号',
      '说明',
      '经销商编码',
      'SKU编码',
      '发货日期',
      '已发',
      '已退',
      '可退',
      '发货单价',
    ]);
    const body = values.slice(1).filter((r) => r[0] === open || r[0] === done);
    const expected = [open, done].map((id) => {
      const s = server.get(id) ?? {};
      const left = Number(s.returnable);
      return [
        id,
        `${id} · FIN-BOX · 可退 ${left}`,
        'D-SH01',
        'FIN-BOX',
        s.date,
        s.shipped,
        s.returned,
        left,
        Number(s.unitPrice) / 100,
      ];
    });
    assert.deepEqual(body, expected);
    assert.deepEqual([expected[0]?.[7], expected[1]?.[7]], [3, 0]);
    // The template keeps room for the SKU and shipped price, unbound (Validate fills them).
    const headers = h.workbook.tableHeaders(binding.tableName);
    assert.ok(headers.includes('SKU编码') && headers.includes('发货单价'));
  });

  it('puts a list dropdown on the shipment column whose entries are the returnable ids', async () => {
    const binding = await h.app.insertTemplate('returns');
    const rule = shipmentRule(h, binding.sheetName);
    assert.equal(rule.list.source.startsWith('=_returnable!'), true);
    const entries = listEntries(h, rule.list.source);
    const server = await serverLines(h);
    const returnable = [...server.values()]
      .filter((s) => Number(s.returnable) > 0)
      .map((s) => s.shipmentId);
    assert.deepEqual([...entries].sort(), [...returnable].sort());
    assert.ok(entries.includes(open) && !entries.includes(done));
  });

  it('lists only the lines of dealers in a region-limited user’s regions', async () => {
    const values = orderLine({
      dealerCode: 'D-HN01',
      orderRef: 'PO-HN',
      skuCode: 'TEE-BLK-M',
      quantity: 1,
      locationCode: 'WH-S',
    });
    const [lineId] = await must(h.server, 'manager', 'orders', [values]);
    const south = await shipLine(h.server, lineId ?? '', 1);
    await signInAs(h.server, { username: 'sales-sh', role: 'sales', regions: ['SH'] });
    await h.app.signIn({ serverUrl: h.server.url, username: 'sales-sh', password: PASSWORD });
    await h.app.insertTemplate('returns');
    const ids = sheetValues(h.workbook, '_returnable')
      .slice(1)
      .map((r) => r[0]);
    assert.deepEqual([...ids].sort(), [open, done].sort());
    assert.match(south, /^SH-/);
    assert.ok(!ids.includes(south));
  });

  it('renews the dropdowns as the pane opens only when a returns sheet is bound', async () => {
    const idle = await h.reopen().refreshDropdowns({ ifBound: true });
    assert.deepEqual(idle, { lines: 0, returnable: 0, tables: 0 });
    assert.equal(h.workbook.findSheet('_returnable'), undefined);
    await bindSheet(h, { sheet: '我的退货', dataset: 'returns', rows: [HEADERS, line(open, 1)] });
    await must(h.server, 'sales', 'returns', [returnLine('D-SH01', open, 1)]);
    const opened = await h.reopen().refreshDropdowns({ ifBound: true });
    assert.deepEqual(opened, { lines: 2, returnable: 1, tables: 1 });
    const row = sheetValues(h.workbook, '_returnable').find((r) => r[0] === open);
    assert.equal(row?.[7], 2);
  });

  it('binds a sheet of the user’s own with the same dropdown', async () => {
    await bindSheet(h, { sheet: '我的退货', dataset: 'returns', rows: [HEADERS, line(open, 1)] });
    const entries = listEntries(h, shipmentRule(h, '我的退货').list.source);
    assert.deepEqual(entries, [open]);
  });

  it('fills dealer, SKU and shipped price from the shipment when blank, on Validate', async () => {
    await bindSheet(h, { sheet: '我的退货', dataset: 'returns', rows: [HEADERS, line(open, 1)] });
    const report = await h.app.validate();
    assert.deepEqual(report.issues, []);
    const at = (header: string) => cellOf(h, { sheet: '我的退货', row: 0, header });
    assert.deepEqual(
      [at('经销商编码'), at('SKU编码'), at('发货单价')],
      ['D-SH01', 'FIN-BOX', BOX / 100],
    );
    const pushed = await h.app.push();
    assert.equal(pushed.applied, 1);
  });

  it('flags a quantity above what can still be returned before pushing, as the server would', async () => {
    await bindSheet(h, {
      sheet: '我的退货',
      dataset: 'returns',
      rows: [HEADERS, line(open, 2, 'D-SH01'), line(open, 2, 'D-SH01'), line(done, 1, 'D-SH01')],
    });
    const report = await h.app.validate();
    assert.deepEqual(
      report.issues.map((i) => [i.address, i.code, i.message]),
      [
        ['E3', 'return-over-shipped', '最多还能退 1 件（发货 3，已退 2）。'],
        ['E4', 'return-over-shipped', '最多还能退 0 件（发货 2，已退 2）。'],
      ],
    );
    assert.equal(report.invalidRows, 2);
    // The server refuses the same row with the same code and figures.
    assert.equal((await h.app.push({ onlyValid: true })).applied, 1);
    const again = await pushAs(h.server, 'sales', 'returns', [
      { values: returnLine('D-SH01', open, 2) },
    ]);
    const [result] = again.body.results;
    assert.deepEqual(codes(result), ['return-over-shipped']);
    assert.deepEqual(result.errors[0].params, { returnable: 1, shipped: 3, returned: 2 });
  });

  it('gives an exchange sheet the dropdown and checks its 退回 lines, not its 换出 lines', async () => {
    const headers = [
      '经销商编码',
      '调换单号',
      '日期',
      '方向',
      '原发货单号',
      '产品编码',
      '数量',
      '库位编码',
    ];
    await bindSheet(h, {
      sheet: '调换',
      dataset: 'exchanges',
      rows: [
        headers,
        [null, 'EX-1', TODAY, '退回', open, null, 4, 'WH-E'],
        // A shipment typed on an issued line means nothing: the cap is not its business.
        ['D-SH01', 'EX-1', TODAY, '换出', open, 'FIN-BOX', 4, 'WH-E'],
      ],
    });
    const sheet = h.workbook.sheet('调换');
    const column = headers.indexOf('原发货单号');
    const rule = sheet.validations.find((v) => v.rect.column === column)?.rule as {
      list: { source: string };
    };
    assert.deepEqual(listEntries(h, rule.list.source), [open]);
    const report = await h.app.validate();
    assert.deepEqual(
      report.issues.map((i) => [i.address, i.code]),
      [['G2', 'return-over-shipped']],
    );
    // The dealer came from the shipment; the 产品编码 of the returned line stays blank.
    assert.deepEqual([sheet.value(1, 0), sheet.value(1, 5)], ['D-SH01', null]);
  });

  it('shows the lower figure after a return was pushed and the dropdowns refreshed', async () => {
    const binding = await h.app.insertTemplate('returns');
    await bindSheet(h, {
      sheet: '我的退货',
      dataset: 'returns',
      rows: [HEADERS, line(open, 2, 'D-SH01')],
    });
    // The push itself renews the helper sheet: 3 shipped, 2 returned, 1 left.
    assert.equal((await h.app.push()).applied, 1);
    const row = sheetValues(h.workbook, '_returnable').find((r) => r[0] === open);
    assert.deepEqual(row?.slice(1, 2).concat(row.slice(5, 8)), [
      `${open} · FIN-BOX · 可退 1`,
      3,
      2,
      1,
    ]);
    // The pushed row is in "returned" now: Validate does not count it twice.
    assert.deepEqual((await h.app.validate()).issues, []);
    // Someone else returns the last one: "refresh dropdowns" takes it out of both sheets' lists.
    await must(h.server, 'sales', 'returns', [returnLine('D-SH01', open, 1)]);
    const report = await h.app.refreshDropdowns();
    assert.deepEqual(report, { lines: 2, returnable: 0, tables: 2 });
    assert.equal(sheetValues(h.workbook, '_returnable').find((r) => r[0] === open)?.[7], 0);
    for (const sheet of [binding.sheetName, '我的退货']) {
      const rules = shipmentRules(h, sheet);
      assert.ok(rules.length <= 1, sheet);
      for (const rule of rules) assert.ok(!listEntries(h, rule.list.source).includes(open));
    }
  });
});
