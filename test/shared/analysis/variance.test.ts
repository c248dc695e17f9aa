import assert from 'node:assert/strict';
import {
  computeDeliveryVariance,
  fillRateBp,
  type DeliveryLine,
} from '../../../shared/analysis/variance';
import { accepted, refusalCode } from './outcome-helpers';

const AS_OF = '2025-06-30';

function line(overrides: Partial<DeliveryLine> & Pick<DeliveryLine, 'lineNo'>): DeliveryLine {
  return {
    orderNo: 'SO-1',
    dealerCode: 'D001',
    sku: 'S1',
    ordered: 100,
    requestedDate: '2025-06-01',
    shipments: [],
    ...overrides,
  };
}

const LINES: DeliveryLine[] = [
  // D002 first in the input, D001 first in the roll-up.
  line({
    lineNo: 4,
    dealerCode: 'D002',
    ordered: 30,
    shipments: [{ date: '2025-05-28', quantity: 30 }],
  }),
  line({
    lineNo: 5,
    dealerCode: 'D002',
    ordered: 20,
    shipments: [{ date: '2025-06-05', quantity: 12 }],
    isClosed: true,
  }),
  line({
    lineNo: 6,
    dealerCode: 'D002',
    ordered: 10,
    shipments: [{ date: '2025-06-01', quantity: 12 }],
  }),
  line({
    lineNo: 1,
    shipments: [
      { date: '2025-06-10', quantity: 40 },
      { date: '2025-06-03', quantity: 60 },
    ],
  }),
  line({
    lineNo: 2,
    ordered: 50,
    requestedDate: '2025-06-20',
    shipments: [{ date: '2025-06-15', quantity: 30 }],
  }),
  line({ lineNo: 3, ordered: 40, requestedDate: '2025-07-15' }),
];

describe('order-versus-delivery variance', () => {
  const variance = accepted(computeDeliveryVariance({ asOf: AS_OF, lines: LINES }));
  const byLine = new Map(variance.lines.map((l) => [l.lineNo, l]));

  const cases: [number, string, Record<string, unknown>][] = [
    // 60 + 40 shipped; complete, last shipment 06-10 − requested 06-01 = 9 days late.
    [
      1,
      'fully shipped late',
      { shipped: 100, short: 0, fillRateBp: 10000, lastShipmentDate: '2025-06-10', daysLate: 9 },
    ],
    // 30 of 50, open, asOf 06-30 − requested 06-20 = 10 days late; 30 / 50 = 60 %.
    [2, 'partly shipped and past due', { shipped: 30, short: 20, fillRateBp: 6000, daysLate: 10 }],
    // Nothing shipped but not due until 07-15: 0 days late.
    [
      3,
      'unshipped, not yet due',
      { shipped: 0, short: 40, fillRateBp: 0, lastShipmentDate: null, daysLate: 0 },
    ],
    // Shipped 05-28 before the requested 06-01: early is 0 days late, never negative.
    [4, 'shipped early', { shipped: 30, short: 0, fillRateBp: 10000, daysLate: 0 }],
    // Closed short: 12 of 20 (60 %), late by last shipment 06-05 − 06-01 = 4 days.
    [5, 'closed short', { shipped: 12, short: 8, fillRateBp: 6000, daysLate: 4 }],
    // 12 shipped against 10: fill rate capped at 100 %, 2 over-shipped.
    [6, 'over-shipped', { shipped: 12, short: 0, overShipped: 2, fillRateBp: 10000, daysLate: 0 }],
  ];
  for (const [lineNo, name, expected] of cases) {
    it(`line ${lineNo}: ${name}`, () => {
      const actual = byLine.get(lineNo);
      assert.ok(actual);
      assert.deepEqual(
        Object.fromEntries(
          Object.keys(expected).map((key) => [key, actual[key as keyof typeof actual]]),
        ),
        expected,
      );
    });
  }

  it('an unshipped open line past due is late by the days since it was requested', () => {
    // asOf 2025-06-30 − requested 2025-06-01 = 29 days.
    const result = accepted(computeDeliveryVariance({ asOf: AS_OF, lines: [line({ lineNo: 8 })] }));
    assert.equal(result.lines[0]?.daysLate, 29);
  });

  it('rolls up per dealer, ordered by dealer code', () => {
    assert.deepEqual(variance.dealers, [
      {
        // lines 1–3: ordered 100 + 50 + 40 = 190, shipped 100 + 30 = 130, short 20 + 40 = 60;
        // fill 130 / 190 = 68.42 % → 6842 bp; late lines 1 (9) and 2 (10): max 10, mean 9.5.
        dealerCode: 'D001',
        lines: 3,
        ordered: 190,
        shipped: 130,
        short: 60,
        fillRateBp: 6842,
        lateLines: 2,
        maxDaysLate: 10,
        averageDaysLate: 9.5,
      },
      {
        // lines 4–6: ordered 30 + 20 + 10 = 60, shipped 30 + 12 + 12 = 54, short 8; fill counts
        // at most the ordered per line: 30 + 12 + 10 = 52 / 60 = 86.67 % → 8667 bp.
        dealerCode: 'D002',
        lines: 3,
        ordered: 60,
        shipped: 54,
        short: 8,
        fillRateBp: 8667,
        lateLines: 1,
        maxDaysLate: 4,
        averageDaysLate: 4,
      },
    ]);
  });

  const rates: [number, number, number | null][] = [
    [2, 3, 6667], // 66.666… % → half up
    [1, 3, 3333],
    [0, 0, null],
  ];
  for (const [filled, ordered, expected] of rates) {
    it(`fillRateBp(${filled}, ${ordered}) = ${expected}`, () => {
      assert.equal(fillRateBp(filled, ordered), expected);
    });
  }

  it('refuses a line with an impossible requested date', () => {
    const bad = line({ lineNo: 1, requestedDate: '2025-02-30' });
    assert.equal(
      refusalCode(computeDeliveryVariance({ asOf: AS_OF, lines: [bad] })),
      'invalid-date',
    );
  });
});
