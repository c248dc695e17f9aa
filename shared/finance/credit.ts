// Credit control on orders (keep
// receivables within each dealer's limit).
// Credit limit: used = receivables outstanding + open (unshipped) orders; an order passes when
// used + this order ≤ limit — exactly at the limit passes, one fen over fails.
// Grade deposit: dealers of some grades must pay a share of the order (订金) before it ships;
// the default policy asks grade C for 30%, rounded up to the fen.
import { z } from 'zod';
import { applyRatio, fenSchema, nonNegativeFenSchema, ratioSchema } from './money';

export const creditCheckInputSchema = z.object({
  limit: nonNegativeFenSchema,
  outstanding: fenSchema,
  openOrders: nonNegativeFenSchema,
  thisOrder: nonNegativeFenSchema,
});
type CreditCheckInput = z.infer<typeof creditCheckInputSchema>;

export type CreditCheckResult =
  | { code: 'ok'; used: number; headroom: number }
  | {
      code: 'credit-limit-exceeded';
      limit: number;
      used: number;
      thisOrder: number;
      overBy: number;
    };

export function checkCredit(input: CreditCheckInput): CreditCheckResult {
  const used = input.outstanding + input.openOrders;
  const headroom = input.limit - used - input.thisOrder;
  const overBy = -headroom;
  if (headroom >= 0) return { code: 'ok', used, headroom };
  return {
    code: 'credit-limit-exceeded',
    limit: input.limit,
    used,
    thisOrder: input.thisOrder,
    overBy,
  };
}

/** Deposit ratio per dealer grade; a grade not listed needs no deposit. */
export const depositPolicySchema = z.record(z.string(), ratioSchema);
export type DepositPolicy = z.infer<typeof depositPolicySchema>;

export const defaultDepositPolicy: DepositPolicy = { C: 0.3 };

/** The deposit an order needs before it ships: orderValue × the grade's ratio, rounded up. */
export function requiredDeposit(
  orderValue: number,
  grade: string,
  policy: DepositPolicy = defaultDepositPolicy,
): number {
  const ratio = policy[grade];
  return ratio === undefined ? 0 : applyRatio(orderValue, ratio, 'up');
}

type DepositCheckResult = { code: 'ok' } | { code: 'deposit-missing'; missing: number };

export function checkDepositBeforeShipment(input: {
  required: number;
  received: number;
}): DepositCheckResult {
  const missing = input.required - input.received;
  return missing > 0 ? { code: 'deposit-missing', missing } : { code: 'ok' };
}
