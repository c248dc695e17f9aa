// Whom a pushed code is bound to (docs/market-order.md): the dealer typed, or — when the
// shipment number names a shipment in the store — that shipment's order's dealer, so a code
// list scanned at dispatch needs only the codes and the shipment number. A typed dealer must
// exist and agree with the shipment's.
import type { TraceCodeValues } from '../../shared/market/rows';
import type { RowProblem } from '../../shared/row-errors';
import { recordsById } from '../datasets/records-store';
import { dealersOfShipments } from '../datasets/shipment-records';
import type { Db } from '../store/db';

interface Consignees {
  dealers: ReadonlySet<string>;
  byShipment: ReadonlyMap<string, string>;
}

export async function loadConsignees(
  db: Db,
  rows: readonly TraceCodeValues[],
): Promise<Consignees> {
  const typed = await recordsById(
    db,
    'dealers',
    rows.flatMap((v) => (v.dealerCode ? [v.dealerCode] : [])),
  );
  const byShipment = await dealersOfShipments(
    db,
    rows.flatMap((v) => (v.shipmentRef ? [v.shipmentRef] : [])),
  );
  const dealers = new Set([...typed].filter(([, r]) => !r.deleted).map(([code]) => code));
  return { dealers, byShipment };
}

/** The dealer a row binds its code to (undefined: none named), or the problem with it. */
export function consigneeOf(
  v: TraceCodeValues,
  known: Consignees,
): { dealer?: string; problems: RowProblem[] } {
  const shipped = v.shipmentRef === undefined ? undefined : known.byShipment.get(v.shipmentRef);
  if (v.dealerCode === undefined)
    return shipped ? { dealer: shipped, problems: [] } : { problems: [] };
  if (shipped !== undefined && shipped !== v.dealerCode) {
    const params = { shipment: v.shipmentRef ?? '', dealer: shipped };
    return { problems: [{ field: 'dealerCode', code: 'trace-shipment-dealer', params }] };
  }
  if (!known.dealers.has(v.dealerCode)) {
    const params = { value: v.dealerCode };
    return { problems: [{ field: 'dealerCode', code: 'unknown-dealer', params }] };
  }
  return { dealer: v.dealerCode, problems: [] };
}
