// Which sell-out rows a pull shows: the `dealer` and `region` filters and, for a sales user
// limited to regions, those regions — each taken with every region below it, as the complaints
// and orders pulls do. A report's region is its dealer's region when it was pushed.
import type { PullRequest } from '../sync/handler';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';

interface SelloutScope {
  dealer?: string;
  /** Regions allowed by the filter and the user's regions; absent when neither limits. */
  regions?: Set<string>;
}

export async function scopeOf(request: PullRequest): Promise<SelloutScope> {
  const limits: string[][] = [];
  if (request.filter.region) limits.push([request.filter.region]);
  const { user } = request;
  if (user.role === 'sales' && user.regions.length > 0) limits.push(user.regions);
  const { dealer } = request.filter;
  const scope: SelloutScope = dealer ? { dealer } : {};
  if (limits.length === 0) return scope;
  const all = await loadRegions(request.db);
  const [first = new Set<string>(), ...rest] = limits.map((codes) => regionsUnder(codes, all));
  const allowed = new Set([...first].filter((code) => rest.every((set) => set.has(code))));
  return { ...scope, regions: allowed };
}

export function inScope(
  row: { dealer_code: string; scope_region: string },
  scope: SelloutScope,
): boolean {
  return (
    (scope.dealer === undefined || row.dealer_code === scope.dealer) &&
    (scope.regions === undefined || scope.regions.has(row.scope_region))
  );
}

/** A period [start, end] overlaps the pull's from/to dates. */
export function inDates(
  row: { period_start: string; period_end: string },
  filter: PullRequest['filter'],
): boolean {
  return (
    (!filter.from || row.period_end >= filter.from) && (!filter.to || row.period_start <= filter.to)
  );
}
