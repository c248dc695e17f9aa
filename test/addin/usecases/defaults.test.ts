// A sales assistant's own order sheet rarely has 订单类型 and often no 单价: binding names what
// will default, Validate assumes the defaults, and the pushed line takes the regular order type
// and the dealer price, with a _status that says which price was used.
import assert from 'node:assert/strict';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, seedSalesData } from '../../support/fixtures';
import { startTestServer } from '../../support/server';
import { cellOf } from './helpers';

describe('defaults for columns the sheet does not have', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'sales', server: { now: fixedNow } });
    await seedSalesData(h.server);
  });
  afterEach(async () => {
    await h.close();
  });

  const sheet = [
    ['单号', '客户编码', '下单日期', '货号', '订货数量', '仓库'],
    ['PO-1', 'D-SH01', '2026-11-27', 'TEE-BLK-M', 2, 'WH-E'],
    ['PO-1', 'D-SH01', '2026-11-27', 'TEE-BLK-L', 1, 'WH-E'],
  ];

  it('binds without asking for them, validates, and pushes at the dealer price as a regular order', async () => {
    h.workbook.addSheet(
      'My orders',
      sheet.map((r) => [...r]),
    );
    h.workbook.select('My orders', 'A2');
    const proposal = await h.app.proposeBinding('orders');
    assert.deepEqual(proposal.missing, []);
    await h.app.confirmBinding(proposal);
    const checked = await h.app.validate();
    assert.deepEqual(checked.issues, []);
    const report = await h.app.push();
    assert.equal(report.applied, 2);
    assert.match(
      String(cellOf(h, { sheet: 'My orders', row: 0, header: '_status' })),
      /^已接受：.+。“订单类型”未填，按默认值“常规”。“单价”未填，取经销价 199\.90 元。$/,
    );
    const pulled = await h.server.call('manager', '/api/v1/sync/pull?dataset=orders');
    const lines = (pulled.body as { rows: { values: { unitPrice: number; orderType: string } }[] })
      .rows;
    assert.deepEqual(
      lines.map((l) => [l.values.unitPrice, l.values.orderType]),
      [
        [19990, 'normal'],
        [19990, 'normal'],
      ],
    );
  });

  it('still asks for a required column that has no default', async () => {
    h.workbook.addSheet(
      'No SKU',
      sheet.map((r) => r.filter((_, i) => i !== 3)),
    );
    h.workbook.select('No SKU', 'A2');
    const proposal = await h.app.proposeBinding('orders');
    assert.deepEqual(proposal.missing, ['skuCode']);
  });
});

describe('defaults over the API', () => {
  it('says in the caller’s language which default a line took, and leaves a typed price alone', async () => {
    const server = await startTestServer({ now: fixedNow });
    try {
      await seedSalesData(server);
      const line = {
        orderRef: 'PO-EN',
        dealerCode: 'D-SH01',
        orderDate: '2026-11-27',
        skuCode: 'TEE-BLK-M',
        quantity: 1,
        locationCode: 'WH-E',
      };
      const res = await server.call('sales', '/api/v1/sync/push', {
        body: {
          workbookId: 'wb',
          clientId: 'c',
          dataset: 'orders',
          mutations: [
            { mutationId: 'm1', op: 'upsert', rowKey: 'k1', values: line },
            {
              mutationId: 'm2',
              op: 'upsert',
              rowKey: 'k2',
              values: {
                ...line,
                orderRef: 'PO-EN-2',
                skuCode: 'TEE-BLK-L',
                unitPrice: 19990,
                orderType: 'fair',
              },
            },
          ],
        },
        headers: {
          'idempotency-key': 'b2f0c4de-0000-4000-8000-000000000001',
          'accept-language': 'en-US',
        },
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const [first, second] = res.body.results;
      assert.deepEqual(
        first.notices.map((n: { message: string }) => n.message),
        [
          '"Order type" was blank; took the default "Normal".',
          '"Unit price" was blank; took the dealer price 199.90.',
        ],
      );
      assert.equal(second.notices, undefined);
    } finally {
      await server.close();
    }
  });
});
