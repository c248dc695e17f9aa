// What a return is checked against: the shipment it names (SH-…, a `shipments` record) with its
// order line's dealer, SKU, location and price — the price it was invoiced at
// (server/finance/ledger-sources.ts: one invoice INV-<shipment id> per shipment) — and what has
// already been returned of it. Read by key, never by walking history.
import { shipmentsById } from '../datasets/shipment-records';
import { linesById } from '../datasets/orders-store';
import type { Db } from '../store/db';
import { inChunks } from '../store/chunks';
import { lockKeys, lockSpace } from '../store/locks';
import { rt } from './tables';

export interface ShippedLine {
  shipmentId: string;
  date: string;
  dealerCode: string;
  skuCode: string;
  locationCode: string;
  orderId: string;
  lineId: string;
  quantity: number;
  unitPrice: number;
}

export const invoiceOf = (shipmentId: string) => `INV-${shipmentId}`;

export async function loadShipped(
  db: Db,
  shipmentIds: readonly string[],
): Promise<Map<string, ShippedLine>> {
  const records = await shipmentsById(db, [...new Set(shipmentIds)]);
  const lineIds = [...records.values()].map((r) => String(r.values.lineId));
  const lines = await linesById(db, lineIds);
  const shipped = new Map<string, ShippedLine>();
  for (const [id, record] of records) {
    const line = lines.get(String(record.values.lineId));
    if (record.deleted || !line) continue;
    shipped.set(id, {
      shipmentId: id,
      date: String(record.values.date),
      dealerCode: line.values.dealerCode,
      skuCode: line.values.skuCode,
      locationCode: line.values.locationCode,
      orderId: line.orderId,
      lineId: line.id,
      quantity: Number(record.values.quantity),
      unitPrice: line.values.unitPrice,
    });
  }
  return shipped;
}

/**
 * Units already returned per shipment: every return line not rejected (awaiting ones too). A
 * push (`forUpdate`) first takes the shipments' locks, so two instances on PostgreSQL check a
 * shipment's cap in turn (docs/postgresql.md); a pull reads without them.
 */
export async function loadReturned(
  db: Db,
  shipmentIds: readonly string[],
  forUpdate = false,
): Promise<Map<string, number>> {
  if (forUpdate) await lockKeys(db, lockSpace.shipmentReturns, [...new Set(shipmentIds)]);
  const rows = await inChunks(shipmentIds, (ids) =>
    rt(db)
      .selectFrom('return_lines')
      .select(['shipment_id', 'quantity'])
      .where('shipment_id', 'in', ids)
      .where('status', '!=', 'rejected')
      .execute(),
  );
  const returned = new Map<string, number>();
  for (const row of rows)
    returned.set(row.shipment_id, (returned.get(row.shipment_id) ?? 0) + row.quantity);
  return returned;
}
