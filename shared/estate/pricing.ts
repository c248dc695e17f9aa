// The price of a flat and its payment schedule (docs/estate.md, "Price and schedule").
// Areas are integers in 0.01 m², unit prices in fen per m², discounts in basis points
// (9,800 = 98 %). price = area × unit price × discount, computed exactly in integers and rounded
// once at the end to the fen, half up: the remainder of the exact product decides, never an
// intermediate rounded figure.

/** 10,000 basis points = no discount. */
export const FULL_PRICE_BP = 10_000;

/** Fen, from 0.01 m² × fen/m² × basis points, rounded once, half up. */
export function dealPrice(areaCentiM2: number, unitPriceFen: number, discountBp: number): number {
  const exact = BigInt(areaCentiM2) * BigInt(unitPriceFen) * BigInt(discountBp);
  const divisor = 100n * BigInt(FULL_PRICE_BP);
  const whole = exact / divisor;
  const rest = exact % divisor;
  return Number(rest * 2n >= divisor ? whole + 1n : whole);
}

/** The list total of a unit: its area at the list unit price, no discount. */
export function listTotal(areaCentiM2: number, unitPriceFen: number): number {
  return dealPrice(areaCentiM2, unitPriceFen, FULL_PRICE_BP);
}

export const paymentMethods = ['lump-sum', 'mortgage', 'instalments'] as const; // 一次性/按揭/分期
type PaymentMethod = (typeof paymentMethods)[number];

/** The parts of a payment schedule, in fen: 定金, 首付, 贷款, 分期. */
export interface Schedule {
  deposit: number;
  downPayment: number;
  loanAmount: number;
  instalments: number;
}

type ScheduleProblem =
  | { code: 'estate-schedule-mismatch'; sum: number; price: number; difference: number }
  | { code: 'estate-schedule-method'; field: 'loanAmount' | 'instalments' };

/**
 * What is wrong with a schedule for a price: the parts must sum exactly to the price (the
 * difference is price − sum), and the method must match the parts — no loan or instalments when
 * paid at once, a loan for a mortgage, instalments for 分期.
 */
export function checkSchedule(
  price: number,
  method: PaymentMethod,
  parts: Schedule,
): ScheduleProblem | null {
  const sum = parts.deposit + parts.downPayment + parts.loanAmount + parts.instalments;
  if (sum !== price)
    return { code: 'estate-schedule-mismatch', sum, price, difference: price - sum };
  if (method === 'lump-sum' && parts.loanAmount > 0)
    return { code: 'estate-schedule-method', field: 'loanAmount' };
  if (method === 'lump-sum' && parts.instalments > 0)
    return { code: 'estate-schedule-method', field: 'instalments' };
  if (method === 'mortgage' && parts.loanAmount === 0)
    return { code: 'estate-schedule-method', field: 'loanAmount' };
  if (method === 'instalments' && parts.instalments === 0)
    return { code: 'estate-schedule-method', field: 'instalments' };
  return null;
}

/** A Chinese ID number (or any document number) with all but the first 6 and last 4 hidden. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Sold ÷ released in basis points, half up (去化率); 0 when nothing is released. */
export function sellThroughBp(sold: number, released: number): number {
  if (released === 0) return 0;
  return Math.floor((sold * FULL_PRICE_BP * 2 + released) / (2 * released));
}
