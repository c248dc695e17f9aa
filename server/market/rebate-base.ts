// What a rebate policy settles per dealer (docs/market-order.md): the dealers in its scope
// (grade, region with the regions below it, channel; a product category narrows the base to
// that category's invoices), each one's base over the policy's period
// — net sell-in: invoices dated in the period less return credit notes dated in it; amount
// collected: receipts dated in the period as allocated to the dealer — and the rebate the
// policy's rates give (shared/market/rebate.ts).
import {
  calculateRebate,
  parseRates,
  rebateMethods,
  type Rebate,
} from '../../shared/market/rebate';
import type { RebatePolicyValues } from '../../shared/market/rebate-rows';
import { allRecords } from '../datasets/records-store';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';
import { loadLedgerSources, type LedgerSources } from '../finance/ledger-sources';
import { fin } from '../finance/tables';
import { narrowToCategory } from './rebate-category';
import type { Db } from '../store/db';

export interface Policy extends RebatePolicyValues {
  method: (typeof rebateMethods)[number];
}

interface DealerFacts {
  code: string;
  grade: string;
  regionCode: string;
  channel: string;
}

export interface Settlement {
  policy: Policy;
  dealer: string;
  base: number;
  rebate: Rebate;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

export async function loadPolicies(db: Db): Promise<Map<string, Policy>> {
  const records = await allRecords(db, 'rebate-policies');
  return new Map([...records].map(([code, r]) => [code, r.values as unknown as Policy]));
}

export async function loadDealerFacts(db: Db): Promise<DealerFacts[]> {
  return [...(await allRecords(db, 'dealers')).values()].map((r) => ({
    code: r.id,
    grade: text(r.values.grade),
    regionCode: text(r.values.regionCode),
    channel: text(r.values.channel),
  }));
}

/** The dealers of `dealers` a policy applies to. */
export async function inScope(db: Db, policy: Policy, dealers: readonly DealerFacts[]) {
  const regions = policy.regionCode
    ? regionsUnder([policy.regionCode], await loadRegions(db))
    : undefined;
  return dealers.filter(
    (d) =>
      (policy.grade === undefined || d.grade === policy.grade) &&
      (policy.channel === undefined || d.channel === policy.channel) &&
      (regions === undefined || regions.has(d.regionCode)),
  );
}

const within = (date: string, policy: Policy) => date >= policy.from && date <= policy.to;

async function collectedBy(db: Db, sources: LedgerSources, policy: Policy) {
  const receiptIds = [
    ...new Set(sources.allocations.flatMap((a) => (a.receipt_id ? [a.receipt_id] : []))),
  ];
  const dates = new Map<string, string>();
  for (let i = 0; i < receiptIds.length; i += 500) {
    const rows = await fin(db)
      .selectFrom('fin_receipts')
      .select(['id', 'date'])
      .where('id', 'in', receiptIds.slice(i, i + 500))
      .execute();
    for (const row of rows) dates.set(row.id, row.date);
  }
  const base = new Map<string, number>();
  for (const a of sources.allocations) {
    const date = a.receipt_id ? dates.get(a.receipt_id) : undefined;
    if (date !== undefined && within(date, policy))
      base.set(a.dealer_code, (base.get(a.dealer_code) ?? 0) + a.amount);
  }
  return base;
}

function netSellIn(sources: LedgerSources, policy: Policy) {
  const base = new Map<string, number>();
  const add = (dealer: string, amount: number) =>
    base.set(dealer, (base.get(dealer) ?? 0) + amount);
  for (const invoice of sources.invoices)
    if (within(invoice.date, policy)) add(invoice.dealerCode, invoice.amount);
  for (const note of sources.creditNotes)
    if (note.reason === 'return' && within(note.date, policy)) add(note.dealer_code, -note.amount);
  return base;
}

/** Each in-scope dealer's base and rebate under `policy`. */
export async function settle(
  db: Db,
  policy: Policy,
  dealers: readonly DealerFacts[],
): Promise<Settlement[]> {
  const scoped = await inScope(db, policy, dealers);
  if (scoped.length === 0) return [];
  const all = await loadLedgerSources(
    db,
    scoped.map((d) => d.code),
  );
  const sources = policy.category ? await narrowToCategory(db, all, policy.category) : all;
  const bases =
    policy.base === 'collected'
      ? await collectedBy(db, sources, policy)
      : netSellIn(sources, policy);
  const sections = parseRates(policy.rates, policy.method) ?? [];
  return scoped.map((d) => {
    const base = bases.get(d.code) ?? 0;
    return { policy, dealer: d.code, base, rebate: calculateRebate(base, sections, policy.method) };
  });
}
