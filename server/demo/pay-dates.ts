// When a demo dealer pays an invoice (回款日): on its due date, on the Friday before (weekly
// payers) or on the 25th before (monthly settlement), then early, on time or late by the
// dealer's habit — a chronic payer months late, now and then never within the history. One
// delay is drawn per dealer and payment run, so a run's invoices stay one bank transfer.
import { addDays, weekdayOf } from './calendar';
import { schedule, type Collections, type Invoice } from './collections';
import type { PayerProfile } from './payers';

/** A delay past any history: the run is never paid. */
const NEVER = 10_000;

/** A weekend date moves to the Monday after (banks post transfers on working days). */
export function workday(date: string): string {
  const day = weekdayOf(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** The run an invoice falls into: its due date, the Friday before, or the 25th before. */
function runDate(profile: PayerProfile, invoice: Invoice): string {
  const due = invoice.dueDate;
  if (profile.rhythm === 'weekly') return addDays(due, -((weekdayOf(due) + 2) % 7));
  if (profile.rhythm === 'per-invoice') return due;
  const month = Number(due.slice(8)) >= 25 ? due : addDays(due, -Number(due.slice(8)));
  return `${month.slice(0, 8)}25`;
}

/** Days a run is paid after its date (negative: early), drawn once per dealer and run. */
function delayOf(c: Collections, profile: PayerProfile, run: string): number {
  const key = `${profile.dealer.code}|${run}`;
  const known = c.delays.get(key);
  if (known !== undefined) return known;
  const r = c.random;
  const delay = {
    prompt: () => (r.chance(0.1) ? -r.int(1, 3) : r.chance(0.08) ? r.int(1, 7) : 0),
    late: () => (r.chance(0.3) ? r.int(10, 90) : r.chance(0.2) ? r.int(1, 9) : 0),
    chronic: () => (r.chance(0.15) ? NEVER : r.int(30, 130)),
  }[profile.habit]();
  c.delays.set(key, delay);
  return delay;
}

/** Books when the dealer pays an invoice; one paid after "today" is still owed at the end. */
export function schedulePayment(c: Collections, invoice: Invoice): void {
  const profile = c.payers.get(invoice.dealerCode);
  if (!profile) return;
  const run = runDate(profile, invoice);
  const planned = addDays(run, delayOf(c, profile, run));
  const earliest = addDays(invoice.shipDate, 1);
  const date = workday(planned > earliest ? planned : earliest);
  if (date <= c.today) schedule(c.payDue, date, invoice);
}
