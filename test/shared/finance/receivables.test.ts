import assert from 'node:assert/strict';
import {
  depositReceived,
  invoiceFromShipment,
  openItemsFromInvoices,
  outstandingInvoices,
  summariseLedger,
  type Invoice,
  type LedgerEntry,
} from '../../../shared/finance/receivables';

const shipment = {
  id: 'SH-1',
  dealerCode: 'D001',
  orderId: 'SO-1',
  shipDate: '2026-12-20',
  lines: [
    { quantity: 12, unitPrice: 8_900 },
    { quantity: 3, unitPrice: 15_050 },
  ],
};

describe('finance/receivables', () => {
  describe('invoiceFromShipment', () => {
    const cases: [string, number, string][] = [
      ['30-day terms cross the year', 30, '2027-01-19'],
      ['cash on delivery is due the same day', 0, '2026-12-20'],
    ];
    for (const [name, paymentTermsDays, dueDate] of cases) {
      it(name, () => {
        const invoice = invoiceFromShipment(shipment, { invoiceId: 'INV-1', paymentTermsDays });
        assert.deepEqual(invoice, {
          id: 'INV-1',
          dealerCode: 'D001',
          shipmentId: 'SH-1',
          orderId: 'SO-1',
          date: '2026-12-20',
          dueDate,
          // 12 × ¥89.00 + 3 × ¥150.50 = ¥1,519.50
          amount: 151_950,
        });
      });
    }
  });

  // INV-1 ¥1,519.50 less ¥1,000 paid and a ¥5 fee written off; INV-2 ¥2,000 less a ¥200
  // credit note and ¥100 paid from a ¥300 credit balance; ¥500 deposit held on SO-2.
  const inv1: Invoice = invoiceFromShipment(shipment, { invoiceId: 'INV-1', paymentTermsDays: 30 });
  const inv2: Invoice = { ...inv1, id: 'INV-2', shipmentId: 'SH-2', amount: 200_000 };
  const entries: LedgerEntry[] = [
    { type: 'invoice', invoice: inv1 },
    { type: 'invoice', invoice: inv2 },
    { type: 'allocation', itemId: 'INV-1', amount: 100_000, source: 'receipt' },
    { type: 'write-off', itemId: 'INV-1', amount: 500, reason: 'bank-fee-tolerance' },
    { type: 'credit-note', invoiceId: 'INV-2', amount: 20_000 },
    { type: 'credit', amount: 30_000 },
    { type: 'allocation', itemId: 'INV-2', amount: 10_000, source: 'credit-balance' },
    { type: 'allocation', itemId: 'SO-2', amount: 50_000, source: 'receipt' },
  ];

  it('outstanding per invoice = invoice − allocations − credit notes − write-offs', () => {
    assert.deepEqual(
      outstandingInvoices(entries).map((invoice) => [invoice.id, invoice.outstanding]),
      [
        ['INV-1', 51_450],
        ['INV-2', 170_000],
      ],
    );
  });

  it('summarises the dealer: outstanding, credit balance, deposits held', () => {
    assert.deepEqual(summariseLedger(entries), {
      invoiced: 351_950,
      outstanding: 221_450,
      creditBalance: 20_000,
      depositsHeld: 50_000,
    });
  });

  it('moving a deposit onto the invoice settles it and releases the deposit', () => {
    const moved: LedgerEntry[] = [
      ...entries,
      { type: 'allocation', itemId: 'INV-2', amount: 50_000, source: 'deposit' },
    ];
    const summary = summariseLedger(moved);
    assert.deepEqual([summary.outstanding, summary.depositsHeld], [171_450, 0]);
  });

  it('deposit received against one order', () => {
    assert.equal(depositReceived(entries, 'SO-2'), 50_000);
    assert.equal(depositReceived(entries, 'SO-9'), 0);
  });

  it('invoices still owed become open items; settled ones do not', () => {
    const settled: LedgerEntry[] = [
      ...entries,
      { type: 'allocation', itemId: 'INV-1', amount: 51_450, source: 'receipt' },
    ];
    assert.deepEqual(openItemsFromInvoices(outstandingInvoices(settled)), [
      {
        kind: 'invoice',
        id: 'INV-2',
        dealerCode: 'D001',
        orderId: 'SO-1',
        date: '2026-12-20',
        dueDate: '2027-01-19',
        openAmount: 170_000,
      },
    ]);
  });
});
