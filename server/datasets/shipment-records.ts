// The one module that knows how a shipment is stored: a document in `records` (dataset
// `shipments`) whose JSON carries the order line it ships (`lineId`), its business `date` and
// its `quantity`; the writer is the shipments handler (movements-shipments.ts). Finance (one
// invoice per shipment), credit exposure and the analysis pulls read shipments only through
// what this file exports, so the storage can change here alone (docs/architecture.md).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../store/db';
import { inChunks } from '../store/chunks';
import { isPostgres, jsonInt, jsonText } from '../store/dialect';
import { allRecords, recordsById, type StoredRecord } from './records-store';

/**
 * The stored fields of the shipment rows aliased `alias`. The dataset is written as a literal
 * (never a bound parameter): the partial expression indexes of migrations 003 and 005 name it,
 * and a planner only uses a partial index when the query names the same literal.
 */
export function shipmentColumns(db: Db, alias = 'r') {
  const data = `${alias}.data`;
  return {
    lineId: jsonText(db, data, 'lineId'),
    date: jsonText(db, data, 'date'),
    quantity: jsonInt(db, data, 'quantity'),
    isShipment: sql`${sql.ref(`${alias}.dataset`)} = 'shipments'`,
  };
}

/** `FROM` every live shipment `r` joined to its order line `l`. */
export function liveShipmentsWithLines(db: Db): RawBuilder<unknown> {
  const s = shipmentColumns(db);
  return sql`FROM records r JOIN order_lines l ON l.id = ${s.lineId}
  WHERE ${s.isShipment} AND r.deleted = 0`;
}

/**
 * Every live shipment, or those of the given order lines. Without statistics SQLite would
 * rather walk every shipment than look up a list of lines in the expression index, so the index
 * is named (PostgreSQL plans with statistics and has no INDEXED BY).
 */
export async function shipmentsOfLines(
  db: Db,
  lineIds?: readonly string[],
): Promise<(readonly [string, Pick<StoredRecord, 'values'>])[]> {
  if (lineIds === undefined) return [...(await allRecords(db, 'shipments'))];
  const rows = await inChunks(lineIds, async (ids) => {
    const indexed = isPostgres(db) ? sql`` : sql`INDEXED BY records_shipment_line`;
    const result = await sql<{ id: string; data: string }>`
      SELECT id, data FROM records ${indexed}
      WHERE dataset = 'shipments' AND ${jsonText(db, 'data', 'lineId')} IN (${sql.join(ids)})
        AND deleted = 0`.execute(db);
    return result.rows;
  });
  return rows.map(
    (r) => [r.id, { values: JSON.parse(r.data) as Record<string, unknown> }] as const,
  );
}

/** The stored shipments of `shipmentIds` by id, deleted ones too (a live one wins an id). */
export function shipmentsById(
  db: Db,
  shipmentIds: readonly string[],
): Promise<Map<string, StoredRecord>> {
  return recordsById(db, 'shipments', shipmentIds);
}

/** The order line each of the given shipments ships, by shipment id (unknown ids are absent). */
export async function shipmentLineIds(
  db: Db,
  shipmentIds: readonly string[],
): Promise<Map<string, string>> {
  const lineOf = new Map<string, string>();
  for (const [id, record] of await shipmentsById(db, shipmentIds))
    if (typeof record.values.lineId === 'string') lineOf.set(id, record.values.lineId);
  return lineOf;
}

/** Each shipment of `shipmentIds` with its order line's dealer; `live`: leave deleted ones out. */
async function shipmentDealerRows(db: Db, shipmentIds: readonly string[], live: boolean) {
  const s = shipmentColumns(db);
  return inChunks(shipmentIds, async (ids) => {
    const result = await sql<{ id: string; dealer_code: string }>`
      SELECT r.id, l.dealer_code FROM records r
      JOIN order_lines l ON l.id = ${s.lineId}
      WHERE ${s.isShipment} ${live ? sql`AND r.deleted = 0` : sql``}
        AND r.id IN (${sql.join(ids)})`.execute(db);
    return result.rows;
  });
}

/** The dealer of each live shipment of `shipmentIds` (its order line's), by shipment id. */
export async function dealersOfShipments(
  db: Db,
  shipmentIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await shipmentDealerRows(db, shipmentIds, true);
  return new Map(rows.map((r) => [r.id, r.dealer_code]));
}

/** The dealers whose order lines the given shipments ship (deleted shipments too). */
export async function shipmentDealers(db: Db, shipmentIds: readonly string[]): Promise<string[]> {
  return (await shipmentDealerRows(db, shipmentIds, false)).map((r) => r.dealer_code);
}
