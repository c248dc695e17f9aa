import assert from 'node:assert/strict';
import { loadExposure } from '../../server/finance/ledger-exposure';
import type { TestServer } from '../support/server';
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
  TODAY,
} from './finance-seed';

const YUAN = 100;

const note = (dealerCode: string, invoiceId: string, amount: number, reason = 'discount') => ({
  date: TODAY,
  dealerCode,
  invoiceId,
  amount,
  reason,
});

async function receivableOf(server: TestServer, dealerCode: string) {
  const [row, ...more] = await pullAs(server, 'finance', 'receivables', `&dealer=${dealerCode}`);
  assert.ok(row !== undefined && more.length === 0, dealerCode);
  return row.values;
}

async function itemsOf(server: TestServer, dealerCode: string) {
  const rows = await pullAs(server, 'finance', 'receivable-items', `&dealer=${dealerCode}`);
  return Object.fromEntries(rows.map((r) => [r.values.invoiceId, r.values.outstanding]));
}

describe('finance: credit notes', () => {
  let server: TestServer;
  let invoice: string;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'F-CN');
    await addDealer(server, 'F-CN-OTHER');
    // F-CN owes one ¥3,000 invoice.
    invoice = await ship(server, await order(server, 'F-CN', 3), 3, '2026-11-01');
  });
  after(() => server.close());

  it('leaves ¥2,500 owed after a ¥500 credit note on a ¥3,000 invoice', async () => {
    const [id] = await must(server, 'finance', 'credit-notes', [note('F-CN', invoice, 500 * YUAN)]);
    assert.match(id!, /^CN-\d{8}-\d{4}$/);
    assert.equal((await receivableOf(server, 'F-CN')).outstanding, 2_500 * YUAN);
    assert.deepEqual(await itemsOf(server, 'F-CN'), { [invoice]: 2_500 * YUAN });
    const pulled = await pullAs(server, 'analyst', 'credit-notes');
    assert.deepEqual(
      pulled.map((r) => [r.values.id, r.values.invoiceId, r.values.amount, r.values.reason]),
      [[id, invoice, 500 * YUAN, 'discount']],
    );
  });

  it('refuses a credit note over what the invoice still owes, with the amount open', async () => {
    const res = await pushAs(server, 'finance', 'credit-notes', [
      { values: note('F-CN', invoice, 2_500 * YUAN + 1) },
    ]);
    const [result] = res.body.results;
    assert.deepEqual(codes(result), ['credit-note-over-outstanding']);
    assert.equal(result.errors[0].params.open, '2,500.00');
  });

  it('counts earlier rows of the same batch against the invoice', async () => {
    const res = await pushAs(server, 'finance', 'credit-notes', [
      { values: note('F-CN', invoice, 2_000 * YUAN, 'return') },
      { values: note('F-CN', invoice, 501 * YUAN, 'return') },
    ]);
    const statuses = res.body.results.map((r: { status: string }) => r.status);
    assert.deepEqual(statuses, ['applied', 'rejected']);
    assert.deepEqual(await itemsOf(server, 'F-CN'), { [invoice]: 500 * YUAN });
  });

  it("refuses an unknown invoice and another dealer's invoice", async () => {
    const res = await pushAs(server, 'finance', 'credit-notes', [
      { values: note('F-CN', 'INV-NOPE', 100) },
      { values: note('F-CN-OTHER', invoice, 100) },
    ]);
    assert.deepEqual(res.body.results.map(codes), [
      ['credit-note-unknown-invoice'],
      ['credit-note-dealer-mismatch'],
    ]);
    assert.equal(res.body.results[1].errors[0].params.dealer, 'F-CN');
  });

  it('lets only finance and admin push credit notes', async () => {
    const res = await pushAs(server, 'sales', 'credit-notes', [
      { values: note('F-CN', invoice, 1) },
    ]);
    assert.equal(res.status, 403);
    const pull = await server.call('sales', '/api/v1/sync/pull?dataset=credit-notes');
    assert.equal(pull.status, 403);
  });

  it('takes a fully credited invoice out of the open items and reconciliation', async () => {
    const lineId = await order(server, 'F-CN', 1);
    const credited = await ship(server, lineId, 1, '2026-11-05');
    await must(server, 'finance', 'credit-notes', [note('F-CN', credited, BOX, 'correction')]);
    assert.equal((await itemsOf(server, 'F-CN'))[credited], undefined);
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [
      receipt(BOX, { remark: `货款 ${credited}` }),
    ]);
    const suggestions = await pullAs(server, 'finance', 'reconciliation');
    const mine = suggestions.filter((r) => r.values.receiptId === receiptId);
    assert.ok(mine.length > 0);
    assert.ok(
      mine.every((r) => r.values.candidateId !== credited),
      JSON.stringify(mine),
    );
  });
});

describe('finance: credit notes and the credit check', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'F-CN-LIM', { creditLimit: 9_500 * YUAN });
    await addDealer(server, 'F-CN-DEP');
  });
  after(() => server.close());

  it('passes an order that failed ¥500 over the limit once a ¥500 credit note is issued', async () => {
    const invoice = await ship(server, await order(server, 'F-CN-LIM', 3), 3, '2026-11-01');
    const values = orderLine({
      dealerCode: 'F-CN-LIM',
      orderRef: 'PO-CN-7',
      skuCode: 'FIN-BOX',
      quantity: 7,
      unitPrice: BOX,
    });
    const over = await pushAs(server, 'sales', 'orders', [{ values }]);
    assert.deepEqual(codes(over.body.results[0]), ['credit-limit-exceeded']);
    assert.equal(over.body.results[0].errors[0].params.overBy, '500.00');
    await must(server, 'finance', 'credit-notes', [note('F-CN-LIM', invoice, 500 * YUAN)]);
    assert.deepEqual(await loadExposure(server.store.db, 'F-CN-LIM'), {
      limit: 9_500 * YUAN,
      used: 2_500 * YUAN,
    });
    const passes = await pushAs(server, 'sales', 'orders', [{ values }]);
    assert.equal(passes.body.results[0].status, 'applied', JSON.stringify(passes.body.results));
  });

  it('keeps the exposure equal to the ledger when a credit note meets a deposit', async () => {
    // ¥4,000 order with a ¥1,000 deposit; ¥2,000 shipped; ¥1,500 credited on that invoice.
    const lineId = await order(server, 'F-CN-DEP', 4);
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [receipt(BOX)]);
    const deposit = { receiptId, targetKind: 'order-deposit', targetId: orderOf(lineId) };
    await must(server, 'finance', 'allocations', [
      { ...deposit, dealerCode: 'F-CN-DEP', amount: BOX },
    ]);
    const invoice = await ship(server, lineId, 2, '2026-11-02');
    await must(server, 'finance', 'credit-notes', [note('F-CN-DEP', invoice, 1_500 * YUAN)]);
    const row = await receivableOf(server, 'F-CN-DEP');
    assert.equal(row.outstanding, 0);
    assert.equal(row.depositsHeld, 500 * YUAN);
    // The credit check's cheap figure equals the ledger's outstanding + open order value.
    assert.equal(row.openOrderValue, 2 * BOX);
    const exposure = await loadExposure(server.store.db, 'F-CN-DEP');
    assert.deepEqual(exposure, { limit: 100_000_000, used: 2 * BOX });
  });
});
