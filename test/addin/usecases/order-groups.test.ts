// An order's lines stand or fall together in the sheet too: while one line of an order is
// invalid, Push holds back every other line of it and says which order and which row to fix,
// so the server never receives (and accepts) an order without one of its lines.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, seedSalesData } from '../../support/fixtures';
import { bindSheet, cellOf, ORDER_HEADERS, orderRow, pushedMutations } from './helpers';

describe('push: order groups', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'sales', server: { now: fixedNow } });
    await seedSalesData(h.server);
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const ordersOnServer = async () => {
    const res = await h.server.call('manager', '/api/v1/sync/pull?dataset=orders');
    return (res.body as { rows: { values: { orderRef: string } }[] }).rows.map(
      (r) => r.values.orderRef,
    );
  };

  it('does not send the 4 valid lines of a 5-line order whose 5th line is invalid', async () => {
    await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [
        ORDER_HEADERS,
        orderRow('PO-7', 'TEE-BLK-M', 2),
        orderRow('PO-7', 'TEE-BLK-L', 2),
        orderRow('PO-7', 'TEE-BLK-M', 1),
        orderRow('PO-7', 'TEE-BLK-L', 'abc'),
        orderRow('PO-7', 'TEE-BLK-M', 3),
        orderRow('PO-8', 'TEE-BLK-M', 1),
      ],
    });
    const send = sinon.spy(h.transport, 'send');
    const report = await h.app.push();
    assert.deepEqual([report.sent, report.skippedInvalid, report.heldBack], [1, 1, 4]);
    assert.equal(pushedMutations(send).flat().length, 1, 'only PO-8 travels');
    assert.deepEqual(await ordersOnServer(), ['PO-8']);
    for (const row of [0, 1, 2, 4]) {
      assert.equal(
        cellOf(h, { sheet: 'Orders', row, header: '_status' }),
        '未上传：同一单（D-SH01 / PO-7）的第 5 行有问题，整单暂缓，改正后一起上传。',
      );
      assert.equal(cellOf(h, { sheet: 'Orders', row, header: '_key' }), null);
    }
    assert.match(String(cellOf(h, { sheet: 'Orders', row: 3, header: '_status' })), /数量/);

    h.workbook.sheet('Orders').rows[4]!.values[5] = 4;
    const fixed = await h.app.push();
    assert.deepEqual([fixed.applied, fixed.heldBack, fixed.skippedInvalid], [5, 0, 0]);
    assert.deepEqual((await ordersOnServer()).sort(), [
      'PO-7',
      'PO-7',
      'PO-7',
      'PO-7',
      'PO-7',
      'PO-8',
    ]);
  });

  it('still sends the whole order when the user asks to send invalid rows too (the server refuses it whole)', async () => {
    await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [ORDER_HEADERS, orderRow('PO-9', 'TEE-BLK-M', 2), orderRow('PO-9', 'TEE-BLK-L', 'x')],
    });
    const report = await h.app.push({ onlyValid: false });
    assert.equal(report.heldBack, 0);
    assert.equal(report.rejected, 2);
    assert.deepEqual(await ordersOnServer(), []);
  });
});
