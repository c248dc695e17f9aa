import assert from 'node:assert/strict';
import type { TestServer } from '../support/server';
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

describe('finance: bank receipts', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'F-HL', { name: '上海华联商贸有限公司' });
    await addDealer(server, 'F-ALIAS', { name: '南京新街口服饰店' });
  });
  after(() => server.close());

  it('books a statement once: the same lines from another workbook are unchanged duplicates', async () => {
    const statement = [
      receipt(123_400, { bankRef: 'B-0001', payerAccount: '6222 0001' }),
      receipt(56_700, { payerName: '李四' }),
      // Two identical lines in one statement are two receipts…
      receipt(10_000, { payerName: '王五' }),
      receipt(10_000, { payerName: '王五' }),
    ];
    const first = await must(server, 'finance', 'bank-receipts', statement);
    for (const id of first) assert.match(id, /^RC-20261127-\d{4}$/);
    assert.equal(new Set(first).size, 4);
    const again = statement.map((values) => ({
      values: { ...values, bankRef: values.bankRef?.toLowerCase() },
    }));
    const res = await pushAs(server, 'finance', 'bank-receipts', again, {
      workbookId: 'wb-export',
      clientId: 'client-2',
    });
    assert.deepEqual(res.body.summary, { applied: 0, unchanged: 4, rejected: 0, conflict: 0 });
    assert.deepEqual(
      res.body.results.map((r: any) => r.id),
      first,
    );
    assert.deepEqual(res.body.results.map(codes), Array(4).fill(['duplicate-bank-line']));
    assert.match(res.body.results[0].errors[0].message, new RegExp(first[0]!));
    const rows = await pullAs(server, 'finance', 'bank-receipts');
    assert.equal(rows.filter((r) => first.includes(r.values.id)).length, 4);
    assert.equal(rows.length, 4);
  });

  it('allocates a receipt quoting the order number automatically when asked to', async () => {
    await addDealer(server, 'F-REF');
    const lineId = await order(server, 'F-REF', 3);
    const invoiceId = await ship(server, lineId, 3);
    const line = receipt(3 * BOX, { remark: `付${orderOf(lineId)}货款` });
    const plain = await pushAs(server, 'finance', 'bank-receipts', [{ values: line }], {
      dryRun: true,
    });
    assert.deepEqual(codes(plain.body.results[0]), []);
    const res = await pushAs(server, 'finance', 'bank-receipts', [{ values: line }], {
      options: { autoMatch: true },
    });
    const [result] = res.body.results;
    assert.equal(result.status, 'applied');
    assert.deepEqual(codes(result), ['receipt-auto-matched']);
    assert.equal(result.errors[0].params.target, invoiceId);
    const allocations = await pullAs(server, 'finance', 'allocations', '&dealer=F-REF');
    assert.deepEqual(
      allocations.map((r) => [
        r.values.receiptId,
        r.values.targetKind,
        r.values.targetId,
        r.values.amount,
        r.values.source,
      ]),
      [[result.id, 'invoice', invoiceId, 3 * BOX, 'auto']],
    );
    const items = await pullAs(server, 'finance', 'receivable-items', '&dealer=F-REF');
    assert.deepEqual(items, []);
    const receipts = await pullAs(server, 'finance', 'bank-receipts');
    const stored = receipts.find((r) => r.values.id === result.id);
    assert.deepEqual([stored?.values.status, stored?.values.unallocated], ['allocated', 0]);
  });

  it('learns a payer account on confirmation and matches the next receipt from it', async () => {
    const first = await order(server, 'F-ALIAS', 2);
    const invoice1 = await ship(server, first, 2);
    const second = await order(server, 'F-ALIAS', 7);
    const invoice2 = await ship(server, second, 7);
    const fromAccount = (amount: number) =>
      receipt(amount, { payerName: '赵六', payerAccount: '6217 0000 9999' });
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [fromAccount(2 * BOX)]);
    const before = await pushAs(
      server,
      'finance',
      'bank-receipts',
      [{ values: fromAccount(7 * BOX) }],
      {
        dryRun: true,
        options: { autoMatch: true },
      },
    );
    assert.deepEqual(codes(before.body.results[0]), [], 'unknown payer: only a suggestion');
    const confirm = {
      receiptId,
      targetKind: 'invoice',
      targetId: invoice1,
      dealerCode: 'F-ALIAS',
      amount: 2 * BOX,
    };
    await must(server, 'finance', 'allocations', [confirm], { atomic: true });
    const aliases = await pullAs(server, 'finance', 'payer-aliases');
    assert.deepEqual(
      aliases.map((r) => [r.values.dealerCode, r.values.payerAccount, r.values.source]),
      [['F-ALIAS', '6217 0000 9999', 'learned']],
    );
    const after = await pushAs(
      server,
      'finance',
      'bank-receipts',
      [{ values: fromAccount(7 * BOX) }],
      {
        options: { autoMatch: true },
      },
    );
    assert.deepEqual(codes(after.body.results[0]), ['receipt-auto-matched']);
    assert.equal(after.body.results[0].errors[0].params.target, invoice2);
  });

  it('keeps an allocated receipt fixed', async () => {
    const receipts = await pullAs(server, 'finance', 'bank-receipts');
    const allocated = receipts.find((r) => r.values.status === 'allocated')!;
    const edit = {
      rowKey: allocated.key,
      baseVersion: allocated.version,
      values: { ...receipt(1), date: allocated.values.date },
    };
    const res = await pushAs(server, 'finance', 'bank-receipts', [edit]);
    assert.deepEqual(codes(res.body.results[0]), ['receipt-allocated']);
  });
});
