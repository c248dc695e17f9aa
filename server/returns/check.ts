// The rules a new return line must keep (docs/returns.md), checked in push order so a later line
// sees what earlier lines took: the dataset's row rules, the shipment exists and went to the
// line's dealer, and the quantity is at most shipped − already returned (`return-over-shipped`,
// with that figure).
import { returnsDataset } from '../../shared/returns/datasets';
import type { ReturnLine } from '../../shared/returns/rows';
import type { RowProblem } from '../../shared/row-errors';
import type { Role } from '../../shared/roles';
import type { ShippedLine } from './shipped';

export interface ReturnCheck {
  role: Role;
  shipped: ReadonlyMap<string, ShippedLine>;
  /** Units returned per shipment so far, this push's accepted lines included. */
  returned: Map<string, number>;
}

export function returnProblems(check: ReturnCheck, line: ReturnLine): RowProblem[] {
  const context = { attribute: () => undefined, role: check.role };
  const ruled = (returnsDataset.rules ?? []).flatMap((rule) => rule(line, context));
  if (ruled.length > 0) return ruled;
  const shipment = check.shipped.get(line.shipmentId);
  if (!shipment) {
    const params = { value: line.shipmentId };
    return [{ field: 'shipmentId', code: 'return-unknown-shipment', params }];
  }
  if (shipment.dealerCode !== line.dealerCode) {
    const params = { shipment: line.shipmentId, dealer: shipment.dealerCode };
    return [{ field: 'dealerCode', code: 'return-dealer-mismatch', params }];
  }
  const returned = check.returned.get(line.shipmentId) ?? 0;
  const returnable = shipment.quantity - returned;
  if (line.quantity <= returnable) return [];
  const params = { returnable, shipped: shipment.quantity, returned };
  return [{ field: 'quantity', code: 'return-over-shipped', params }];
}

export function takeReturned(check: ReturnCheck, line: ReturnLine, sign: 1 | -1 = 1): void {
  const before = check.returned.get(line.shipmentId) ?? 0;
  check.returned.set(line.shipmentId, before + sign * line.quantity);
}
