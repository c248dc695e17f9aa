// Replenishment suggestions and stock exceptions (加单/补单; A6, C13: best-sellers short of
// stock, overstock, slow movers), per location × SKU. Quantities are whole units.
//
// Definitions:
// - available: on hand − reserved at the location (may be negative when over-reserved).
// - inbound: open incoming orders (purchase, production, transfer in) not yet received.
// - outbound: open dealer orders approved but neither reserved nor shipped (backorders).
// - position = available + inbound − outbound.
// - rate: units shipped in the `salesWindowDays` days ending on `asOf` (inclusive) ÷ window.
// - short: position < rate × leadTime + safetyStock (the reorder point).
// - suggestion (short items only): ceil to pack of rate × (leadTime + reviewPeriod) +
//   safetyStock − position; all arithmetic on integers, so 10 units over 7 days × 7 days
//   needs exactly 10, never 11 from float error.
// - cover days: position ÷ rate; 'overstock' when above `overstockCoverDays`, or when stock is
//   positive with no sales in the window (infinite cover, reported as null).
// - 'slow-mover': units on hand and no movement of any kind for ≥ `slowMoverDays` days.
// Runs in one pass over each item's shipments (O(n)); dates compare as strings.
import { z } from 'zod';
import { addDays, businessDateSchema, daysBetween } from './calendar';
import { addCodedIssue } from './outcome';
import { averageStockAgeDays, stockLayerSchema } from './stock-age';

const countSchema = z.number().int().min(0);

const replenishmentItemSchema = z.object({
  locationCode: z.string().min(1),
  sku: z.string().min(1),
  onHand: countSchema,
  available: z.number().int(),
  inbound: countSchema,
  outbound: countSchema,
  /** Shipments out (sales), any order; pre-aggregated daily totals are fine. */
  shipments: z.array(stockLayerSchema),
  /** Receipt layers, oldest first (ledger order), for the FIFO stock age. */
  receipts: z.array(stockLayerSchema).superRefine((layers, ctx) => {
    const unordered = layers.findIndex((l, i) => i > 0 && l.date < (layers[i - 1]?.date ?? ''));
    if (unordered >= 0)
      addCodedIssue(ctx, 'receipts-not-chronological', 'receipts must be oldest first', [
        unordered,
      ]);
  }),
  /** Units not explained by the receipts are aged from this date (opening balance). */
  openingStockDate: businessDateSchema.optional(),
  /** Last movement of any kind (receipt, shipment, transfer, adjustment); null if none. */
  lastMovementDate: businessDateSchema.nullable(),
  leadTimeDays: countSchema,
  safetyStock: countSchema,
  packSize: z.number().int().min(1),
});
export type ReplenishmentItem = z.infer<typeof replenishmentItemSchema>;

export const replenishmentPolicySchema = z.object({
  asOf: businessDateSchema,
  salesWindowDays: z.number().int().min(1).default(28),
  reviewPeriodDays: countSchema.default(7),
  overstockCoverDays: z.number().int().min(1).default(90),
  slowMoverDays: z.number().int().min(1).default(60),
});
export type ReplenishmentPolicy = z.output<typeof replenishmentPolicySchema>;

export const replenishmentInputSchema = z.object({
  policy: replenishmentPolicySchema,
  items: z.array(replenishmentItemSchema),
});

type StockFlag = 'short' | 'overstock' | 'slow-mover';

export type ReplenishmentLine = {
  locationCode: string;
  sku: string;
  shippedInWindow: number;
  /** Units per day, two decimals (display only; the rules use exact integers). */
  ratePerDay: number;
  position: number;
  /** Days of sales the position covers, one decimal; null when nothing sold. */
  coverDays: number | null;
  suggestedQuantity: number;
  daysSinceMovement: number | null;
  stockAgeDays: number | null;
  flags: StockFlag[];
};

/** Units shipped in the window (asOf − window, asOf]. */
export function shippedInWindow(
  shipments: readonly { date: string; quantity: number }[],
  asOf: string,
  windowDays: number,
): number {
  const after = addDays(asOf, -windowDays);
  let total = 0;
  for (const s of shipments) {
    if (s.date > after && s.date <= asOf) total += s.quantity;
  }
  return total;
}

/** `units` rounded up to whole packs (0 stays 0). */
export function roundUpToPack(units: number, packSize: number): number {
  return units <= 0 ? 0 : Math.ceil(units / packSize) * packSize;
}

type Demand = { shipped: number; window: number; position: number };

function isShort(item: ReplenishmentItem, d: Demand): boolean {
  return d.shipped * item.leadTimeDays + item.safetyStock * d.window > d.position * d.window;
}

function suggestedQuantity(item: ReplenishmentItem, d: Demand, reviewDays: number): number {
  const numerator =
    d.shipped * (item.leadTimeDays + reviewDays) + (item.safetyStock - d.position) * d.window;
  return roundUpToPack(Math.ceil(numerator / d.window), item.packSize);
}

function coverDaysOf(d: Demand): number | null {
  if (d.shipped === 0) return null;
  return Math.round((d.position * d.window * 10) / d.shipped) / 10;
}

function isOverstock(d: Demand, thresholdDays: number): boolean {
  if (d.position <= 0) return false;
  return d.shipped === 0 || d.position * d.window > thresholdDays * d.shipped;
}

function daysSince(date: string | null, asOf: string): number | null {
  return date === null ? null : daysBetween(date, asOf);
}

/** Suggestion, cover, age and flags for one location × SKU under a policy. */
export function assessStockItem(
  item: ReplenishmentItem,
  policy: ReplenishmentPolicy,
): ReplenishmentLine {
  const window = policy.salesWindowDays;
  const shipped = shippedInWindow(item.shipments, policy.asOf, window);
  const demand: Demand = {
    shipped,
    window,
    position: item.available + item.inbound - item.outbound,
  };
  const short = isShort(item, demand);
  const idleDays = daysSince(item.lastMovementDate, policy.asOf);
  const slow = item.onHand > 0 && (idleDays === null || idleDays >= policy.slowMoverDays);
  const flags: StockFlag[] = [];
  if (short) flags.push('short');
  if (isOverstock(demand, policy.overstockCoverDays)) flags.push('overstock');
  if (slow) flags.push('slow-mover');
  return {
    locationCode: item.locationCode,
    sku: item.sku,
    shippedInWindow: shipped,
    ratePerDay: Math.round((shipped * 100) / window) / 100,
    position: demand.position,
    coverDays: coverDaysOf(demand),
    suggestedQuantity: short ? suggestedQuantity(item, demand, policy.reviewPeriodDays) : 0,
    daysSinceMovement: idleDays,
    stockAgeDays: averageStockAgeDays({ ...item, asOf: policy.asOf }),
    flags,
  };
}

/** Assesses every item; input already parsed with `replenishmentInputSchema`. */
export function suggestReplenishment(
  items: readonly ReplenishmentItem[],
  policy: ReplenishmentPolicy,
): ReplenishmentLine[] {
  return items.map((item) => assessStockItem(item, policy));
}
