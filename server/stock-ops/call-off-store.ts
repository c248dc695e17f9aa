// Reads behind group-buy contracts and their call-offs (docs/group-buy.md): a contract's items,
// and what its live call-off lines have taken per item — read by the (contract, item) index of
// order_lines, so the cost follows one contract's call-offs, not the order history.
import type { Db } from '../store/db';
import type { GroupContractItemsTable } from '../store/schema';

export const itemKey = (contract: string, item: string) => `${contract}|${item}`;

export async function contractItems(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, GroupContractItemsTable>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('group_contract_items')
    .selectAll()
    .where('contract_code', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [itemKey(r.contract_code, r.item_code), r]));
}

/** Quantity called off per contract item by lines not cancelled. */
export async function calledOffOf(db: Db, codes: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('order_lines')
    .select((eb) => [
      'contract_code',
      'contract_item',
      eb.fn.sum<number | string>('quantity').as('quantity'),
    ])
    .where('contract_code', 'in', unique)
    .where('cancelled', '=', 0)
    .groupBy(['contract_code', 'contract_item'])
    .execute();
  const called = new Map<string, number>();
  for (const r of rows)
    if (r.contract_code && r.contract_item)
      called.set(itemKey(r.contract_code, r.contract_item), Number(r.quantity));
  return called;
}
