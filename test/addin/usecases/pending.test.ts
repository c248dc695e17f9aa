// What a task flow shows as pending, over the fake host and the real server: rows changed since
// their last push, rows the offline check finds wrong, and rows the server refused on their last
// push (an order over the dealer's credit limit) — counted before and after each push.
import assert from 'node:assert/strict';
import { startAddin, type AddinHarness } from '../../support/addin';
import { addDealer, fixedNow, seedFinance, TODAY } from '../../server/finance-seed';
import { bindSheet, ORDER_HEADERS } from './helpers';

const line = (ref: string, dealer: string, quantity: number) => [
  ref,
  dealer,
  TODAY,
  '常规',
  'FIN-BOX',
  quantity,
  1000,
  'WH-E',
];

describe('pending rows of a task flow', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager', server: { now: fixedNow } });
    await seedFinance(h.server);
    await addDealer(h.server, 'F-OK');
    await addDealer(h.server, 'F-LIM', { creditLimit: 1_000_000 }); // ¥10,000
  });
  afterEach(async () => {
    await h.close();
  });

  it('counts changed, invalid and refused rows, and what a push leaves', async () => {
    assert.equal(await h.app.pending('orders'), null, 'nothing bound: nothing to count');
    await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [
        ORDER_HEADERS,
        line('PO-A', 'F-OK', 2),
        line('PO-B', 'F-OK', -1), // a negative quantity: wrong offline
        line('PO-OVER', 'F-LIM', 11), // ¥11,000 against a ¥10,000 limit: refused by the server
      ],
    });
    const before = await h.app.pending('orders');
    assert.deepEqual(
      [before?.rows, before?.changed, before?.invalid, before?.refused, before?.problems],
      [3, 3, 1, 0, 1],
    );
    assert.equal(await h.app.pending('stock'), null, 'another dataset is not this table');

    const pushed = await h.app.push();
    assert.deepEqual([pushed.applied, pushed.rejected, pushed.skippedInvalid], [1, 1, 1]);
    const after = await h.app.pending('orders');
    // PO-A went through; PO-B is still wrong; PO-OVER is still to send and now refused.
    assert.deepEqual(
      [after?.changed, after?.invalid, after?.refused, after?.problems],
      [2, 1, 1, 2],
    );

    const released = await h.app.push({ releaseCredit: true });
    assert.equal(released.applied, 1);
    const cleared = await h.app.pending('orders');
    assert.deepEqual([cleared?.changed, cleared?.refused, cleared?.problems], [1, 0, 1]);
  });
});
