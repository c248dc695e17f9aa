// Order-versus-delivery variance (订单回货差异, DA1): per order line and rolled up per dealer.
// - short = ordered − shipped (at least 0); overShipped = shipped − ordered (at least 0).
// - fill rate = min(shipped, ordered) / ordered in basis points, half up (null when nothing
//   was ordered); capping per line keeps an over-shipped line from hiding a short one in
//   the dealer roll-up.
// - days late: a line that is complete (fully shipped, or closed short) is late by
//   last shipment − requested date (at least 0); an open line is late by asOf − requested
//   date once that is past (at least 0).
import { z } from 'zod';
import { businessDateSchema, daysBetween } from './calendar';
import { parseOutcome, type Outcome } from './outcome';
import { stockLayerSchema } from './stock-age';

const deliveryLineSchema = z.object({
  orderNo: z.string().min(1),
  lineNo: z.number().int().min(1),
  dealerCode: z.string().min(1),
  sku: z.string().min(1),
  ordered: z.number().int().min(0),
  requestedDate: businessDateSchema,
  shipments: z.array(stockLayerSchema),
  /** Closed short: no more shipments will come for this line. */
  isClosed: z.boolean().default(false),
});
export type DeliveryLine = z.input<typeof deliveryLineSchema>;

const deliveryVarianceInputSchema = z.object({
  asOf: businessDateSchema,
  lines: z.array(deliveryLineSchema),
});
type DeliveryVarianceInput = z.input<typeof deliveryVarianceInputSchema>;
type ParsedLine = z.output<typeof deliveryLineSchema>;

export type LineVariance = {
  orderNo: string;
  lineNo: number;
  dealerCode: string;
  sku: string;
  ordered: number;
  shipped: number;
  short: number;
  overShipped: number;
  fillRateBp: number | null;
  lastShipmentDate: string | null;
  daysLate: number;
};

type DealerVariance = {
  dealerCode: string;
  lines: number;
  ordered: number;
  shipped: number;
  short: number;
  fillRateBp: number | null;
  lateLines: number;
  maxDaysLate: number;
  /** Mean days late over the late lines, one decimal; null when none is late. */
  averageDaysLate: number | null;
};

type DeliveryVariance = { lines: LineVariance[]; dealers: DealerVariance[] };

/** filled / ordered in basis points, half up; null when nothing was ordered. */
export function fillRateBp(filled: number, ordered: number): number | null {
  if (ordered === 0) return null;
  return Math.floor((2 * filled * 10_000 + ordered) / (2 * ordered));
}

/** Variance of one order line as of a date. */
export function lineVariance(line: ParsedLine, asOf: string): LineVariance {
  let shipped = 0;
  let lastShipmentDate: string | null = null;
  for (const s of line.shipments) {
    shipped += s.quantity;
    if (s.quantity > 0 && (lastShipmentDate === null || s.date > lastShipmentDate))
      lastShipmentDate = s.date;
  }
  const isComplete = shipped >= line.ordered || line.isClosed;
  const endDate = isComplete ? lastShipmentDate : asOf;
  const daysLate = endDate === null ? 0 : Math.max(0, daysBetween(line.requestedDate, endDate));
  return {
    orderNo: line.orderNo,
    lineNo: line.lineNo,
    dealerCode: line.dealerCode,
    sku: line.sku,
    ordered: line.ordered,
    shipped,
    short: Math.max(0, line.ordered - shipped),
    overShipped: Math.max(0, shipped - line.ordered),
    fillRateBp: fillRateBp(Math.min(shipped, line.ordered), line.ordered),
    lastShipmentDate,
    daysLate,
  };
}

/** Rolls line variances up per dealer, ordered by dealer code. */
export function rollUpByDealer(lines: readonly LineVariance[]): DealerVariance[] {
  const byDealer = new Map<string, LineVariance[]>();
  for (const line of lines)
    byDealer.set(line.dealerCode, [...(byDealer.get(line.dealerCode) ?? []), line]);
  return [...byDealer.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dealerCode, dealerLines]) => dealerTotals(dealerCode, dealerLines));
}

function dealerTotals(dealerCode: string, lines: readonly LineVariance[]): DealerVariance {
  const sum = (pick: (l: LineVariance) => number): number =>
    lines.reduce((acc, l) => acc + pick(l), 0);
  const ordered = sum((l) => l.ordered);
  const late = lines.filter((l) => l.daysLate > 0);
  const lateDays = late.reduce((acc, l) => acc + l.daysLate, 0);
  return {
    dealerCode,
    lines: lines.length,
    ordered,
    shipped: sum((l) => l.shipped),
    short: sum((l) => l.short),
    fillRateBp: fillRateBp(
      sum((l) => Math.min(l.shipped, l.ordered)),
      ordered,
    ),
    lateLines: late.length,
    maxDaysLate: Math.max(0, ...lines.map((l) => l.daysLate)),
    averageDaysLate: late.length === 0 ? null : Math.round((lateDays * 10) / late.length) / 10,
  };
}

/** Per-line and per-dealer order-versus-delivery variance. */
export function computeDeliveryVariance(input: DeliveryVarianceInput): Outcome<DeliveryVariance> {
  const parsed = parseOutcome(deliveryVarianceInputSchema, input);
  if (!parsed.ok) return parsed;
  const lines = parsed.value.lines.map((line) => lineVariance(line, parsed.value.asOf));
  return { ok: true, value: { lines, dealers: rollUpByDealer(lines) } };
}
