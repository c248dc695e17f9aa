// Average stock age (库龄) by FIFO receipt layers: goods leave oldest first, so the units
// on hand are the most recent receipts. Walking the receipts newest first until the
// on-hand quantity is covered gives each unit its receipt date; the average age is the
// unit-weighted mean of (asOf − receipt date), in days, rounded half up to one decimal.
// Units the receipts do not explain (an opening balance) are aged from `openingStockDate`,
// or, if absent, from the oldest receipt (a lower bound). Receipts after `asOf` are ignored.
import { z } from 'zod';
import { businessDateSchema, daysBetween } from './calendar';

export const stockLayerSchema = z.object({
  date: businessDateSchema,
  quantity: z.number().int().min(0),
});
type StockLayer = z.infer<typeof stockLayerSchema>;

export type StockAgeInput = {
  onHand: number;
  /** Receipt layers, oldest first. */
  receipts: readonly StockLayer[];
  asOf: string;
  openingStockDate?: string | undefined;
};

/** Unit-weighted FIFO age of the on-hand units in days; null when nothing is on hand or undatable. */
export function averageStockAgeDays(input: StockAgeInput): number | null {
  const { onHand, receipts, asOf } = input;
  if (onHand <= 0) return null;
  let remaining = onHand;
  let unitDays = 0;
  for (let i = receipts.length - 1; i >= 0 && remaining > 0; i -= 1) {
    const layer = receipts[i];
    if (layer === undefined || layer.date > asOf) continue;
    const taken = Math.min(remaining, layer.quantity);
    unitDays += taken * daysBetween(layer.date, asOf);
    remaining -= taken;
  }
  if (remaining > 0) {
    const openingDate = input.openingStockDate ?? receipts.find((r) => r.date <= asOf)?.date;
    if (openingDate === undefined) return null;
    unitDays += remaining * daysBetween(openingDate, asOf);
  }
  return Math.floor((2 * unitDays * 10 + onHand) / (2 * onHand)) / 10;
}
