import assert from 'node:assert/strict';
import {
  ageingBucket,
  ageInvoices,
  collectionList,
  daysOverdue,
  summariseAgeing,
  type AgeingBucket,
} from '../../../shared/finance/ageing';
import type { OutstandingInvoice } from '../../../shared/finance/receivables';

const asOf = '2026-12-31';

function owed(
  id: string,
  dealerCode: string,
  dueDate: string,
  outstanding: number,
): OutstandingInvoice {
  return {
    id,
    dealerCode,
    shipmentId: `SH-${id}`,
    date: '2026-08-01',
    dueDate,
    amount: outstanding,
    outstanding,
  };
}

describe('finance/ageing', () => {
  describe('buckets at their edges (as of 2026-12-31)', () => {
    const edges: [string, number, AgeingBucket][] = [
      ['2027-01-15', -15, 'current'],
      ['2026-12-31', 0, 'current'],
      ['2026-12-30', 1, 'days1to30'],
      ['2026-12-01', 30, 'days1to30'],
      ['2026-11-30', 31, 'days31to60'],
      ['2026-11-01', 60, 'days31to60'],
      ['2026-10-31', 61, 'days61to90'],
      ['2026-10-02', 90, 'days61to90'],
      ['2026-10-01', 91, 'days91to120'],
      ['2026-09-02', 120, 'days91to120'],
      ['2026-09-01', 121, 'over120'],
    ];
    for (const [dueDate, days, bucket] of edges) {
      it(`due ${dueDate}: ${days} days overdue → ${bucket}`, () => {
        assert.equal(daysOverdue(dueDate, asOf), days);
        assert.equal(ageingBucket(days), bucket);
        const [row] = ageInvoices([owed('INV-1', 'D001', dueDate, 100)], asOf);
        assert.equal(row?.bucket, bucket);
      });
    }
  });

  it('detail rows skip invoices with nothing outstanding', () => {
    const rows = ageInvoices(
      [owed('INV-1', 'D001', asOf, 0), owed('INV-2', 'D001', asOf, 5)],
      asOf,
    );
    assert.deepEqual(
      rows.map((row) => row.invoiceId),
      ['INV-2'],
    );
  });

  // D001: ¥1,000 not yet due, ¥2,000 31 days over, ¥500 121 days over; limit ¥5,000 with
  // ¥2,000 of open orders → headroom −¥500. D002: ¥800 not yet due, limit ¥10,000.
  // D003: ¥100 one day over, well within its limit.
  const invoices = [
    owed('INV-1', 'D001', '2027-01-10', 100_000),
    owed('INV-2', 'D001', '2026-11-30', 200_000),
    owed('INV-3', 'D001', '2026-09-01', 50_000),
    owed('INV-4', 'D002', '2027-01-20', 80_000),
    owed('INV-5', 'D003', '2026-12-30', 10_000),
  ];
  const dealers = [
    { code: 'D001', name: '华联', creditLimit: 500_000, openOrderValue: 200_000 },
    { code: 'D002', name: '银泰', creditLimit: 1_000_000 },
    { code: 'D003', name: '新街口', creditLimit: 1_000_000 },
  ];
  const summaries = summariseAgeing({ asOf, dealers, invoices });

  it('summarises each dealer with buckets, headroom and the oldest overdue due date', () => {
    assert.deepEqual(summaries[0], {
      dealerCode: 'D001',
      name: '华联',
      outstanding: 350_000,
      creditLimit: 500_000,
      openOrderValue: 200_000,
      headroom: -50_000,
      overdue: 250_000,
      oldestOverdueDueDate: '2026-09-01',
      buckets: {
        current: 100_000,
        days1to30: 0,
        days31to60: 200_000,
        days61to90: 0,
        days91to120: 0,
        over120: 50_000,
      },
    });
    assert.deepEqual(
      summaries.map((s) => [
        s.dealerCode,
        s.outstanding,
        s.headroom,
        s.overdue,
        s.oldestOverdueDueDate,
      ]),
      [
        ['D001', 350_000, -50_000, 250_000, '2026-09-01'],
        ['D002', 80_000, 920_000, 0, null],
        ['D003', 10_000, 990_000, 10_000, '2026-12-30'],
      ],
    );
  });

  it('collection list: over limit or overdue, most overdue first, with since when', () => {
    assert.deepEqual(collectionList(summaries), [
      {
        dealerCode: 'D001',
        name: '华联',
        owed: 350_000,
        overdue: 250_000,
        overLimitBy: 50_000,
        since: '2026-09-01',
        reasons: ['over-limit', 'overdue'],
      },
      {
        dealerCode: 'D003',
        name: '新街口',
        owed: 10_000,
        overdue: 10_000,
        overLimitBy: 0,
        since: '2026-12-30',
        reasons: ['overdue'],
      },
    ]);
  });

  it('a dealer over its limit with nothing overdue is listed for the limit alone', () => {
    const [row] = collectionList(
      summariseAgeing({
        asOf,
        dealers: [{ code: 'D002', name: '银泰', creditLimit: 79_999 }],
        invoices,
      }),
    );
    assert.deepEqual([row?.reasons, row?.overLimitBy, row?.since], [['over-limit'], 1, null]);
  });
});
