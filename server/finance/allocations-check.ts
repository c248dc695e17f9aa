// The rules a batch of confirmed allocations must keep (the reconciliation sheet). The
// state is today's ledger; a changed or deleted row is first taken out of it, and each row is
// checked against it and then applied to it, so a later row of the batch sees what earlier rows
// took:
// - a receipt is never allocated beyond its amount; a credit balance never spent below zero;
// - an invoice is never settled (allocations + write-offs) beyond what it still owes, and an
//   order's deposits never exceed its value;
// - the target belongs to the row's dealer;
// - a write-off is allowed only on an invoice, within the configured tolerance.
import { isWithinTolerance, type Tolerance } from '../../shared/finance/allocation';
import { allocationTargetKinds } from '../../shared/finance/datasets';
import { applyRatio } from '../../shared/finance/money';
import { formatYuan } from '../../shared/money';
import type { RowProblem } from '../../shared/row-errors';
import type { Ledger } from './ledger';
import type { FinAllocationsTable, FinReceiptsTable } from './tables';

interface AllocationInput {
  receiptId?: string | undefined;
  targetKind: 'invoice' | 'order-deposit' | 'credit-balance';
  targetId?: string | undefined;
  dealerCode: string;
  amount: number;
  writeOffAmount?: number | undefined;
}

export interface AllocationState {
  ledger: Ledger;
  tolerance: Tolerance;
  receipts: Map<string, FinReceiptsTable>;
  /** Allocated per receipt, by the rows outside the batch and the batch rows applied so far. */
  receiptAllocated: Map<string, number>;
  /** What each invoice still owes / each order can still take as deposit. */
  open: Map<string, number>;
  creditBalance: Map<string, number>;
}

const add = (map: Map<string, number>, key: string, delta: number) =>
  map.set(key, (map.get(key) ?? 0) + delta);

/** `allocations` are every live allocation the ledger was built from. */
export function openState(
  ledger: Ledger,
  allocations: readonly FinAllocationsTable[],
  extra: { receipts: Map<string, FinReceiptsTable>; tolerance: Tolerance },
): AllocationState {
  const receiptAllocated = new Map<string, number>();
  for (const row of allocations) {
    if (row.receipt_id !== null) add(receiptAllocated, row.receipt_id, row.amount);
  }
  const open = new Map<string, number>();
  for (const invoice of ledger.invoices.values()) open.set(invoice.id, invoice.outstanding);
  for (const order of ledger.orders.values())
    open.set(order.id, order.value - order.depositReceived);
  const creditBalance = new Map<string, number>();
  for (const [code, dealer] of ledger.byDealer)
    creditBalance.set(code, dealer.summary.creditBalance);
  return { ledger, ...extra, receiptAllocated, open, creditBalance };
}

function sourceProblems(state: AllocationState, row: AllocationInput): RowProblem[] {
  if (row.receiptId === undefined) {
    if (row.targetKind === 'credit-balance') return [{ field: 'receiptId', code: 'required' }];
    const available = state.creditBalance.get(row.dealerCode) ?? 0;
    if (row.amount <= available) return [];
    return [
      {
        field: 'amount',
        code: 'credit-balance-short',
        params: { available: formatYuan(available) },
      },
    ];
  }
  const receipt = state.receipts.get(row.receiptId);
  if (!receipt || receipt.deleted) {
    return [{ field: 'receiptId', code: 'unknown-receipt', params: { value: row.receiptId } }];
  }
  const left = receipt.amount - (state.receiptAllocated.get(receipt.id) ?? 0);
  if (row.amount <= left) return [];
  const params = { id: receipt.id, available: formatYuan(left) };
  return [{ field: 'amount', code: 'receipt-over-allocated', params }];
}

function targetOf(state: AllocationState, row: AllocationInput) {
  const id = row.targetId ?? '';
  if (row.targetKind === 'invoice') {
    const invoice = state.ledger.invoices.get(id);
    return invoice ? { dealerCode: invoice.dealerCode } : { missing: 'unknown-invoice' as const };
  }
  const order = state.ledger.orders.get(id);
  return order ? { dealerCode: order.dealerCode } : { missing: 'unknown-order' as const };
}

function writeOffProblems(
  state: AllocationState,
  row: AllocationInput,
  open: number,
): RowProblem[] {
  const writeOff = row.writeOffAmount ?? 0;
  if (writeOff === 0) return [];
  if (row.targetKind !== 'invoice')
    return [{ field: 'writeOffAmount', code: 'write-off-not-allowed' }];
  if (isWithinTolerance(writeOff, open, state.tolerance)) return [];
  const { maxFen = Number.MAX_SAFE_INTEGER, maxRatio = 1 } = state.tolerance;
  const max = Math.min(maxFen, applyRatio(open, maxRatio, 'down'));
  return [
    { field: 'writeOffAmount', code: 'write-off-over-tolerance', params: { max: formatYuan(max) } },
  ];
}

function targetProblems(state: AllocationState, row: AllocationInput): RowProblem[] {
  if (row.targetKind === 'credit-balance') return writeOffProblems(state, row, 0);
  if (row.targetId === undefined) return [{ field: 'targetId', code: 'required' }];
  const target = targetOf(state, row);
  if ('missing' in target)
    return [{ field: 'targetId', code: target.missing, params: { value: row.targetId } }];
  if (target.dealerCode !== row.dealerCode) {
    const params = { target: row.targetId, dealer: target.dealerCode };
    return [{ field: 'dealerCode', code: 'dealer-mismatch', params }];
  }
  const open = state.open.get(row.targetId) ?? 0;
  const writeOff = writeOffProblems(state, row, open);
  if (writeOff.length > 0) return writeOff;
  if (row.amount + (row.writeOffAmount ?? 0) <= open) return [];
  const params = { target: row.targetId, open: formatYuan(Math.max(0, open)) };
  return [{ field: 'amount', code: 'over-allocated', params }];
}

/** Problems of one row against the state; none means `applyToState` may follow. */
export function checkAllocation(state: AllocationState, row: AllocationInput): RowProblem[] {
  if (!state.ledger.dealers.has(row.dealerCode)) {
    return [{ field: 'dealerCode', code: 'unknown-dealer', params: { value: row.dealerCode } }];
  }
  const target = targetProblems(state, row);
  return target.length > 0 ? target : sourceProblems(state, row);
}

/** Applies a row to the state; sign −1 takes a stored row out (before it is changed or deleted). */
export function applyToState(state: AllocationState, row: AllocationInput, sign: 1 | -1 = 1): void {
  const amount = sign * row.amount;
  if (row.receiptId === undefined) add(state.creditBalance, row.dealerCode, -amount);
  else add(state.receiptAllocated, row.receiptId, amount);
  if (row.targetKind === 'credit-balance') add(state.creditBalance, row.dealerCode, amount);
  else if (row.targetId !== undefined) {
    add(state.open, row.targetId, -(amount + sign * (row.writeOffAmount ?? 0)));
  }
}

/** A stored row's target kind; one the schema does not know means the store is broken. */
function targetKindOf(row: FinAllocationsTable): AllocationInput['targetKind'] {
  const kind = allocationTargetKinds.find((k) => k === row.target_kind);
  if (kind === undefined) throw new Error(`allocation ${row.id}: unknown target kind`);
  return kind;
}

/** The input a stored row was made from. */
export function inputOf(row: FinAllocationsTable): AllocationInput {
  return {
    ...(row.receipt_id === null ? {} : { receiptId: row.receipt_id }),
    targetKind: targetKindOf(row),
    ...(row.target_id === null ? {} : { targetId: row.target_id }),
    dealerCode: row.dealer_code,
    amount: row.amount,
    ...(row.write_off_amount > 0 ? { writeOffAmount: row.write_off_amount } : {}),
  };
}
