// When and how an accepted order ships: most in full a few days after the order, some in two
// parts, some short-shipped for good (订单回货差异), fair orders at their delivery date, a few
// regular orders cancelled the next day. Shipments dated after "today" are left for the future.
import { addDays } from './calendar';
import type { DraftOrder } from './demand';
import type { Random } from './random';

interface PlacedLine {
  rowKey: string;
  quantity: number;
  packSize: number;
}

interface ShipmentStep {
  date: string;
  lineKey: string;
  quantity: number;
  waybill: string;
}

interface ShippingPlan {
  cancelOn?: string;
  steps: ShipmentStep[];
}

const carriers = ['SF', 'DPK', 'JD', 'ZTO'];

const waybill = (random: Random) =>
  random.pick(carriers) +
  String(random.int(100_000, 999_999)) +
  String(random.int(100_000, 999_999));

function firstShipDate(random: Random, order: DraftOrder): string {
  if (order.orderType === 'fair') return addDays(order.requestedDate, random.int(-3, 5));
  if (order.orderType === 'group') return addDays(order.orderDate, random.int(7, 20));
  return addDays(
    order.orderDate,
    order.orderType === 'replenishment' ? random.int(1, 2) : random.int(1, 4),
  );
}

/** Whole packs, at least one, strictly less than the line when it can be. */
function partOf(line: PlacedLine, share: number): number {
  const packs = Math.floor((line.quantity * share) / line.packSize);
  return Math.min(Math.max(packs, 1) * line.packSize, line.quantity);
}

export function planShipping(
  random: Random,
  order: DraftOrder,
  lines: readonly PlacedLine[],
): ShippingPlan {
  const regular = order.orderType === 'normal' || order.orderType === 'replenishment';
  if (regular && random.chance(0.015)) return { cancelOn: addDays(order.orderDate, 1), steps: [] };
  const first = firstShipDate(random, order);
  const mode = random.weighted(
    ['full', 'split', 'short'] as const,
    (m) => ({ full: 78, split: 12, short: 10 })[m],
  );
  const steps: ShipmentStep[] = [];
  const firstBill = waybill(random);
  const later = { date: addDays(first, random.int(4, 10)), bill: waybill(random) };
  for (const line of lines) {
    const cut = mode !== 'full' && line.quantity > line.packSize && random.chance(0.6);
    const part = cut ? partOf(line, 0.4 + random.next() * 0.4) : line.quantity;
    steps.push({ date: first, lineKey: line.rowKey, quantity: part, waybill: firstBill });
    if (mode === 'split' && part < line.quantity) {
      steps.push({
        date: later.date,
        lineKey: line.rowKey,
        quantity: line.quantity - part,
        waybill: later.bill,
      });
    }
  }
  return { steps };
}
