import assert from 'node:assert/strict';
import { roles } from '../../shared/roles';
import { dateToSerial } from '../../shared/cells';
import { serverPerTest } from '../support/server';
import { countOrderLines, fixedNow, seedSalesData, TODAY } from '../support/fixtures';
import { download, firstSheetRows, upload, workbook, type Cell } from '../fixtures/xlsx/workbooks';

const HEADERS = [
  '客户编码',
  '订单号',
  '下单日期',
  '类型',
  '货号',
  '数量',
  '单价（元）',
  '仓库',
  '备注',
];
const line = (
  orderRef: string,
  sku: string,
  quantity: Cell,
  date: Cell = { t: 'n', v: dateToSerial(TODAY), z: 'yyyy-mm-dd' },
): Cell[] => [
  'D-SH01',
  orderRef,
  date,
  '常规',
  sku,
  quantity,
  sku === 'SOCK-WHT-F' ? 15 : 199.9,
  'WH-E',
  '=HYPERLINK("http://x")',
];

describe('workbook files for orders and stock', () => {
  const server = serverPerTest({ now: fixedNow, prepare: seedSalesData });

  it('lets sales import orders (date cells and text dates), refuses analysts, and never duplicates', async () => {
    const bytes = workbook([
      HEADERS,
      line('PO-X1', 'TEE-BLK-M', 2),
      line('PO-X1', 'SOCK-WHT-F', 6, '2026/11/27'),
      line('PO-X2', 'TEE-BLK-L', '1'),
    ]);
    const analyst = await upload(server, { role: 'analyst', dataset: 'orders', bytes });
    assert.equal(analyst.status, 403);
    assert.equal(await countOrderLines(server), 0);
    const first = await upload(server, { role: 'sales', dataset: 'orders', bytes });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(
      first.body.results.map((r: { status: string }) => r.status),
      ['applied', 'applied', 'applied'],
      JSON.stringify(first.body.results),
    );
    assert.match(first.body.results[0].id, /^SO-20261127-\d{4}/);
    const again = await upload(server, { role: 'sales', dataset: 'orders', bytes });
    assert.equal(again.body.summary.unchanged, 3);
    assert.equal(await countOrderLines(server), 3);
  });

  it('rejects a whole order when one of its lines holds a formula quantity', async () => {
    const formula: Cell = { t: 'n', v: 2, f: 'F2' };
    const bytes = workbook([
      HEADERS,
      line('PO-F1', 'TEE-BLK-M', 2),
      line('PO-F1', 'TEE-BLK-L', formula),
      line('PO-F2', 'TEE-BLK-M', 1),
    ]);
    const res = await upload(server, { role: 'sales', dataset: 'orders', bytes });
    const results = res.body.results as { status: string; errors: { code: string }[] }[];
    assert.equal(results[1]!.errors[0]!.code, 'formula-not-allowed');
    assert.equal(results[2]!.status, 'applied', 'another order is not harmed');
    assert.equal(
      await countOrderLines(server),
      results.filter((r) => r.status === 'applied').length,
    );
  });

  it('round-trips an orders export: re-importing it changes nothing', async () => {
    await upload(server, {
      role: 'sales',
      dataset: 'orders',
      bytes: workbook([HEADERS, line('PO-R1', 'TEE-BLK-M', 2), line('PO-R1', 'SOCK-WHT-F', 6)]),
    });
    const exported = await download(server, '/api/v1/export/orders.xlsx', { role: 'sales' });
    assert.equal(exported.status, 200);
    const rows = firstSheetRows(exported.bytes);
    const date = rows[1]![rows[0]!.findIndex((c) => c?.v === '订单日期')];
    assert.deepEqual([date?.t, date?.v, date?.z], ['n', dateToSerial(TODAY), 'yyyy-mm-dd']);
    const res = await upload(server, { role: 'sales', dataset: 'orders', bytes: exported.bytes });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.summary,
      { rows: 2, applied: 0, unchanged: 2, rejected: 0, conflict: 0 },
      JSON.stringify(res.body.results),
    );
    assert.equal(await countOrderLines(server), 2);
  });

  it('lets every role export stock, with integer cells', async () => {
    for (const role of roles) {
      const res = await download(server, '/api/v1/export/stock.xlsx', { role: role });
      assert.equal(res.status, 200, role);
      const rows = firstSheetRows(res.bytes);
      assert.ok(rows.length > 1, `${role} sees stock rows`);
      const onHand = rows[0]!.findIndex((c) => c?.v === '在库');
      assert.equal(rows[1]![onHand]?.t, 'n');
    }
  });

  it('honours the pull filters', async () => {
    const all = firstSheetRows(
      (await download(server, '/api/v1/export/stock.xlsx', { role: 'analyst' })).bytes,
    );
    const east = firstSheetRows(
      (await download(server, '/api/v1/export/stock.xlsx?location=WH-S', { role: 'analyst' }))
        .bytes,
    );
    assert.ok(east.length > 1 && east.length < all.length, `${east.length} of ${all.length}`);
  });
});
