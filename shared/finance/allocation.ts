// Allocating one receipt across a dealer's open items: oldest first, the
// last item possibly paid in part; a small shortfall on that item (a bank fee deducted in
// transit) is written off within a tolerance; what is left of the receipt after every item is
// paid becomes the dealer's credit balance (预收), usable later.
//
// Tolerance rule: a shortfall is written off only when it is within EVERY limit configured —
// at most `maxFen`, and at most `maxRatio` × the item's open amount (rounded down to the fen).
// The default { maxFen: 500, maxRatio: 0.001 } therefore writes off at most ¥5, and less on
// items under ¥5,000 (0.1% of ¥3,000 is ¥3). Write-offs give money away, so both limits must
// agree; a deployment that wants "¥5 OR 0.1%" configures just one of them. With neither set
// nothing is written off.
import { z } from 'zod';
import { applyRatio, nonNegativeFenSchema, positiveFenSchema, ratioSchema } from './money';
import { compareOldestFirst, type OpenItem } from './open-item';

export const toleranceSchema = z.object({
  maxFen: nonNegativeFenSchema.optional(),
  maxRatio: ratioSchema.optional(),
});
export type Tolerance = z.infer<typeof toleranceSchema>;

export const defaultTolerance: Tolerance = { maxFen: 500, maxRatio: 0.001 };

export const writeOffReasonSchema = z.enum(['bank-fee-tolerance', 'manual']);

const allocationSchema = z.object({ itemId: z.string().min(1), amount: positiveFenSchema });
export type Allocation = z.infer<typeof allocationSchema>;

const writeOffSchema = z.object({
  itemId: z.string().min(1),
  amount: positiveFenSchema,
  reason: writeOffReasonSchema,
});
type WriteOff = z.infer<typeof writeOffSchema>;

/** allocations + creditBalance + unallocated always add up to the receipt amount. */
export const allocationResultSchema = z.object({
  allocations: z.array(allocationSchema),
  writeOffs: z.array(writeOffSchema),
  creditBalance: nonNegativeFenSchema,
  unallocated: nonNegativeFenSchema,
});
export type AllocationResult = z.infer<typeof allocationResultSchema>;

export interface AllocateInput {
  amount: number;
  /** The dealer's open items, in any order. */
  items: readonly OpenItem[];
  tolerance?: Tolerance;
  /**
   * What an overpayment becomes: the dealer's credit balance (default), or left unallocated on
   * the receipt for finance to decide (e.g. when the party is only a suggestion).
   */
  overpayment?: 'credit-balance' | 'unallocated';
}

export function allocateReceipt(input: AllocateInput): AllocationResult {
  const tolerance = input.tolerance ?? defaultTolerance;
  const allocations: Allocation[] = [];
  const writeOffs: WriteOff[] = [];
  let remaining = input.amount;
  for (const item of [...input.items].sort(compareOldestFirst)) {
    if (remaining === 0) break;
    const paid = Math.min(remaining, item.openAmount);
    allocations.push({ itemId: item.id, amount: paid });
    remaining -= paid;
    const shortfall = item.openAmount - paid;
    if (shortfall > 0 && isWithinTolerance(shortfall, item.openAmount, tolerance)) {
      writeOffs.push({ itemId: item.id, amount: shortfall, reason: 'bank-fee-tolerance' });
    }
  }
  const isCredit = (input.overpayment ?? 'credit-balance') === 'credit-balance';
  return {
    allocations,
    writeOffs,
    creditBalance: isCredit ? remaining : 0,
    unallocated: isCredit ? 0 : remaining,
  };
}

/** The tolerance rule in the header: within every limit configured, and at least one is. */
export function isWithinTolerance(shortfall: number, itemAmount: number, tolerance: Tolerance) {
  const { maxFen, maxRatio } = tolerance;
  if (maxFen === undefined && maxRatio === undefined) return false;
  const isWithinFen = maxFen === undefined || shortfall <= maxFen;
  const isWithinRatio =
    maxRatio === undefined || shortfall <= applyRatio(itemAmount, maxRatio, 'down');
  return isWithinFen && isWithinRatio;
}
