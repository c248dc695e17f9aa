// Money is an integer number of fen (分) everywhere below the UI (see docs/protocol.md,
// "Values on the wire"). Ratios (deposit 30%, tolerance 0.1%) use exact integer arithmetic so
// that 0.07 × 100 fen is 7 fen, not 7.000000000000001 rounded up to 8.
import { z } from 'zod';

/** Any amount of fen: a safe integer (z.int() rejects unsafe integers). */
export const fenSchema = z.int();
export const positiveFenSchema = z.int().positive();
export const nonNegativeFenSchema = z.int().nonnegative();
/** A ratio between 0 and 1 (0.3 = 30%), honoured to six decimal places. */
export const ratioSchema = z.number().min(0).max(1);

export type Rounding = 'up' | 'down';

const RATIO_SCALE = 1_000_000n;

/** `amount × ratio` in whole fen, rounded up or down; exact for ratios of up to 6 decimals. */
export function applyRatio(amount: number, ratio: number, rounding: Rounding): number {
  const scaledRatio = BigInt(Math.round(ratio * Number(RATIO_SCALE)));
  const product = BigInt(amount) * scaledRatio;
  const quotient = product / RATIO_SCALE;
  const remainder = product % RATIO_SCALE;
  const adjust = rounding === 'up' && remainder > 0n ? 1n : 0n;
  const floorFix = rounding === 'down' && remainder < 0n ? -1n : 0n;
  return toSafeFen(quotient + adjust + floorFix);
}

/** `quantity × unitPrice` in fen; throws if the product leaves the safe-integer range. */
export function multiplyFen(quantity: number, unitPrice: number): number {
  return toSafeFen(BigInt(quantity) * BigInt(unitPrice));
}

/** Sum of amounts in fen; throws if the total leaves the safe-integer range. */
export function sumFen(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += amount;
  if (!Number.isSafeInteger(total)) throw new RangeError(`sum is not a safe integer: ${total}`);
  return total;
}

function toSafeFen(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount out of range: ${value}`);
  return result;
}
