// Pull "orders": every line with its order number, line number, status, shipped quantity and
// amount (fen). Filters: from/to (order date), dealer, region (the dealer's region or below),
// location. A region-limited sales user sees only dealers of their regions. In a delta pull a
// changed line that no longer matches is sent as op 'delete' so the sheet drops it.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database, OrderLinesTable } from '../store/schema';
import type { PullPage, PullRequest } from '../sync/handler';
import { lineFromRow, pullValues } from './orders-store';
import { allRecords } from './records-store';
import { loadRegions, regionsUnder, type DealerRef } from './stock-refs';

type Eb = ExpressionBuilder<Database, 'order_lines'>;

interface Scope {
  from?: string;
  to?: string;
  dealer?: string;
  location?: string;
  /** Dealers allowed by the region filter and the user's regions; absent when not limited. */
  dealers?: Set<string>;
}

async function dealersIn(request: PullRequest): Promise<Set<string> | undefined> {
  const limits: string[][] = [];
  if (request.filter.region) limits.push([request.filter.region]);
  const user = request.user;
  if (user.role === 'sales' && user.regions.length > 0) limits.push(user.regions);
  if (limits.length === 0) return undefined;
  const regions = await loadRegions(request.db);
  const allowed = limits.map((codes) => regionsUnder(codes, regions));
  const dealers = [...(await allRecords(request.db, 'dealers')).values()].map(
    (r) => r.values as DealerRef,
  );
  return new Set(
    dealers.filter((d) => allowed.every((set) => set.has(d.regionCode))).map((d) => d.code),
  );
}

async function scopeOf(request: PullRequest): Promise<Scope> {
  const { from, to, dealer, location } = request.filter;
  const dealers = await dealersIn(request);
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(dealer ? { dealer } : {}),
    ...(location ? { location } : {}),
    ...(dealers ? { dealers } : {}),
  };
}

function matchesSql(eb: Eb, scope: Scope): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (scope.from) conditions.push(eb('order_date', '>=', scope.from));
  if (scope.to) conditions.push(eb('order_date', '<=', scope.to));
  if (scope.dealer) conditions.push(eb('dealer_code', '=', scope.dealer));
  if (scope.location) conditions.push(eb('location_code', '=', scope.location));
  // '' is no dealer: it keeps the list non-empty (PostgreSQL text cannot hold a NUL).
  if (scope.dealers) conditions.push(eb('dealer_code', 'in', [...scope.dealers, '']));
  return conditions;
}

function matches(row: OrderLinesTable, scope: Scope): boolean {
  return (
    (!scope.from || row.order_date >= scope.from) &&
    (!scope.to || row.order_date <= scope.to) &&
    (!scope.dealer || row.dealer_code === scope.dealer) &&
    (!scope.location || row.location_code === scope.location) &&
    (!scope.dealers || scope.dealers.has(row.dealer_code))
  );
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
  const page: PullPage['rows'] = rows.map((row) => {
    const line = lineFromRow(row);
    const op = matches(row, scope) ? 'upsert' : 'delete';
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
