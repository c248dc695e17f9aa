// Which complaints a pull shows: the `region` filter and, for a sales user limited to regions,
// those regions — each taken with every region below it, as the orders and sales-facts pulls
// do (server/datasets/orders-pull.ts). A complaint's region is its dealer's region, or the
// region typed on a consumer complaint (`scope_region`).
import type { PullRequest } from '../sync/handler';
import type { ComplaintsTable } from '../store/schema';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';

interface ComplaintScope {
  dealer?: string;
  /** Regions allowed by the filter and the user's regions; absent when neither limits. */
  regions?: Set<string>;
}

export async function scopeOf(request: PullRequest): Promise<ComplaintScope> {
  const limits: string[][] = [];
  if (request.filter.region) limits.push([request.filter.region]);
  const { user } = request;
  if (user.role === 'sales' && user.regions.length > 0) limits.push(user.regions);
  const { dealer } = request.filter;
  const scope: ComplaintScope = dealer ? { dealer } : {};
  if (limits.length === 0) return scope;
  const all = await loadRegions(request.db);
  const sets = limits.map((codes) => regionsUnder(codes, all));
  const [first = new Set<string>(), ...rest] = sets;
  const allowed = new Set([...first].filter((code) => rest.every((set) => set.has(code))));
  return { ...scope, regions: allowed };
}

export function inScope(row: ComplaintsTable, scope: ComplaintScope): boolean {
  return (
    (scope.dealer === undefined || row.dealer_code === scope.dealer) &&
    (scope.regions === undefined || scope.regions.has(row.scope_region))
  );
}
