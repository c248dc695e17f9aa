// The planner's receivables (应收) for the demo's finance history: what each order and line is
// worth, the deposits (订金) grade-C dealers paid and how much of each is still to move onto the
// order's invoices, the invoices still owed, and the bank lines and allocations planned for
// later days. Settlements reach the credit book on the day finance confirms them, as they reach
// the server. Pure: rows name orders by group and invoices by shipment row key; the replay swaps
// in the canonical numbers.
import type { DemoDealer } from './catalog';
import { CreditBook } from './credit-book';
import { buildPayers, type PayerProfile } from './payers';
import type { Random } from './random';

interface BankLineValues {
  date: string;
  payerName: string;
  payerAccount: string;
  amount: number;
  bankRef: string;
  remark?: string;
}

export interface PlannedReceipt {
  rowKey: string;
  values: BankLineValues;
  /** An order group whose canonical number (SO-…) the replay appends to the remark. */
  quotes?: string;
}

export interface PlannedAllocation {
  rowKey: string;
  /** The bank line's row key; absent when paid from the dealer's credit balance (预收). */
  receiptKey?: string;
  targetKind: 'invoice' | 'order-deposit' | 'credit-balance';
  /** An invoice: its shipment's row key; an order deposit: the order's group. */
  targetKey?: string;
  dealerCode: string;
  amount: number;
  writeOffAmount?: number;
}

export interface OrderInfo {
  group: string;
  dealerCode: string;
  orderRef: string;
  orderType: string;
  value: number;
}

interface LineInfo {
  group: string;
  dealerCode: string;
  unitPrice: number;
}

export interface Invoice {
  shipmentKey: string;
  group: string;
  dealerCode: string;
  shipDate: string;
  dueDate: string;
  /** What the dealer still owes on it, after its order's deposit. */
  residual: number;
}

export interface Collections {
  random: Random;
  today: string;
  payers: Map<string, PayerProfile>;
  credit: CreditBook;
  newKey: () => string;
  orders: Map<string, OrderInfo>;
  lines: Map<string, LineInfo>;
  /** Deposit received per order group and not yet moved onto its invoices. */
  depositLeft: Map<string, number>;
  depositsDue: Map<string, string[]>;
  payDue: Map<string, Invoice[]>;
  allocationsDue: Map<string, PlannedAllocation[]>;
  /** Credit balances by dealer, each usable from the day after it was booked. */
  credits: Map<string, { amount: number; bookedOn: string }[]>;
  /** A payment run's delay, drawn once per dealer and run, so a run stays one transfer. */
  delays: Map<string, number>;
  bankSeq: number;
}

export function schedule<T>(map: Map<string, T[]>, date: string, item: T): void {
  const list = map.get(date) ?? [];
  list.push(item);
  map.set(date, list);
}

export function takeDue<T>(map: Map<string, T[]>, date: string): T[] {
  const due = map.get(date) ?? [];
  map.delete(date);
  return due;
}

export function createCollections(input: {
  random: Random;
  today: string;
  dealers: readonly DemoDealer[];
  newKey: () => string;
}): Collections {
  const { random, dealers } = input;
  return {
    random: random.fork('payments'),
    today: input.today,
    payers: buildPayers(random.fork('payers'), dealers),
    credit: new CreditBook(new Map(dealers.map((d) => [d.code, d.creditLimit]))),
    newKey: input.newKey,
    orders: new Map(),
    lines: new Map(),
    depositLeft: new Map(),
    depositsDue: new Map(),
    payDue: new Map(),
    allocationsDue: new Map(),
    credits: new Map(),
    delays: new Map(),
    bankSeq: 0,
  };
}

export function registerOrder(c: Collections, order: OrderInfo, lines: [string, number][]) {
  c.orders.set(order.group, order);
  for (const [rowKey, unitPrice] of lines) {
    c.lines.set(rowKey, { group: order.group, dealerCode: order.dealerCode, unitPrice });
  }
}

export function lineOf(c: Collections, rowKey: string): LineInfo | undefined {
  return c.lines.get(rowKey);
}

/** What confirmed allocations do to the credit book, deposits and credit balances. */
export function realizeAllocations(c: Collections, date: string): PlannedAllocation[] {
  const due = takeDue(c.allocationsDue, date);
  for (const a of due) {
    if (a.targetKind === 'invoice')
      c.credit.change(a.dealerCode, -(a.amount + (a.writeOffAmount ?? 0)));
    if (a.targetKind === 'order-deposit' && a.targetKey !== undefined)
      c.depositLeft.set(a.targetKey, (c.depositLeft.get(a.targetKey) ?? 0) + a.amount);
    if (a.targetKind === 'credit-balance')
      schedule(c.credits, a.dealerCode, { amount: a.amount, bookedOn: date });
  }
  return due;
}

/** Spends the dealer's credit balance booked before `date`, up to `wanted`; returns the amount. */
export function spendCredit(
  c: Collections,
  dealerCode: string,
  input: { date: string; wanted: number },
) {
  let spent = 0;
  for (const credit of c.credits.get(dealerCode) ?? []) {
    if (credit.bookedOn >= input.date) continue;
    const take = Math.min(credit.amount, input.wanted - spent);
    credit.amount -= take;
    spent += take;
  }
  c.credits.set(
    dealerCode,
    (c.credits.get(dealerCode) ?? []).filter((credit) => credit.amount > 0),
  );
  return spent;
}
