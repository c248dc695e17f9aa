// After allocations change, each receipt they touch gets its allocated total and dealers
// recomputed from the live allocations, with a new version and change_seq so the bank-receipts
// pull and the reconciliation sheet show it.
import { groupConcatDistinct } from '../store/dialect';
import type { WriteContext } from '../sync/handler';
import { fin } from './tables';

export async function refreshReceipts(ctx: WriteContext, receiptIds: readonly string[]) {
  const db = fin(ctx.trx);
  for (const id of [...new Set(receiptIds)].sort()) {
    const totals = await db
      .selectFrom('fin_allocations')
      .select((eb) => eb.fn.sum<number | null>('amount').as('allocated'))
      .select(groupConcatDistinct(db, 'dealer_code').as('dealers'))
      .where('receipt_id', '=', id)
      .where('deleted', '=', 0)
      .executeTakeFirst();
    await db
      .updateTable('fin_receipts')
      .set((eb) => ({
        allocated: totals?.allocated ?? 0,
        dealer_codes: totals?.dealers ?? '',
        version: eb('version', '+', 1),
        change_seq: ctx.nextSeq(),
      }))
      .where('id', '=', id)
      .execute();
  }
}
