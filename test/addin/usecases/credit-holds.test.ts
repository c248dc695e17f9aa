// 信用释放 over the fake host and the real server, as finance: the orders sheet's unsent orders
// over their dealer's limit are found by a dry run (nothing is written, on the server or the
// sheet), each with the dealer's limit, used and over-by; only the ticked order is pushed with
// the release, and each of its rows gets its result.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { startAddin, type AddinHarness } from '../../support/addin';
import { addDealer, fixedNow, order, seedFinance, TODAY } from '../../server/finance-seed';
import { bindSheet, cellOf, ORDER_HEADERS, pushedMutations } from './helpers';

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

describe('credit release flow (finance)', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'finance', server: { now: fixedNow } });
    await seedFinance(h.server);
    await addDealer(h.server, 'F-OK');
    await addDealer(h.server, 'F-LIM', { creditLimit: 1_000_000 }); // ¥10,000
    await addDealer(h.server, 'F-USED', { creditLimit: 500_000 }); // ¥5,000
    await order(h.server, 'F-USED', 3); // ¥3,000 of open orders already
    await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [
        ORDER_HEADERS,
        line('PO-OK', 'F-OK', 2),
        line('PO-BIG', 'F-LIM', 6), // with the next line ¥11,000: ¥1,000 over ¥10,000
        line('PO-BIG', 'F-LIM', 5),
        line('PO-USED', 'F-USED', 4), // ¥3,000 used + ¥4,000 = ¥2,000 over ¥5,000
      ],
    });
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const status = (row: number) => cellOf(h, { sheet: 'Orders', row, header: '_status' });

  it('lists the held orders with the dealer figures and writes nothing', async () => {
    const holds = await h.app.creditHolds();
    assert.deepEqual(
      holds.map((x) => [x.orderRef, x.sheetRows, x.limit, x.used, x.thisOrder, x.overBy]),
      [
        ['PO-BIG', [3, 4], '10,000.00', '0.00', '11,000.00', '1,000.00'],
        ['PO-USED', [5], '5,000.00', '3,000.00', '4,000.00', '2,000.00'],
      ],
    );
    assert.match(holds[0]!.message, /超出信用额度/);
    assert.equal(status(0), null, 'a dry run leaves the sheet as it was');
    const pending = await h.app.pending('orders');
    assert.deepEqual([pending?.changed, pending?.refused], [4, 0]);
  });

  it('pushes only the ticked order with the release, and reports each of its rows', async () => {
    const holds = await h.app.creditHolds();
    const send = sinon.spy(h.transport, 'send');
    const report = await h.app.releaseCredit({ groups: [holds[0]!.group] });
    assert.deepEqual(
      pushedMutations(send).map((chunk) => chunk.length),
      [2],
      'the two lines of PO-BIG, nothing else',
    );
    assert.deepEqual(
      report.rows?.map((r) => [r.sheetRow, r.status]),
      [
        [3, 'applied'],
        [4, 'applied'],
      ],
    );
    assert.match(String(status(1)), /^已接受/);
    assert.equal(status(0), null, 'PO-OK waits for its own push');
    assert.equal(status(3), null, 'PO-USED was not ticked');
    const left = await h.app.creditHolds();
    assert.deepEqual(
      left.map((x) => x.orderRef),
      ['PO-USED'],
    );
  });
});
