// The rules a new return line must keep (docs/returns.md), checked in push order so a later line
// sees what earlier lines took: the dataset's row rules, a region-limited sales user serves the
// dealer's region (as on orders), the shipment exists and went to the
// line's dealer, and the quantity is at most shipped − already returned (`return-over-shipped`,
// with that figure).
import { returnsDataset } from '../../shared/returns/datasets';
import type { ReturnLine } from '../../shared/returns/rows';
import type { RowProblem } from '../../shared/row-errors';
import type { Role } from '../../shared/roles';
import { recordsById } from '../datasets/records-store';
import { loadRegions, userMayServe } from '../datasets/stock-refs';
import type { WriteContext } from '../sync/handler';
import type { ShippedLine } from './shipped';

export interface ReturnCheck {
  role: Role;
  /** The dealer's region when the user may not serve it (a region-limited sales user). */
  outOfRegion: (dealerCode: string) => string | undefined;
  shipped: ReadonlyMap<string, ShippedLine>;
  /** Units returned per shipment so far, this push's accepted lines included. */
  returned: Map<string, number>;
}

export function returnProblems(check: ReturnCheck, line: ReturnLine): RowProblem[] {
  const context = { attribute: () => undefined, role: check.role };
  const ruled = (returnsDataset.rules ?? []).flatMap((rule) => rule(line, context));
  if (ruled.length > 0) return ruled;
  const region = check.outOfRegion(line.dealerCode);
  if (region !== undefined)
    return [{ field: 'dealerCode', code: 'region-not-allowed', params: { region } }];
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

/** Who a region-limited sales user may not serve among `dealers` (orders' rule, stock-refs). */
export async function regionGuard(
  ctx: WriteContext,
  dealers: readonly string[],
): Promise<(dealerCode: string) => string | undefined> {
  const { user } = ctx.actor;
  if (user.role !== 'sales' || user.regions.length === 0) return () => undefined;
  const records = await recordsById(ctx.trx, 'dealers', [...new Set(dealers)]);
  const regions = await loadRegions(ctx.trx);
  return (dealerCode) => {
    const region = records.get(dealerCode)?.values.regionCode;
    const code = typeof region === 'string' ? region : '';
    return userMayServe(user, code, regions) ? undefined : code;
  };
}
