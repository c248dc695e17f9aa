// Automatic matching on import (push "bank-receipts" with options { autoMatch: true }): each new
// receipt, oldest first, whose unique top candidate has an exact amount and identifies the party
// (shared autoMatch) is allocated at once — to the invoice, as the order's deposit, or across the
// dealer's open items oldest first. An item already taken by an earlier receipt of the same push
// is left for finance, so two receipts never settle one item twice. Allocations are 'auto'.
import { allocateReceipt, type Tolerance } from '../../shared/finance/allocation';
import type { MatchCandidate } from '../../shared/finance/matching';
import { autoMatch } from '../../shared/finance/matching';
import type { MatchIndex } from '../../shared/finance/match-index';
import type { OpenItem } from '../../shared/finance/open-item';
import { formatYuan } from '../../shared/money';
import type { MutationOutcome, WriteContext } from '../sync/handler';
import { rowStamp } from '../sync/changes';
import { openItems } from './ledger';
import { loadMatchSetup } from './match-context';
import { DocNumbers } from '../sync/doc-numbers';
import { receiptLine } from './receipts-store';
import { loadFinanceSettings } from './settings';
import type { FinAllocationsTable, FinReceiptsTable } from './tables';

export interface FreshReceipt {
  row: FinReceiptsTable;
  outcome: MutationOutcome;
}

interface Part {
  kind: 'invoice' | 'order-deposit' | 'credit-balance';
  targetId: string | null;
  amount: number;
  writeOff: number;
}

const kindOf = (item: OpenItem) => (item.kind === 'invoice' ? 'invoice' : 'order-deposit');

interface PlanInput {
  amount: number;
  dealerItems: OpenItem[];
  tolerance: Tolerance;
}

function plan(candidate: MatchCandidate, input: PlanInput): Part[] {
  const { amount, dealerItems, tolerance } = input;
  if (candidate.kind !== 'dealer') {
    const kind = candidate.kind === 'invoice' ? 'invoice' : 'order-deposit';
    return [{ kind, targetId: candidate.itemId, amount, writeOff: 0 }];
  }
  const result = allocateReceipt({ amount, items: dealerItems, tolerance });
  const byId = new Map(dealerItems.map((item) => [item.id, item]));
  const parts: Part[] = result.allocations.map((a) => {
    const writeOff = result.writeOffs.find((w) => w.itemId === a.itemId)?.amount ?? 0;
    const item = byId.get(a.itemId);
    return {
      kind: item ? kindOf(item) : 'invoice',
      targetId: a.itemId,
      amount: a.amount,
      writeOff,
    };
  });
  if (result.creditBalance > 0) {
    parts.push({
      kind: 'credit-balance',
      targetId: null,
      amount: result.creditBalance,
      writeOff: 0,
    });
  }
  return parts;
}

interface Matcher {
  ctx: WriteContext;
  index: MatchIndex;
  itemsByDealer: Map<string, OpenItem[]>;
  tolerance: Tolerance;
  numbers: DocNumbers;
  /** Items settled by earlier receipts of this push. */
  taken: Set<string>;
  rows: FinAllocationsTable[];
}

function matchOne(matcher: Matcher, { row, outcome }: FreshReceipt): void {
  const result = autoMatch(receiptLine(row), matcher.index, { maxCandidates: 3 });
  if (result.kind !== 'auto') return;
  const { dealerCode } = result.candidate;
  const dealerItems = matcher.itemsByDealer.get(dealerCode) ?? [];
  const tolerance = matcher.tolerance;
  const parts = plan(result.candidate, { amount: row.amount, dealerItems, tolerance });
  const targets = parts.flatMap((p) => (p.targetId === null ? [] : [p.targetId]));
  if (targets.some((t) => matcher.taken.has(t))) return;
  for (const target of targets) matcher.taken.add(target);
  for (const part of parts) {
    const next = toRow(matcher.ctx, {
      id: matcher.numbers.take(),
      receiptId: row.id,
      dealerCode,
      part,
    });
    matcher.rows.push(next);
    const audit = { dataset: 'allocations', recordKey: next.row_key, recordId: next.id };
    matcher.ctx.audit({ ...audit, version: 1, action: 'create', before: null, after: next });
  }
  row.allocated = parts.reduce((sum, p) => sum + p.amount, 0);
  row.dealer_codes = dealerCode;
  const params = {
    target: result.candidate.itemId ?? dealerCode,
    amount: formatYuan(row.allocated),
  };
  outcome.problems.push({ code: 'receipt-auto-matched', params });
}

/** Allocates what matches uniquely, oldest receipt first; returns the allocation rows to insert. */
export async function autoMatchReceipts(
  ctx: WriteContext,
  fresh: readonly FreshReceipt[],
): Promise<FinAllocationsTable[]> {
  if (fresh.length === 0) return [];
  const { ledger, index } = await loadMatchSetup(ctx.trx);
  const itemsByDealer = new Map<string, OpenItem[]>();
  for (const item of openItems(ledger)) {
    itemsByDealer.set(item.dealerCode, [...(itemsByDealer.get(item.dealerCode) ?? []), item]);
  }
  const matcher: Matcher = {
    ctx,
    index,
    itemsByDealer,
    tolerance: (await loadFinanceSettings(ctx.trx)).tolerance,
    numbers: await DocNumbers.open(ctx.trx, 'AL', ctx.today),
    taken: new Set(),
    rows: [],
  };
  const oldestFirst = [...fresh].sort((a, b) => a.row.date.localeCompare(b.row.date));
  for (const receipt of oldestFirst) matchOne(matcher, receipt);
  await matcher.numbers.flush();
  return matcher.rows;
}

interface RowInput {
  id: string;
  receiptId: string;
  dealerCode: string;
  part: Part;
}

function toRow(ctx: WriteContext, input: RowInput): FinAllocationsTable {
  const { part } = input;
  return {
    id: input.id,
    row_key: `auto:${input.id}`,
    receipt_id: input.receiptId,
    target_kind: part.kind,
    target_id: part.targetId,
    dealer_code: input.dealerCode,
    amount: part.amount,
    write_off_amount: part.writeOff,
    write_off_reason: part.writeOff > 0 ? 'bank-fee-tolerance' : null,
    remark: null,
    source: 'auto',
    deleted: 0,
    ...rowStamp(ctx, 1),
  };
}
