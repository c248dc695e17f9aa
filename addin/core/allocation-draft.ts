// Allocations drafted from a pulled reconciliation sheet (对账 → 收款核销), pure. The rule a
// finance clerk works with: for each receipt, the best-ranked suggestion still visible in the
// sheet is the one taken — rank 1 unless the clerk filtered or hid it to pick another; rows
// without a candidate (rank 0) give nothing. An invoice or order candidate gives one row of the
// suggested kind (its suggested amount); a dealer candidate gives the oldest-first split the server suggested,
// one row per item, the write-off on its item and any overpayment as credit balance. The clerk
// then changes or splits rows in the allocations sheet and pushes them as one atomic batch.
import { yuanToFen } from '../../shared/money';

type AllocationDraft = {
  receiptId: string;
  targetKind: 'invoice' | 'order-deposit' | 'credit-balance';
  targetId?: string;
  dealerCode: string;
  amount: number;
  writeOffAmount?: number;
  writeOffReason?: 'bank-fee-tolerance';
};

/** One reconciliation row as typed values (fen for money), and whether the user hid it. */
export interface SuggestionRow {
  readonly values: Record<string, unknown>;
  readonly hidden: boolean;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const whole = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The best-ranked visible suggestion of each receipt, in the order receipts first appear. */
function chosenSuggestions(rows: readonly SuggestionRow[]): Record<string, unknown>[] {
  const best = new Map<string, Record<string, unknown>>();
  for (const { values, hidden } of rows) {
    const receiptId = text(values.receiptId);
    const rank = whole(values.rank) ?? 0;
    if (hidden || receiptId === undefined || rank < 1) continue;
    const current = whole(best.get(receiptId)?.rank);
    if (current === undefined || rank < current) best.set(receiptId, values);
  }
  return [...best.values()];
}

/** Invoices are INV-<shipment>; other open items are orders awaiting a deposit (ledger.ts). */
const kindOfItem = (id: string) => (id.startsWith('INV-') ? 'invoice' : 'order-deposit');

// The split text of server/finance/reconciliation.ts: "INV-1 3,000.00; INV-2 差额 write-off
// 4.00; 预收 credit 100.00".
const CREDIT = /^预收 credit ([\d,.]+)$/;
const WRITE_OFF = /^(\S+) 差额 write-off ([\d,.]+)$/;
const ITEM = /^(\S+) ([\d,.]+)$/;

const fenOf = (yuan: string | undefined) => yuanToFen((yuan ?? '').replace(/,/g, '')) ?? 0;

/** The dealer candidate's suggested split as allocation rows; null when it cannot be read. */
function splitDrafts(
  base: { receiptId: string; dealerCode: string },
  split: string,
): AllocationDraft[] | null {
  const drafts: AllocationDraft[] = [];
  for (const part of split.split(';').map((p) => p.trim())) {
    if (part === '') continue;
    const credit = CREDIT.exec(part);
    const writeOff = WRITE_OFF.exec(part);
    const item = ITEM.exec(part);
    if (credit) {
      drafts.push({ ...base, targetKind: 'credit-balance', amount: fenOf(credit[1]) });
    } else if (writeOff) {
      const target = drafts.find((d) => d.targetId === writeOff[1]);
      if (!target) return null;
      target.writeOffAmount = fenOf(writeOff[2]);
      target.writeOffReason = 'bank-fee-tolerance';
    } else if (item?.[1] !== undefined) {
      const targetId = item[1];
      drafts.push({ ...base, targetKind: kindOfItem(targetId), targetId, amount: fenOf(item[2]) });
    } else return null;
  }
  return drafts.filter((d) => d.amount > 0);
}

/** The allocation kind a single-item suggestion asks for: its suggested kind, else its candidate's. */
function suggestedKind(values: Record<string, unknown>): 'invoice' | 'order-deposit' | undefined {
  const kind = text(values.suggestedTargetKind);
  if (kind === 'invoice' || kind === 'order-deposit') return kind;
  if (values.candidateKind === 'invoice') return 'invoice';
  return values.candidateKind === 'order' ? 'order-deposit' : undefined;
}

/** The allocation rows one chosen suggestion gives (none when it names no dealer). */
function draftsOf(values: Record<string, unknown>): AllocationDraft[] {
  const receiptId = text(values.receiptId);
  const dealerCode = text(values.dealerCode);
  if (receiptId === undefined || dealerCode === undefined) return [];
  const base = { receiptId, dealerCode };
  if (values.candidateKind === 'dealer') {
    // Only the dealer's split names the items; without a readable one nothing is safe to propose.
    const split = text(values.split);
    return (split === undefined ? null : splitDrafts(base, split)) ?? [];
  }
  // An invoice or order candidate is one item of the suggested kind, whatever its number says.
  const amount = whole(values.suggestedAmount) ?? 0;
  const targetKind = suggestedKind(values);
  const targetId = text(values.candidateId);
  if (amount <= 0 || targetId === undefined || targetKind === undefined) return [];
  return [{ ...base, targetKind, targetId, amount }];
}

export function draftAllocations(rows: readonly SuggestionRow[]): AllocationDraft[] {
  return chosenSuggestions(rows).flatMap(draftsOf);
}
