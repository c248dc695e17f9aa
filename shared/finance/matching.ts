// Matching a bank receipt to what it pays. Each open item or dealer that a
// signal points at becomes a candidate with a score and the reasons behind it:
//   reference     an order or invoice number in the remark or bank reference (strongest);
//   dealer-code   a dealer code among the reference tokens;
//   dealer-name   a dealer's name or short name contained in the payer name or remark;
//   payer-alias   a payer account or name finance confirmed for the dealer before;
//   exact-amount  the amount equals the item's open amount, or the dealer's total open;
//   date-near     the receipt date is within a window of the item's date or due date.
// Only a unique top candidate with an exact amount AND something that identifies the party
// (a reference or a dealer signal) is matched automatically: among 50,000 open items an equal
// amount alone is too often a coincidence. Everything else is a suggestion for finance.
import { z } from 'zod';
import type { Receipt } from './bank-line';
import { daysBetween } from './dates';
import { dealerAmountKey, findDealersNamedIn, type MatchIndex } from './match-index';
import { fenSchema } from './money';
import type { OpenItem } from './open-item';
import { normalizeAccount, normalizePartyName } from './party';
import { compactReference, extractReferenceTokens } from './tokens';

const matchReasonSchema = z.enum([
  'reference',
  'dealer-code',
  'dealer-name',
  'payer-alias',
  'exact-amount',
  'date-near',
]);
export type MatchReason = z.infer<typeof matchReasonSchema>;

export const matchCandidateSchema = z.object({
  /** 'dealer': pay the dealer's open items oldest first (or hold as credit if none are open). */
  kind: z.enum(['order', 'invoice', 'dealer']),
  itemId: z.string().nullable(),
  dealerCode: z.string(),
  openAmount: fenSchema,
  score: z.int(),
  reasons: z.array(matchReasonSchema),
  /** Days between the receipt and the item's nearer date; null for a dealer candidate. */
  daysApart: z.int().nullable(),
});
export type MatchCandidate = z.infer<typeof matchCandidateSchema>;

type MatchResult =
  { kind: 'auto'; candidate: MatchCandidate } | { kind: 'suggest'; candidates: MatchCandidate[] };

interface MatchOptions {
  /** Longest list returned. Default 10. */
  maxCandidates?: number;
  /** 'date-near' within this many days of the item's date or due date. Default 15. */
  dateWindowDays?: number;
  /** An amount shared by more items than this is no evidence without a party. Default 50. */
  maxAmountOnlyHits?: number;
}

/** Score per reason; a reference quoting an invoice's order scores less than its own number. */
const matchWeights = {
  reference: 100,
  referenceViaOrder: 80,
  'dealer-code': 50,
  'payer-alias': 50,
  'dealer-name': 40,
  'exact-amount': 40,
  'date-near': 10,
} as const;

type DealerSignals = Map<string, Set<MatchReason>>;
type ReferenceHits = Map<OpenItem, 'direct' | 'via-order'>;

/** Candidates for one receipt, best first: score, then nearer date, then id. */
export function rankCandidates(
  receipt: Receipt,
  index: MatchIndex,
  options: MatchOptions = {},
): MatchCandidate[] {
  const tokens = receiptTokens(receipt);
  const dealers = recogniseDealers(receipt, tokens, index);
  const references = findReferencedItems(tokens, index);
  const items = collectItems({ receipt, index, dealers, references, options });
  const window = options.dateWindowDays ?? 15;
  const candidates = [...items].map((item) =>
    scoreItem({ item, receipt, dealers, reference: references.get(item), window }),
  );
  for (const dealerCode of candidateDealers(receipt.amount, index, dealers)) {
    candidates.push(scoreDealer(dealerCode, receipt.amount, index, dealers));
  }
  return candidates.sort(compareCandidates).slice(0, options.maxCandidates ?? 10);
}

export function autoMatch(
  receipt: Receipt,
  index: MatchIndex,
  options: MatchOptions = {},
): MatchResult {
  const candidates = rankCandidates(receipt, index, options);
  const [top, second] = candidates;
  const isUnique = top !== undefined && (second === undefined || second.score < top.score);
  if (isUnique && top.reasons.includes('exact-amount') && identifiesParty(top)) {
    return { kind: 'auto', candidate: top };
  }
  return { kind: 'suggest', candidates };
}

function identifiesParty(candidate: MatchCandidate): boolean {
  return candidate.reasons.some((reason) => reason !== 'exact-amount' && reason !== 'date-near');
}

function receiptTokens(receipt: Receipt): string[] {
  const text = `${receipt.remark ?? ''} ${receipt.bankRef ?? ''}`;
  return [...new Set(extractReferenceTokens(text).map(compactReference))];
}

function recogniseDealers(receipt: Receipt, tokens: string[], index: MatchIndex): DealerSignals {
  const signals: DealerSignals = new Map();
  const add = (codes: Iterable<string>, reason: MatchReason) => {
    for (const code of codes) {
      const reasons = signals.get(code) ?? new Set<MatchReason>();
      signals.set(code, reasons.add(reason));
    }
  };
  add(
    tokens.flatMap((token) => index.dealersByCode.get(token) ?? []),
    'dealer-code',
  );
  add(findDealersNamedIn(index, `${receipt.payerName} ${receipt.remark ?? ''}`), 'dealer-name');
  const account = normalizeAccount(receipt.payerAccount ?? '');
  if (account !== '') add(index.dealersByAccount.get(account) ?? [], 'payer-alias');
  add(index.dealersByPayerName.get(normalizePartyName(receipt.payerName)) ?? [], 'payer-alias');
  return signals;
}

function findReferencedItems(tokens: string[], index: MatchIndex): ReferenceHits {
  const hits: ReferenceHits = new Map();
  for (const token of tokens) {
    for (const item of index.invoicesByOrder.get(token) ?? []) {
      if (!hits.has(item)) hits.set(item, 'via-order');
    }
    for (const item of index.itemsByReference.get(token) ?? []) hits.set(item, 'direct');
  }
  return hits;
}

interface CollectInput {
  receipt: Receipt;
  index: MatchIndex;
  dealers: DealerSignals;
  references: ReferenceHits;
  options: MatchOptions;
}

/** Items some signal points at: referenced ones, and those with the exact amount. */
function collectItems({ receipt, index, dealers, references, options }: CollectInput) {
  const items = new Set<OpenItem>(references.keys());
  const sameAmount = index.itemsByAmount.get(receipt.amount) ?? [];
  if (sameAmount.length <= (options.maxAmountOnlyHits ?? 50)) {
    for (const item of sameAmount) items.add(item);
    return items;
  }
  for (const dealerCode of dealers.keys()) {
    const key = dealerAmountKey(dealerCode, receipt.amount);
    for (const item of index.itemsByDealerAmount.get(key) ?? []) items.add(item);
  }
  return items;
}

interface ScoreItemInput {
  item: OpenItem;
  receipt: Receipt;
  dealers: DealerSignals;
  reference: 'direct' | 'via-order' | undefined;
  window: number;
}

function scoreItem({ item, receipt, dealers, reference, window }: ScoreItemInput): MatchCandidate {
  const reasons: MatchReason[] = [];
  let score = 0;
  if (reference !== undefined) {
    reasons.push('reference');
    score += reference === 'direct' ? matchWeights.reference : matchWeights.referenceViaOrder;
  }
  const dealerReasons = [...(dealers.get(item.dealerCode) ?? [])];
  if (item.openAmount === receipt.amount) dealerReasons.push('exact-amount');
  const daysApart = nearestDays(receipt.date, item);
  if (daysApart <= window) dealerReasons.push('date-near');
  for (const reason of dealerReasons) score += weightOf(reason);
  reasons.push(...dealerReasons);
  const { kind, id: itemId, dealerCode, openAmount } = item;
  return { kind, itemId, dealerCode, openAmount, score, reasons, daysApart };
}

/** Recognised dealers, and dealers whose total open equals the amount (if that is not one item). */
function candidateDealers(amount: number, index: MatchIndex, dealers: DealerSignals): Set<string> {
  const codes = new Set(dealers.keys());
  for (const code of index.dealersByOpenTotal.get(amount) ?? []) {
    if ((index.itemCountByDealer.get(code) ?? 0) > 1) codes.add(code);
  }
  return codes;
}

function scoreDealer(
  dealerCode: string,
  amount: number,
  index: MatchIndex,
  dealers: DealerSignals,
): MatchCandidate {
  const reasons = [...(dealers.get(dealerCode) ?? [])];
  const openAmount = index.openTotalByDealer.get(dealerCode) ?? 0;
  if (openAmount === amount && (index.itemCountByDealer.get(dealerCode) ?? 0) > 1) {
    reasons.push('exact-amount');
  }
  const score = reasons.reduce((sum, reason) => sum + weightOf(reason), 0);
  return { kind: 'dealer', itemId: null, dealerCode, openAmount, score, reasons, daysApart: null };
}

function weightOf(reason: MatchReason): number {
  return matchWeights[reason];
}

function nearestDays(date: string, item: OpenItem): number {
  const toDate = Math.abs(daysBetween(date, item.date));
  return item.dueDate === undefined
    ? toDate
    : Math.min(toDate, Math.abs(daysBetween(date, item.dueDate)));
}

function compareCandidates(a: MatchCandidate, b: MatchCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  const apart = (a.daysApart ?? Infinity) - (b.daysApart ?? Infinity);
  if (apart !== 0 && !Number.isNaN(apart)) return apart;
  const [keyA, keyB] = [a.itemId ?? a.dealerCode, b.itemId ?? b.dealerCode];
  if (keyA === keyB) return 0;
  return keyA < keyB ? -1 : 1;
}
