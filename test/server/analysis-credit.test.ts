// Credit (信用) in dealer grading from the receivables ledger: orders → shipments (one invoice
// each, 30 days' terms) → bank receipts and allocations, all through the push API.
import assert from 'node:assert/strict';
import { suiteServer, type TestServer } from '../support/server';
import { must } from './finance-seed';
import { NOW, pullAll, pushOk, seedMasters } from './analysis-seed';

const INVOICE = 120_000; // 12 × S1 at 100 yuan (two packs of 6)

const scheme = {
  code: 'default',
  funds: 20,
  credit: 20,
  brandAwareness: 20,
  sales: 20,
  cooperation: 20,
  aMin: 85,
  aMax: 100,
  bMin: 70,
  bMax: 85,
  cMin: 0,
  cMax: 70,
};

const order = (orderRef: string, dealerCode: string, orderDate: string) => ({
  orderRef,
  dealerCode,
  orderDate,
  orderType: 'normal',
  skuCode: 'S1-BLK-M',
  quantity: 24,
  unitPrice: 10_000,
  locationCode: 'WH1',
  requestedDate: orderDate,
});

/** Pays one invoice in full by a bank receipt dated `date`. */
async function pay(server: TestServer, dealerCode: string, invoice: string, date: string) {
  const [receiptId] = await must(server, 'finance', 'bank-receipts', [
    { date, payerName: `经销商${dealerCode}`, amount: INVOICE },
  ]);
  const allocation = { receiptId, targetKind: 'invoice', targetId: invoice, dealerCode };
  await must(server, 'finance', 'allocations', [{ ...allocation, amount: INVOICE }], {
    atomic: true,
  });
}

describe('analysis: credit score from receivables', () => {
  const server = suiteServer({ now: () => NOW });
  before(async () => {
    await seedMasters(server);
    // Grade C pays no deposit here, so D3 can be shipped like the others.
    await pushOk(server, 'manager', 'finance-settings', [
      { setting: 'deposit-percent-C', value: 0 },
    ]);
    await pushOk(server, 'warehouse', 'goods-receipts', [
      { date: '2025-01-01', locationCode: 'WH1', skuCode: 'S1-BLK-M', quantity: 100 },
    ]);
    const lines = await pushOk(server, 'manager', 'orders', [
      order('C-1', 'D1', '2025-01-05'),
      order('C-2', 'D2', '2025-01-05'),
      order('C-3', 'D3', '2025-01-05'),
    ]);
    // Each dealer: 12 shipped 2025-01-10 (due 2025-02-09), 12 more 2025-03-20 (due 2025-04-19).
    const ship = (date: string) => lines.map((lineId) => ({ date, lineId, quantity: 12 }));
    const january = await pushOk(server, 'warehouse', 'shipments', ship('2025-01-10'));
    await pushOk(server, 'warehouse', 'shipments', ship('2025-03-20'));
    const [d1, , d3] = january.map((id) => `INV-${id}`);
    await pay(server, 'D1', d1!, '2025-02-05'); // on time
    await pay(server, 'D3', d3!, '2025-03-01'); // 20 days late
    await pushOk(server, 'manager', 'grading-schemes', [scheme]);
    const scores = (period: string, dealerCode: string) => ({
      period,
      dealerCode,
      funds: 80,
      brandAwareness: 80,
      cooperation: 80,
    });
    await pushOk(server, 'manager', 'dealer-scores', [
      scores('2025-Q1', 'D1'),
      scores('2025-Q1', 'D2'),
      scores('2025-Q1', 'D3'),
      scores('2025-02', 'D3'),
      scores('2024-12', 'D1'),
    ]);
  });

  const credit = async () => {
    const { rows } = await pullAll(server, 'analyst', 'dataset=dealer-grades');
    return (id: string) => {
      const v = rows.get(id)!.values;
      return [v.credit, v.total, v.grade];
    };
  };

  it('scores a dealer with overdue receivables below one who pays on time', async () => {
    const view = await credit();
    // Q1 is running (today 2025-03-31); every dealer shipped 240000, sales 100 each.
    // D1 paid its January invoice before it fell due: owes 120000, none overdue → 100;
    // (80 + 100 + 80 + 100 + 80) / 5 = 88 → A.
    assert.deepEqual(view('2025-Q1-D1'), [1000, 880, 'A']);
    // D2 paid nothing: owes 240000, the January 120000 overdue → 100 × (1 − ½) = 50;
    // (80 + 50 + 80 + 100 + 80) / 5 = 78 → B.
    assert.deepEqual(view('2025-Q1-D2'), [500, 780, 'B']);
    // D3 paid in full but late within Q1: owes 120000, none overdue → 100 − 5 = 95;
    // (80 + 95 + 80 + 100 + 80) / 5 = 87 → A.
    assert.deepEqual(view('2025-Q1-D3'), [950, 870, 'A']);
  });

  it('scores as of the period end, and keeps 100 for a dealer with no invoices', async () => {
    const view = await credit();
    // On 2025-02-28 D3 owed its January 120000, overdue since 2025-02-09; paid 2025-03-01:
    // credit 0. Sales: D3 shipped nothing in February, nor did anyone else → 0.
    // (80 + 0 + 80 + 0 + 80) / 5 = 48 → C.
    assert.deepEqual(view('2025-02-D3'), [0, 480, 'C']);
    // D1 had no invoice by 2024-12-31: the neutral 100; nothing shipped in December → sales 0.
    // (80 + 100 + 80 + 0 + 80) / 5 = 68 → C.
    assert.deepEqual(view('2024-12-D1'), [1000, 680, 'C']);
  });
});
