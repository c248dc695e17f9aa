// An open item is what a receipt can pay: an unshipped order (a deposit or prepayment, 订金) or
// an invoice raised at shipment. Matching ranks them, allocation settles them oldest first.
import { z } from 'zod';
import { businessDateSchema } from './dates';
import { positiveFenSchema } from './money';

const openItemKindSchema = z.enum(['order', 'invoice']);

export const openItemSchema = z.object({
  kind: openItemKindSchema,
  id: z.string().min(1),
  dealerCode: z.string().min(1),
  /** For an invoice: the order it bills, so a remark quoting the order number finds it. */
  orderId: z.string().min(1).optional(),
  date: businessDateSchema,
  dueDate: businessDateSchema.optional(),
  openAmount: positiveFenSchema,
});
export type OpenItem = z.infer<typeof openItemSchema>;

/**
 * Oldest first: by due date (an item without one is due on its own date), then date, then id,
 * so the order is total and the same input always allocates the same way.
 */
export function compareOldestFirst(a: OpenItem, b: OpenItem): number {
  return (
    compareText(a.dueDate ?? a.date, b.dueDate ?? b.date) ||
    compareText(a.date, b.date) ||
    compareText(a.id, b.id)
  );
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
