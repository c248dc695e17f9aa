import assert from 'node:assert/strict';
import {
  allocateReceipt,
  type AllocateInput,
  type AllocationResult,
} from '../../../shared/finance/allocation';
import type { OpenItem } from '../../../shared/finance/open-item';

function invoice(id: string, dueDate: string, openAmount: number, date = '2026-10-01'): OpenItem {
  return { kind: 'invoice', id, dealerCode: 'D001', date, dueDate, openAmount };
}

// D001 owes ¥3,000 (due Oct), ¥5,000 (due Nov) and ¥2,000 (due Dec), listed out of order.
const dealerItems = [
  invoice('INV-3', '2026-12-31', 200_000),
  invoice('INV-1', '2026-10-31', 300_000),
  invoice('INV-2', '2026-11-30', 500_000),
];

interface Case {
  name: string;
  input: AllocateInput;
  expected: AllocationResult;
}

const cases: Case[] = [
  {
    name: 'pays the oldest item exactly',
    input: { amount: 300_000, items: dealerItems },
    expected: {
      allocations: [a('INV-1', 300_000)],
      writeOffs: [],
      creditBalance: 0,
      unallocated: 0,
    },
  },
  {
    name: 'splits across invoices oldest first, the rest of INV-2 left open',
    input: { amount: 600_000, items: dealerItems },
    expected: {
      allocations: [a('INV-1', 300_000), a('INV-2', 300_000)],
      writeOffs: [],
      creditBalance: 0,
      unallocated: 0,
    },
  },
  {
    name: 'overpayment becomes the credit balance (预收)',
    input: { amount: 1_250_000, items: dealerItems },
    expected: {
      allocations: [a('INV-1', 300_000), a('INV-2', 500_000), a('INV-3', 200_000)],
      writeOffs: [],
      creditBalance: 250_000,
      unallocated: 0,
    },
  },
  {
    name: 'overpayment can be left unallocated instead',
    input: { amount: 1_250_000, items: dealerItems, overpayment: 'unallocated' },
    expected: {
      allocations: [a('INV-1', 300_000), a('INV-2', 500_000), a('INV-3', 200_000)],
      writeOffs: [],
      creditBalance: 0,
      unallocated: 250_000,
    },
  },
  {
    name: 'no open items: all of it is credit',
    input: { amount: 10_000, items: [] },
    expected: { allocations: [], writeOffs: [], creditBalance: 10_000, unallocated: 0 },
  },
  {
    name: 'split with a ¥4 bank fee short on the last invoice: written off',
    input: { amount: 799_600, items: dealerItems },
    expected: {
      allocations: [a('INV-1', 300_000), a('INV-2', 499_600)],
      writeOffs: [w('INV-2', 400)],
      creditBalance: 0,
      unallocated: 0,
    },
  },
  {
    name: 'due date decides, not the invoice date (shorter terms on a later invoice)',
    input: {
      amount: 100_000,
      items: [
        invoice('INV-A', '2026-10-31', 100_000, '2026-10-01'),
        invoice('INV-B', '2026-10-20', 100_000, '2026-10-05'),
      ],
    },
    expected: {
      allocations: [a('INV-B', 100_000)],
      writeOffs: [],
      creditBalance: 0,
      unallocated: 0,
    },
  },
  {
    name: 'same due date: earlier date first, then id',
    input: {
      amount: 150_000,
      items: [
        invoice('INV-B', '2026-10-31', 100_000, '2026-10-02'),
        invoice('INV-C', '2026-10-31', 100_000, '2026-10-01'),
        invoice('INV-A', '2026-10-31', 100_000, '2026-10-02'),
      ],
    },
    expected: {
      allocations: [a('INV-C', 100_000), a('INV-A', 50_000)],
      writeOffs: [],
      creditBalance: 0,
      unallocated: 0,
    },
  },
];

// Tolerance at its edges. Default: ≤ ¥5 AND ≤ 0.1% of the item.
const toleranceCases: [string, AllocateInput, number][] = [
  ['¥10,000 item, ¥5.00 short: written off (fixed limit edge)', single(1_000_000, 999_500), 500],
  ['¥10,000 item, ¥5.01 short: left open', single(1_000_000, 999_499), 0],
  ['¥3,000 item, ¥3.00 short: written off (0.1% edge)', single(300_000, 299_700), 300],
  ['¥3,000 item, ¥3.01 short: left open', single(300_000, 299_699), 0],
  [
    'fixed limit only: ¥5 on a ¥3,000 item',
    { ...single(300_000, 299_500), tolerance: { maxFen: 500 } },
    500,
  ],
  ['no limit configured: nothing written off', { ...single(300_000, 299_999), tolerance: {} }, 0],
];

function single(openAmount: number, amount: number): AllocateInput {
  return { amount, items: [invoice('INV-1', '2026-10-31', openAmount)] };
}

function a(itemId: string, amount: number) {
  return { itemId, amount };
}

function w(itemId: string, amount: number) {
  return { itemId, amount, reason: 'bank-fee-tolerance' as const };
}

describe('finance/allocation', () => {
  for (const { name, input, expected } of cases) {
    it(name, () => {
      assert.deepEqual(allocateReceipt(input), expected);
    });
  }

  describe('tolerance write-off', () => {
    for (const [name, input, writtenOff] of toleranceCases) {
      it(name, () => {
        const result = allocateReceipt(input);
        assert.deepEqual(result.writeOffs, writtenOff === 0 ? [] : [w('INV-1', writtenOff)]);
        assert.deepEqual(result.allocations, [a('INV-1', input.amount)]);
      });
    }
  });

  it('allocations, credit and unallocated always add up to the receipt', () => {
    for (const { input } of cases) {
      const result = allocateReceipt(input);
      const allocated = result.allocations.reduce((sum, x) => sum + x.amount, 0);
      assert.equal(allocated + result.creditBalance + result.unallocated, input.amount);
    }
  });
});
