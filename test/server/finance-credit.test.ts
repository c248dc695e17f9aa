import assert from 'node:assert/strict';
import type { TestServer } from '../support/server';
import { checkOrderCredit, checkShipmentDeposit } from '../../server/finance/order-guards';
import { orderLine } from '../support/fixtures';
import {
  addDealer,
  BOX,
  codes,
  must,
  order,
  orderOf,
  pullAs,
  pushAs,
  receipt,
  ship,
  startFinanceServer,
} from './finance-seed';

const line = (dealerCode: string, orderRef: string, skuCode: string, quantity: number) =>
  orderLine({
    dealerCode,
    orderRef,
    skuCode,
    quantity,
    unitPrice: skuCode === 'FIN-FEN' ? 1 : BOX,
  });

describe('finance: credit control', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'F-LIM', { creditLimit: 10 * BOX });
    await addDealer(server, 'F-C', { grade: 'C' });
  });
  after(() => server.close());

  it('passes an order exactly at the limit and rejects one fen over with the figures', async () => {
    // ¥3,000 shipped (receivable) + ¥2,000 still open + this order ¥5,000 = ¥10,000 = the limit.
    const shipped = await order(server, 'F-LIM', 5);
    await ship(server, shipped, 3, '2026-11-20');
    const atLimit = await pushAs(server, 'sales', 'orders', [
      { values: line('F-LIM', 'PO-EDGE', 'FIN-BOX', 5) },
    ]);
    assert.equal(atLimit.body.results[0].status, 'applied', JSON.stringify(atLimit.body.results));
    const over = await pushAs(server, 'sales', 'orders', [
      { values: line('F-LIM', 'PO-FEN', 'FIN-FEN', 1) },
    ]);
    const [result] = over.body.results;
    assert.deepEqual(codes(result), ['credit-limit-exceeded']);
    assert.deepEqual(result.errors[0].params, {
      limit: '10,000.00',
      used: '10,000.00',
      thisOrder: '0.01',
      overBy: '0.01',
    });
    assert.match(
      result.errors[0].message,
      /超出信用额度：额度 10,000.00，已用 10,000.00，本单 0.01，超出 0.01/,
    );
  });

  it('lets a manager release an order over the limit and audits it; sales cannot', async () => {
    const values = line('F-LIM', 'PO-REL', 'FIN-FEN', 1);
    const bySales = await pushAs(server, 'sales', 'orders', [{ values }], {
      options: { releaseCredit: true },
    });
    assert.deepEqual(codes(bySales.body.results[0]), ['credit-limit-exceeded']);
    const byManager = await pushAs(server, 'manager', 'orders', [{ values }], {
      options: { releaseCredit: true },
    });
    assert.equal(byManager.body.results[0].status, 'applied');
    const audit = await server.store.db
      .selectFrom('audit')
      .selectAll()
      .where('action', '=', 'release')
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.username, a.record_id]),
      [['manager-user', 'F-LIM/PO-REL']],
    );
  });

  it('the guard function reads receivables and open orders from the store', async () => {
    const db = server.store.db;
    const exact = await checkOrderCredit(db, {
      dealerCode: 'F-C',
      orderValue: 100_000_000,
      role: 'sales',
      release: false,
    });
    assert.equal(exact, null);
    const over = await checkOrderCredit(db, {
      dealerCode: 'F-C',
      orderValue: 100_000_001,
      role: 'sales',
      release: false,
    });
    assert.equal(over?.code, 'credit-limit-exceeded');
    assert.equal(over.released, false);
  });

  it('refuses to ship a grade-C order until 30% deposit is received, saying what is missing', async () => {
    const lineId = await order(server, 'F-C', 10);
    const orderId = orderOf(lineId);
    const shipIt = () =>
      pushAs(server, 'warehouse', 'shipments', [
        { values: { date: '2026-11-27', lineId, quantity: 10 } },
      ]);
    const refused = await shipIt();
    assert.deepEqual(codes(refused.body.results[0]), ['deposit-missing']);
    assert.equal(refused.body.results[0].errors[0].params.missing, '3,000.00');
    const [first, second] = await must(server, 'finance', 'bank-receipts', [
      receipt(2 * BOX),
      receipt(BOX, { payerName: '李四' }),
    ]);
    const deposit = (receiptId: string, amount: number) => ({
      receiptId,
      targetKind: 'order-deposit',
      targetId: orderId,
      dealerCode: 'F-C',
      amount,
    });
    await must(server, 'finance', 'allocations', [deposit(first!, 2 * BOX)]);
    assert.deepEqual(
      (await checkShipmentDeposit(server.store.db, { lineId, quantity: 10 }))?.params,
      { missing: '1,000.00' },
    );
    await must(server, 'finance', 'allocations', [deposit(second!, BOX - 1)]);
    assert.deepEqual(codes((await shipIt()).body.results[0]), ['deposit-missing']);
    const [third] = await must(server, 'finance', 'bank-receipts', [
      receipt(1, { payerName: '王五' }),
    ]);
    await must(server, 'finance', 'allocations', [deposit(third!, 1)]);
    assert.equal((await shipIt()).body.results[0].status, 'applied');
    // The ¥3,000 deposit moved onto the ¥10,000 invoice: ¥7,000 is owed, nothing is held.
    const [row] = await pullAs(server, 'finance', 'receivables', '&dealer=F-C');
    assert.deepEqual([row?.values.outstanding, row?.values.depositsHeld], [7 * BOX, 0]);
  });

  it('takes the deposit share per grade from the finance settings', async () => {
    await must(server, 'manager', 'finance-settings', [
      { setting: 'deposit-percent-C', value: 50 },
    ]);
    const lineId = await order(server, 'F-C', 2);
    const res = await pushAs(server, 'warehouse', 'shipments', [
      { values: { date: '2026-11-27', lineId, quantity: 1 } },
    ]);
    assert.equal(res.body.results[0].errors[0].params.missing, '1,000.00');
    const badSetting = await pushAs(server, 'manager', 'finance-settings', [
      { values: { setting: 'deposit-percent-C', value: 101 } },
    ]);
    assert.deepEqual(codes(badSetting.body.results[0]), ['invalid-value']);
  });
});
