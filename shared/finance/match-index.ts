// Indexes over the open items, dealers and learned aliases, built once per matching run so that
// matching one receipt costs O(tokens + candidates), not O(open items): the benchmark matches
// 10,000 receipts against 50,000 open items (bench/finance.ts).
import { z } from 'zod';
import { openItemSchema, type OpenItem } from './open-item';
import {
  dealerPartySchema,
  MIN_NAME_LENGTH,
  normalizeAccount,
  normalizePartyName,
  payerAliasSchema,
} from './party';
import { compactReference, compactText } from './tokens';

export const matchContextSchema = z.object({
  items: z.array(openItemSchema),
  dealers: z.array(dealerPartySchema),
  aliases: z.array(payerAliasSchema),
});
export type MatchContext = z.infer<typeof matchContextSchema>;

export interface MatchIndex {
  /** compact item id → items with that id (an order and an invoice may share a number). */
  readonly itemsByReference: ReadonlyMap<string, readonly OpenItem[]>;
  /** compact order id → the invoices that bill it. */
  readonly invoicesByOrder: ReadonlyMap<string, readonly OpenItem[]>;
  readonly itemsByAmount: ReadonlyMap<number, readonly OpenItem[]>;
  /** `${dealerCode}|${amount}` → that dealer's items with that open amount. */
  readonly itemsByDealerAmount: ReadonlyMap<string, readonly OpenItem[]>;
  readonly itemCountByDealer: ReadonlyMap<string, number>;
  readonly openTotalByDealer: ReadonlyMap<string, number>;
  readonly dealersByOpenTotal: ReadonlyMap<number, readonly string[]>;
  /** compact dealer code → dealer code. */
  readonly dealersByCode: ReadonlyMap<string, string>;
  /** normalised name or short name → dealer codes. */
  readonly dealersByName: ReadonlyMap<string, readonly string[]>;
  /** The distinct lengths of the names above, for substring look-ups. */
  readonly nameLengths: readonly number[];
  readonly dealersByAccount: ReadonlyMap<string, readonly string[]>;
  readonly dealersByPayerName: ReadonlyMap<string, readonly string[]>;
}

export function buildMatchIndex(context: MatchContext): MatchIndex {
  return { ...indexItems(context.items), ...indexDealers(context), ...indexAliases(context) };
}

function indexItems(items: readonly OpenItem[]) {
  const itemsByReference = new Map<string, OpenItem[]>();
  const invoicesByOrder = new Map<string, OpenItem[]>();
  const itemsByAmount = new Map<number, OpenItem[]>();
  const itemsByDealerAmount = new Map<string, OpenItem[]>();
  const itemCountByDealer = new Map<string, number>();
  const openTotalByDealer = new Map<string, number>();
  for (const item of items) {
    append(itemsByReference, compactReference(item.id), item);
    if (item.kind === 'invoice' && item.orderId !== undefined) {
      append(invoicesByOrder, compactReference(item.orderId), item);
    }
    append(itemsByAmount, item.openAmount, item);
    append(itemsByDealerAmount, dealerAmountKey(item.dealerCode, item.openAmount), item);
    itemCountByDealer.set(item.dealerCode, (itemCountByDealer.get(item.dealerCode) ?? 0) + 1);
    const total = (openTotalByDealer.get(item.dealerCode) ?? 0) + item.openAmount;
    openTotalByDealer.set(item.dealerCode, total);
  }
  const dealersByOpenTotal = new Map<number, string[]>();
  for (const [dealerCode, total] of openTotalByDealer)
    append(dealersByOpenTotal, total, dealerCode);
  return {
    itemsByReference,
    invoicesByOrder,
    itemsByAmount,
    itemsByDealerAmount,
    itemCountByDealer,
    openTotalByDealer,
    dealersByOpenTotal,
  };
}

function indexDealers(context: MatchContext) {
  const dealersByCode = new Map<string, string>();
  const dealersByName = new Map<string, string[]>();
  for (const dealer of context.dealers) {
    dealersByCode.set(compactReference(dealer.code), dealer.code);
    for (const name of [dealer.name, dealer.shortName]) {
      const normalized = name === undefined ? '' : normalizePartyName(name);
      if (normalized.length >= MIN_NAME_LENGTH) appendOnce(dealersByName, normalized, dealer.code);
    }
  }
  const nameLengths = [...new Set([...dealersByName.keys()].map((name) => name.length))];
  return { dealersByCode, dealersByName, nameLengths };
}

function indexAliases(context: MatchContext) {
  const dealersByAccount = new Map<string, string[]>();
  const dealersByPayerName = new Map<string, string[]>();
  for (const alias of context.aliases) {
    const account = normalizeAccount(alias.payerAccount ?? '');
    if (account !== '') appendOnce(dealersByAccount, account, alias.dealerCode);
    const payerName = normalizePartyName(alias.payerName ?? '');
    if (payerName !== '') appendOnce(dealersByPayerName, payerName, alias.dealerCode);
  }
  return { dealersByAccount, dealersByPayerName };
}

export function dealerAmountKey(dealerCode: string, amount: number): string {
  return `${dealerCode}|${amount}`;
}

/**
 * Dealer codes whose normalised name or short name occurs in `text` ("normalised containment"):
 * every substring of `text` of a length some name has is looked up, so the cost grows with the
 * text, not with the number of dealers.
 */
export function findDealersNamedIn(index: MatchIndex, text: string): Set<string> {
  const haystack = compactText(text);
  const found = new Set<string>();
  for (const length of index.nameLengths) {
    for (let start = 0; start + length <= haystack.length; start += 1) {
      const codes = index.dealersByName.get(haystack.slice(start, start + length));
      for (const code of codes ?? []) found.add(code);
    }
  }
  return found;
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function appendOnce<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
