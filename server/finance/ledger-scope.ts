// What an allocations push needs of the ledger, so it loads only that part (the
// "reconciliation sheet": finance confirms a handful of rows at a time, and the demo books a
// year of them): the dealers it touches — each row's dealer, the dealer owning each row's target
// (an order, or the shipment an invoice bills) and the dealer of each stored row it changes, so
// a target of another dealer is still found and refused as dealer-mismatch — and the live
// allocations of the receipts it allocates from.
import type { ParsedMutation } from '../sync/handler';
import type { Db } from '../store/db';
import { shipmentDealers } from '../datasets/shipment-records';
import { inChunks } from '../store/chunks';
import { fin, type FinAllocationsTable } from './tables';

interface Target {
  kind: string;
  id: string;
}

function targetsOf(
  mutations: readonly ParsedMutation[],
  stored: ReadonlyMap<string, FinAllocationsTable>,
): Target[] {
  const targets: Target[] = [];
  for (const m of mutations) {
    if (m.op === 'delete') continue;
    const { targetKind, targetId } = m.values;
    if (typeof targetKind === 'string' && typeof targetId === 'string')
      targets.push({ kind: targetKind, id: targetId });
  }
  for (const row of stored.values())
    if (row.target_id !== null) targets.push({ kind: row.target_kind, id: row.target_id });
  return targets;
}

async function orderOwners(db: Db, orderIds: readonly string[]): Promise<string[]> {
  const rows = await inChunks(orderIds, (ids) =>
    db.selectFrom('orders').select('dealer_code').where('id', 'in', ids).execute(),
  );
  return rows.map((r) => r.dealer_code);
}

/** Invoice INV-<shipment id> belongs to the dealer of the shipment's order line. */
export async function invoiceOwners(db: Db, invoiceIds: readonly string[]): Promise<string[]> {
  return shipmentDealers(
    db,
    invoiceIds.flatMap((id) => (id.startsWith('INV-') ? [id.slice(4)] : [])),
  );
}

export async function allocationDealers(
  db: Db,
  mutations: readonly ParsedMutation[],
  stored: ReadonlyMap<string, FinAllocationsTable>,
): Promise<string[]> {
  const codes = new Set<string>();
  for (const m of mutations)
    if (typeof m.values?.dealerCode === 'string') codes.add(m.values.dealerCode);
  for (const row of stored.values()) codes.add(row.dealer_code);
  const targets = targetsOf(mutations, stored);
  const ids = (kind: string) => targets.filter((t) => t.kind === kind).map((t) => t.id);
  for (const code of await orderOwners(db, ids('order-deposit'))) codes.add(code);
  for (const code of await invoiceOwners(db, ids('invoice'))) codes.add(code);
  return [...codes].sort();
}

/** The live allocations drawn from the given receipts. */
export async function receiptAllocations(db: Db, receiptIds: readonly string[]) {
  return inChunks(receiptIds, (ids) =>
    fin(db)
      .selectFrom('fin_allocations')
      .selectAll()
      .where('receipt_id', 'in', ids)
      .where('deleted', '=', 0)
      .execute(),
  );
}
