import assert from 'node:assert/strict';
import type { TestServer } from '../support/server';
import {
  addDealer,
  BOX,
  codes,
  must,
  order,
  pullAs,
  pushAs,
  receipt,
  ship,
  startFinanceServer,
} from './finance-seed';

const allocation = (
  receiptId: string | undefined,
  targetId: string | undefined,
  amount: number,
  extra: Record<string, unknown> = {},
) => ({
  ...(receiptId === undefined ? {} : { receiptId }),
  targetKind: 'invoice',
  ...(targetId === undefined ? {} : { targetId }),
  dealerCode: 'F-HL',
  amount,
  ...extra,
});

async function outstanding(server: TestServer) {
  const rows = await pullAs(server, 'finance', 'receivable-items', '&dealer=F-HL');
  return Object.fromEntries(rows.map((r) => [r.values.invoiceId, r.values.outstanding]));
}

describe('finance: allocations', () => {
  let server: TestServer;
  let older: string;
  let newer: string;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'F-HL', { name: '上海华联商贸有限公司' });
    await addDealer(server, 'F-OTHER');
    // F-HL owes ¥3,000 shipped 2026-11-01 and ¥5,000 shipped 2026-11-10.
    const lineId = await order(server, 'F-HL', 8);
    older = await ship(server, lineId, 3, '2026-11-01');
    newer = await ship(server, lineId, 5, '2026-11-10');
  });
  after(() => server.close());

  it('suggests the split of a ¥6,000 payment by name oldest first, and finance confirms it', async () => {
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [
      receipt(6 * BOX, { payerName: '上海华联商贸' }),
    ]);
    const suggestions = await pullAs(server, 'finance', 'reconciliation');
    const dealerRow = suggestions.find(
      (r) => r.values.receiptId === receiptId && r.values.candidateKind === 'dealer',
    );
    assert.equal(dealerRow?.values.split, `${older} 3,000.00; ${newer} 3,000.00`);
    assert.ok(dealerRow.values.reasons.includes('dealer name'));
    const rows = [allocation(receiptId, older, 3 * BOX), allocation(receiptId, newer, 3 * BOX)];
    await must(server, 'finance', 'allocations', rows, { atomic: true });
    assert.deepEqual(await outstanding(server), { [newer]: 2 * BOX });
    const left = await pullAs(server, 'finance', 'reconciliation');
    assert.equal(left.filter((r) => r.values.receiptId === receiptId).length, 0);
  });

  it('writes off a ¥4 bank fee within tolerance and refuses ¥6', async () => {
    const lineId = await order(server, 'F-HL', 5);
    const invoice = await ship(server, lineId, 5, '2026-11-15');
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [receipt(5 * BOX - 600)]);
    const tooMuch = allocation(receiptId, invoice, 5 * BOX - 600, { writeOffAmount: 600 });
    const refused = await pushAs(server, 'finance', 'allocations', [{ values: tooMuch }], {
      atomic: true,
    });
    assert.deepEqual(codes(refused.body.results[0]), ['write-off-over-tolerance']);
    assert.equal(refused.body.results[0].errors[0].params.max, '5.00');
    const fee = allocation(receiptId, invoice, 5 * BOX - 600, { writeOffAmount: 400 });
    await must(server, 'finance', 'allocations', [fee], { atomic: true });
    assert.equal((await outstanding(server))[invoice], 200, 'the ¥2 not written off stays open');
  });

  it('holds an overpayment as credit balance and spends it later', async () => {
    const base = Number(
      (await pullAs(server, 'finance', 'receivables', '&dealer=F-HL'))[0]?.values.outstanding,
    );
    const lineId = await order(server, 'F-HL', 2);
    const first = await ship(server, lineId, 1, '2026-11-20');
    const second = await ship(server, lineId, 1, '2026-11-21');
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [receipt(1.5 * BOX)]);
    const over = [
      allocation(receiptId, first, BOX),
      allocation(receiptId, undefined, BOX / 2, { targetKind: 'credit-balance' }),
    ];
    await must(server, 'finance', 'allocations', over, { atomic: true });
    const summary = async () => {
      const values = (await pullAs(server, 'finance', 'receivables', '&dealer=F-HL'))[0]?.values;
      return [values?.creditBalance, values?.outstanding - base];
    };
    assert.deepEqual(await summary(), [BOX / 2, BOX]);
    const tooMuch = await pushAs(server, 'finance', 'allocations', [
      { values: allocation(undefined, second, BOX) },
    ]);
    assert.deepEqual(codes(tooMuch.body.results[0]), ['credit-balance-short']);
    await must(server, 'finance', 'allocations', [allocation(undefined, second, BOX / 2)]);
    assert.deepEqual(await summary(), [0, BOX / 2]);
  });

  // Allocations are declared all-or-nothing: the server holds to it even when a client (an
  // API user, an old add-in) does not ask for it.
  for (const [flags, amount] of [
    [{ atomic: true }, 3 * BOX],
    [{}, 3 * BOX + 100],
  ] as const) {
    it(`applies nothing of an allocations batch with one bad row (${JSON.stringify(flags)})`, async () => {
      const lineId = await order(server, 'F-HL', 4);
      const invoice = await ship(server, lineId, 4, '2026-11-25');
      const [receiptId] = await must(server, 'finance', 'bank-receipts', [receipt(amount)]);
      const before = await pullAs(server, 'finance', 'allocations');
      const batch = [
        allocation(receiptId, invoice, 2 * BOX),
        allocation(receiptId, invoice, 2 * BOX), // the receipt has only ¥1,000 left
      ];
      const res = await pushAs(
        server,
        'finance',
        'allocations',
        batch.map((values) => ({ values })),
        flags,
      );
      assert.deepEqual(res.body.results.map(codes), [
        ['atomic-aborted'],
        ['receipt-over-allocated'],
      ]);
      assert.deepEqual(await pullAs(server, 'finance', 'allocations'), before);
      assert.equal((await outstanding(server))[invoice], 4 * BOX);
      const receipts = await pullAs(server, 'finance', 'bank-receipts');
      assert.equal(receipts.find((r) => r.values.id === receiptId)?.values.unallocated, amount);
    });
  }

  it('rejects over-settled invoices, another dealer, unknown targets, each with its reason', async () => {
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [receipt(9 * BOX)]);
    const items = await outstanding(server);
    const [invoice, open] = Object.entries(items)[0]!;
    const rows = [
      allocation(receiptId, invoice, Number(open) + 1),
      allocation(receiptId, invoice, 1, { dealerCode: 'F-OTHER' }),
      allocation(receiptId, 'INV-NOPE', 1),
      allocation(receiptId, 'SO-NOPE', 1, { targetKind: 'order-deposit' }),
    ];
    const res = await pushAs(
      server,
      'finance',
      'allocations',
      rows.map((values) => ({ values })),
      { atomic: true },
    );
    assert.deepEqual(res.body.results.map(codes), [
      ['over-allocated'],
      ['dealer-mismatch'],
      ['unknown-invoice'],
      ['unknown-order'],
    ]);
  });
});
