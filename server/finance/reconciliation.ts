// The "reconciliation" pull (对账): every receipt with something left to allocate, with its
// three best candidates (shared rankCandidates) flattened to one row per receipt × rank — the
// receipt's fields, the candidate, its score and reasons in words, and what to allocate. A
// dealer candidate is split across the dealer's open items oldest first (shared
// allocateReceipt, with the tolerance), so finance can copy the split into the allocations
// sheet. A receipt with no candidate still has one row (rank 0): nothing unmatched is hidden.
import { allocateReceipt, type Tolerance } from '../../shared/finance/allocation';
import { reconciliationDataset } from '../../shared/finance/datasets';
import {
  rankCandidates,
  type MatchCandidate,
  type MatchReason,
} from '../../shared/finance/matching';
import type { OpenItem } from '../../shared/finance/open-item';
import { formatYuan } from '../../shared/money';
import { compact, pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { defineHandler, type DatasetHandler, type PullRequest } from '../sync/handler';
import { openItems } from './ledger';
import { loadMatchSetup } from './match-context';
import { openReceipts, receiptLine } from './receipts-store';
import { loadFinanceSettings } from './settings';
import type { FinReceiptsTable } from './tables';

const reasonWords: Record<MatchReason, string> = {
  reference: '附言/流水含单号 reference',
  'dealer-code': '经销商编码 dealer code',
  'dealer-name': '经销商名称 dealer name',
  'payer-alias': '已确认付款人 known payer',
  'exact-amount': '金额一致 exact amount',
  'date-near': '日期相近 date near',
};
const targetKinds = { invoice: 'invoice', order: 'order-deposit', dealer: 'invoice' } as const;

interface Context {
  items: OpenItem[];
  names: Map<string, string>;
  tolerance: Tolerance;
}

function receiptColumns(row: FinReceiptsTable) {
  const { id: receiptId, ...line } = receiptLine(row);
  return { receiptId, ...line, unallocated: row.amount - row.allocated };
}

function splitText(ctx: Context, dealerCode: string, amount: number): string {
  const items = ctx.items.filter((item) => item.dealerCode === dealerCode);
  const result = allocateReceipt({ amount, items, tolerance: ctx.tolerance });
  const parts = result.allocations.map((a) => `${a.itemId} ${formatYuan(a.amount)}`);
  for (const w of result.writeOffs)
    parts.push(`${w.itemId} 差额 write-off ${formatYuan(w.amount)}`);
  if (result.creditBalance > 0) parts.push(`预收 credit ${formatYuan(result.creditBalance)}`);
  return parts.join('; ');
}

function candidateColumns(ctx: Context, c: MatchCandidate, unallocated: number) {
  const suggestedAmount = Math.min(unallocated, c.openAmount);
  return {
    candidateKind: c.kind,
    candidateId: c.itemId ?? c.dealerCode,
    dealerCode: c.dealerCode,
    dealerName: ctx.names.get(c.dealerCode),
    openAmount: c.openAmount,
    score: c.score,
    reasons: c.reasons.map((r) => reasonWords[r]).join('、'),
    suggestedTargetKind: targetKinds[c.kind],
    suggestedAmount,
    split: c.kind === 'dealer' ? splitText(ctx, c.dealerCode, unallocated) : undefined,
  };
}

function rowsFor(ctx: Context, receipt: FinReceiptsTable, candidates: MatchCandidate[]) {
  const base = receiptColumns(receipt);
  if (candidates.length === 0) {
    return [{ key: `${receipt.id}#0`, values: compact({ ...base, rank: 0 }) }];
  }
  return candidates.map((c, i) => ({
    key: `${receipt.id}#${i + 1}`,
    values: compact({ ...base, rank: i + 1, ...candidateColumns(ctx, c, base.unallocated) }),
  }));
}

async function pullReconciliation(request: PullRequest) {
  const { ledger, index } = await loadMatchSetup(request.db);
  const { tolerance } = await loadFinanceSettings(request.db);
  const names = new Map([...ledger.dealers.values()].map((d) => [d.code, d.name]));
  const ctx: Context = { items: openItems(ledger), names, tolerance };
  const { from, to, dealer } = request.filter;
  const rows: DerivedRow[] = [];
  for (const receipt of await openReceipts(request.db)) {
    if ((from && receipt.date < from) || (to && receipt.date > to)) continue;
    const line = { ...receiptLine(receipt), amount: receipt.amount - receipt.allocated };
    const ranked = rankCandidates(line, index, { maxCandidates: 3 });
    const candidates = dealer ? ranked.filter((c) => c.dealerCode === dealer) : ranked;
    rows.push(...rowsFor(ctx, receipt, candidates));
  }
  return pageSnapshot(rows, request);
}

export function reconciliationHandler(): DatasetHandler {
  return defineHandler(reconciliationDataset, { pull: pullReconciliation });
}
