// The bank lines of the demo history and the allocations finance confirms for them (收款核销):
// a grade-C dealer's deposit (订金) on the day it orders; payment runs on each dealer's rhythm
// and habit — on time, late, or (two dealers) chronically late and in part — some short by a
// bank fee written off within the tolerance, now and then a round-figure overpayment held as
// credit balance (预收) and spent on the next run; and a few stray lines nobody can place.
// Finance confirms most lines the same day; a line from the owner's card without a remark waits
// a few days, so the last weeks leave unmatched receipts for the reconciliation sheet.
import { requiredDeposit } from '../../shared/finance/credit';
import { addDays, daysBetween, weekdayOf } from './calendar';
import { workday } from './pay-dates';
import {
  schedule,
  spendCredit,
  type Collections,
  type Invoice,
  type PlannedAllocation,
  type PlannedReceipt,
} from './collections';
import { strangerAccount, strangers, type BankAccount, type PayerProfile } from './payers';

const YUAN = 100;
const THOUSAND = 1000 * YUAN;

function payerOf(c: Collections, profile: PayerProfile): BankAccount {
  return profile.personal && c.random.chance(0.35) ? profile.personal : profile.company;
}

/**
 * Finance confirms most lines the same day; an unexplained private transfer waits for a call,
 * and in the last fortnight finance is behind (month-end), so some recent lines are still open.
 */
function confirmDay(c: Collections, line: PlannedReceipt, profile: PayerProfile): string {
  const { date, payerName, remark } = line.values;
  const isUnclear = payerName !== profile.company.name && remark === undefined && !line.quotes;
  if (isUnclear) return workday(addDays(date, c.random.int(2, 8)));
  if (daysBetween(date, c.today) < 14 && c.random.chance(0.3))
    return workday(addDays(date, c.random.int(3, 15)));
  const roll = c.random.next();
  if (roll < 0.85) return date;
  return workday(addDays(date, roll < 0.97 ? 1 : c.random.int(2, 4)));
}

function bankLine(
  c: Collections,
  payer: BankAccount,
  input: { date: string; amount: number; remark?: string; quotes?: string },
): PlannedReceipt {
  c.bankSeq += 1;
  const bankRef = `${input.date.replaceAll('-', '')}${String(c.bankSeq).padStart(6, '0')}${c.random.int(10, 99)}`;
  const { date, amount, remark, quotes } = input;
  const values = { date, payerName: payer.name, payerAccount: payer.account, amount, bankRef };
  return {
    rowKey: c.newKey(),
    values: { ...values, ...(remark ? { remark } : {}) },
    ...(quotes ? { quotes } : {}),
  };
}

/** 附言: what the payer writes, in the dealer's own style; `quotes` adds the SO number. */
function remarkFor(c: Collections, invoice: Invoice, input: { date: string; word: string }) {
  const order = c.orders.get(invoice.group);
  const style = c.random.pick(c.payers.get(invoice.dealerCode)?.remarks ?? ['none']);
  const { word } = input;
  if (style === 'order') return { remark: word, quotes: invoice.group };
  if (style === 'po' && order) return { remark: `${order.orderRef} ${word}` };
  if (style === 'month' && word.endsWith('货款'))
    return { remark: `${Number(input.date.slice(5, 7))}月${word}` };
  if (style === 'code') return { remark: `${invoice.dealerCode}${word}` };
  return style === 'month' ? { remark: word } : {};
}

/** The deposit of a grade-C order: 30% (the default policy) rounded up to the yuan. */
export function planDeposit(c: Collections, group: string, date: string) {
  const order = c.orders.get(group);
  const profile = order && c.payers.get(order.dealerCode);
  if (!order || !profile) return undefined;
  const required = requiredDeposit(order.value, profile.dealer.grade);
  if (required === 0) return undefined;
  const amount = Math.ceil(required / YUAN) * YUAN;
  const invoiceLike = { group, dealerCode: order.dealerCode } as Invoice;
  const word = order.orderType === 'fair' ? '订货会订金' : '订金';
  const line = bankLine(c, payerOf(c, profile), {
    date,
    amount,
    ...remarkFor(c, invoiceLike, { date, word }),
  });
  const { dealerCode } = order;
  schedule(c.allocationsDue, date, {
    rowKey: c.newKey(),
    receiptKey: line.rowKey,
    ...{ targetKind: 'order-deposit', targetKey: group, dealerCode, amount },
  });
  return line;
}

/** A ¥1–5 fee the payer's bank took, when the tolerance (¥5 and 0.1% of the item) allows it. */
function feeOf(c: Collections, profile: PayerProfile, last: Invoice): number {
  const max = Math.min(500, Math.floor(last.residual / 1000));
  if (max < 100 || !c.random.chance(profile.feeChance)) return 0;
  return c.random.int(2, Math.floor(max / 50)) * 50;
}

function invoiceRow(c: Collections, invoice: Invoice, amount: number): PlannedAllocation {
  return {
    rowKey: c.newKey(),
    targetKind: 'invoice',
    targetKey: invoice.shipmentKey,
    dealerCode: invoice.dealerCode,
    amount,
  };
}

/** Pays what the dealer's credit balance covers, oldest invoice first. */
function creditRows(c: Collections, open: readonly Invoice[], date: string): PlannedAllocation[] {
  const owed = open.reduce((sum, i) => sum + i.residual, 0);
  let left = spendCredit(c, open[0]?.dealerCode ?? '', { date, wanted: owed });
  const rows: PlannedAllocation[] = [];
  for (const invoice of open) {
    const take = Math.min(left, invoice.residual);
    if (take <= 0) continue;
    rows.push(invoiceRow(c, invoice, take));
    invoice.residual -= take;
    left -= take;
  }
  return rows;
}

/** How much of the run the dealer transfers: all of it, or (chronic) a round part. */
function transferOf(c: Collections, profile: PayerProfile, owed: number) {
  if (profile.habit === 'chronic' && c.random.chance(0.6)) {
    const part = Math.floor((owed * (0.3 + 0.4 * c.random.next())) / THOUSAND) * THOUSAND;
    return { amount: Math.min(part, owed), isPartial: true };
  }
  return { amount: owed, isPartial: false };
}

/** Allocates the transfer oldest first; the last invoice carries the fee as a write-off. */
function paymentRows(
  c: Collections,
  open: readonly Invoice[],
  input: { amount: number; fee: number },
) {
  const rows: PlannedAllocation[] = [];
  let left = input.amount;
  for (const [i, invoice] of open.entries()) {
    const isLast = i === open.length - 1;
    const fee = isLast ? input.fee : 0;
    const paid = Math.min(left, invoice.residual - fee);
    if (paid <= 0) break;
    rows.push({ ...invoiceRow(c, invoice, paid), ...(fee > 0 ? { writeOffAmount: fee } : {}) });
    invoice.residual -= paid + fee;
    left -= paid;
  }
  return rows;
}

interface Run {
  profile: PayerProfile;
  open: Invoice[];
  date: string;
}

/** The dealer's transfer for a run and the allocations of it. */
function transferPlan(c: Collections, run: Run) {
  const { profile, open, date } = run;
  const owed = open.reduce((sum, i) => sum + i.residual, 0);
  const first = open[0];
  const last = open[open.length - 1];
  const { amount, isPartial } = transferOf(c, profile, owed);
  if (!first || !last || amount <= 0) return { rows: [] };
  const fee = isPartial ? 0 : feeOf(c, profile, last);
  const roundUp = Math.ceil(owed / THOUSAND) * THOUSAND - owed;
  const over = !isPartial && profile.habit !== 'chronic' && c.random.chance(0.03) ? roundUp : 0;
  const word = isPartial ? '部分货款' : '货款';
  const remark = remarkFor(c, first, { date, word });
  const line = bankLine(c, payerOf(c, profile), { date, amount: amount - fee + over, ...remark });
  const rows = paymentRows(c, open, { amount: amount - fee, fee });
  const { code: dealerCode } = profile.dealer;
  if (over > 0)
    rows.push({ rowKey: c.newKey(), targetKind: 'credit-balance', dealerCode, amount: over });
  return { line, rows: rows.map((row) => ({ ...row, receiptKey: line.rowKey })) };
}

/** Invoices a chronic payer left part of come round again a month or two later. */
function rescheduleRest(c: Collections, invoice: Invoice, date: string): void {
  const next = workday(addDays(date, c.random.int(30, 75)));
  if (next <= c.today) schedule(c.payDue, next, invoice);
}

/** One payment run of a dealer: a bank line and its allocations, confirmed on their day. */
export function planPayment(c: Collections, due: readonly Invoice[], date: string) {
  const open = due.filter((i) => i.residual > 0);
  const profile = c.payers.get(open[0]?.dealerCode ?? '');
  if (!profile || open.length === 0) return undefined;
  const fromCredit = creditRows(c, open, date);
  const rest = open.filter((i) => i.residual > 0);
  const { line, rows } = transferPlan(c, { profile, open: rest, date });
  const confirmOn = line ? confirmDay(c, line, profile) : date;
  for (const row of [...fromCredit, ...rows]) schedule(c.allocationsDue, confirmOn, row);
  for (const invoice of rest) if (invoice.residual > 0) rescheduleRest(c, invoice, date);
  return line;
}

const strayRemarks = ['', '转账', '往来款', '还款', '货款'];

/** Now and then a line nobody can place: left unmatched for the reconciliation sheet. */
export function planStray(c: Collections, date: string): PlannedReceipt | undefined {
  if (weekdayOf(date) % 6 === 0 || !c.random.chance(0.015)) return undefined;
  const payer = strangerAccount(c.random, c.random.pick(strangers));
  const amount = c.random.int(2, 200) * 100 * YUAN;
  const remark = c.random.pick(strayRemarks);
  return bankLine(c, payer, { date, amount, ...(remark ? { remark } : {}) });
}
