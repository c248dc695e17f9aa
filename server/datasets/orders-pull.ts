// Pull "orders": every line with its order number, line number, status, shipped quantity and
// amount (fen). Filters: from/to (order date), dealer, region (the dealer's region or below),
// location. A region-limited sales user sees only dealers of their regions. In a delta pull a
// changed line that no longer matches is sent as op 'delete' so the sheet drops it. A region
// limit looks each line's dealer up by its code (records.region_code); a page reads the
// dealers of its own lines only, never every dealer.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database, OrderLinesTable } from '../store/schema';
import type { PullPage, PullRequest } from '../sync/handler';
import { lineFromRow, pullValues } from './orders-store';
import { recordsById } from './records-store';
import { loadRegions, regionsUnder } from './stock-refs';

type Eb = ExpressionBuilder<Database, 'order_lines'>;

interface Scope {
  from?: string;
  to?: string;
  dealer?: string;
  location?: string;
  /** Each set of regions a line's dealer must be in (the filter's, the user's); none: any. */
  regions: Set<string>[];
}

async function scopeOf(request: PullRequest): Promise<Scope> {
  const { from, to, dealer, location } = request.filter;
  const limits: string[][] = [];
  if (request.filter.region) limits.push([request.filter.region]);
  const user = request.user;
  if (user.role === 'sales' && user.regions.length > 0) limits.push(user.regions);
  const all = limits.length > 0 ? await loadRegions(request.db) : [];
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(dealer ? { dealer } : {}),
    ...(location ? { location } : {}),
    regions: limits.map((codes) => regionsUnder(codes, all)),
  };
}

function matchesSql(eb: Eb, scope: Scope): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (scope.from) conditions.push(eb('order_date', '>=', scope.from));
  if (scope.to) conditions.push(eb('order_date', '<=', scope.to));
  if (scope.dealer) conditions.push(eb('dealer_code', '=', scope.dealer));
  if (scope.location) conditions.push(eb('location_code', '=', scope.location));
  for (const regions of scope.regions)
    conditions.push(
      eb.exists(
        eb
          .selectFrom('records as d')
          .select(sql.lit(1).as('one'))
          .where('d.dataset', '=', 'dealers')
          .whereRef('d.id', '=', 'order_lines.dealer_code')
          .where('d.deleted', '=', 0)
          // '' is no region: it keeps the list non-empty (PostgreSQL text cannot hold a NUL).
          .where('d.region_code', 'in', [...regions, '']),
      ),
    );
  return conditions;
}

function matches(row: OrderLinesTable, scope: Scope, regionOf: Map<string, string>): boolean {
  const region = regionOf.get(row.dealer_code);
  return (
    (!scope.from || row.order_date >= scope.from) &&
    (!scope.to || row.order_date <= scope.to) &&
    (!scope.dealer || row.dealer_code === scope.dealer) &&
    (!scope.location || row.location_code === scope.location) &&
    scope.regions.every((regions) => region !== undefined && regions.has(region))
  );
}

/** The region of each live dealer of the page's lines, when a region limit needs it. */
async function regionsOfPage(request: PullRequest, scope: Scope, rows: OrderLinesTable[]) {
  const regionOf = new Map<string, string>();
  if (scope.regions.length === 0) return regionOf;
  const dealers = await recordsById(
    request.db,
    'dealers',
    rows.map((r) => r.dealer_code),
  );
  for (const [code, record] of dealers) {
    const region = record.values.regionCode;
    if (!record.deleted && typeof region === 'string') regionOf.set(code, region);
  }
  return regionOf;
}

export async function pullOrders(request: PullRequest): Promise<PullPage> {
  const scope = await scopeOf(request);
  const rows = await request.db
    .selectFrom('order_lines')
    .selectAll()
    .where('change_seq', '>', request.afterSeq)
    .where((eb) => {
      const conditions = matchesSql(eb, scope);
      // Lines that changed after the first load began are sent even when out of scope (as deletes).
      if (conditions.length === 0) return eb.lit(true);
      return eb.or([eb('change_seq', '>', request.skipTombstonesUpTo), eb.and(conditions)]);
    })
    .orderBy('change_seq')
    .limit(request.limit)
    .execute();
  const regionOf = await regionsOfPage(request, scope, rows);
  const page: PullPage['rows'] = rows.map((row) => {
    const line = lineFromRow(row);
    const op = matches(row, scope, regionOf) ? 'upsert' : 'delete';
    return {
      key: line.rowKey,
      version: line.version,
      op,
      values: { ...pullValues(line) },
      seq: line.changeSeq,
    };
  });
  return { rows: page, hasMore: rows.length === request.limit };
}
