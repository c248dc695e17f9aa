// Finance matching: 10,000 bank receipts against 50,000 open invoices of
// 2,000 dealers — build the match index, then autoMatch every receipt (references in the
// remark, dealer names, exact amounts, dates). Baseline, same run and same data: a naive single
// pass that only looks each amount up in a Map of open amounts — what "match by amount" costs
// without any of the evidence that makes matching trustworthy. Growth rows show how the cost
// scales from 1,000 to 10,000 receipts against the same 50,000 items.
import type { Receipt } from '../shared/finance/bank-line';
import { buildMatchIndex, type MatchIndex } from '../shared/finance/match-index';
import { autoMatch } from '../shared/finance/matching';
import type { OpenItem } from '../shared/finance/open-item';
import { timeIt, type Row } from './row';

const ITEMS = 50_000;
const DEALERS = 2_000;

function openItems(): OpenItem[] {
  return Array.from({ length: ITEMS }, (_, i) => ({
    kind: 'invoice' as const,
    id: `INV-${i}`,
    dealerCode: `D${i % DEALERS}`,
    date: '2026-11-01',
    dueDate: '2026-11-28',
    openAmount: 100_000 + i,
  }));
}

/** Every third receipt quotes its invoice, the others name the payer only; amounts are exact. */
function receipts(count: number): Receipt[] {
  return Array.from({ length: count }, (_, i) => {
    const item = (i * 5) % ITEMS;
    const remark = i % 3 === 0 ? `付INV-${item}货款` : '货款';
    const payerName = `经销商${item % DEALERS}号`;
    return { id: `R${i}`, date: '2026-12-01', payerName, amount: 100_000 + item, remark };
  });
}

const dealers = Array.from({ length: DEALERS }, (_, i) => ({
  code: `D${i}`,
  name: `经销商${i}号`,
}));

const buildIndex = (items: OpenItem[]) => buildMatchIndex({ items, dealers, aliases: [] });

function matchEach(index: MatchIndex, lines: Receipt[]): number {
  let matched = 0;
  for (const line of lines) if (autoMatch(line, index).kind === 'auto') matched += 1;
  return matched;
}

function amountMap(items: OpenItem[]): Map<number, OpenItem[]> {
  const byAmount = new Map<number, OpenItem[]>();
  for (const item of items) {
    const list = byAmount.get(item.openAmount);
    if (list) list.push(item);
    else byAmount.set(item.openAmount, [item]);
  }
  return byAmount;
}

function lookUpEach(byAmount: Map<number, OpenItem[]>, lines: Receipt[]): number {
  let matched = 0;
  for (const line of lines) if (byAmount.get(line.amount)?.length === 1) matched += 1;
  return matched;
}

const baselineName = 'naive pass: exact-amount Map only';
const thousands = (n: number) => n.toLocaleString('en-US');

async function measure(items: OpenItem[], lines: Receipt[]) {
  const full = await timeIt(() => matchEach(buildIndex(items), lines));
  const naive = await timeIt(() => lookUpEach(amountMap(items), lines));
  if (full.result !== lines.length) throw new Error(`only ${full.result} automatic matches`);
  return { full: full.ms, naive: naive.ms };
}

export async function benchFinance(): Promise<Row[]> {
  const items = openItems();
  matchEach(buildIndex(items), receipts(2_000)); // warm-up: JIT, not measured
  const index = await timeIt(() => buildIndex(items));
  const map = await timeIt(() => amountMap(items));
  const rows: Row[] = [
    {
      name: 'build index, 50,000 open items',
      value: index.ms,
      unit: 'ms',
      baseline: map.ms,
      baselineName,
    },
  ];
  for (const count of [1_000, 5_000, 10_000]) {
    const lines = receipts(count);
    const matched = await timeIt(() => matchEach(index.result, lines));
    const naive = await timeIt(() => lookUpEach(map.result, lines));
    const name = `autoMatch ${thousands(count)} receipts (index built)`;
    rows.push({ name, value: matched.ms, unit: 'ms', baseline: naive.ms, baselineName });
  }
  const total = await measure(items, receipts(10_000));
  const name = 'index + match 10,000 receipts × 50,000 items';
  rows.push({ name, value: total.full, unit: 'ms', baseline: total.naive, baselineName });
  return rows;
}
