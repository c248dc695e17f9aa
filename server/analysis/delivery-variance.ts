// 订单回货差异 (DA1) per order line and rolled up per dealer, by the shared rule
// (shared/analysis/variance.ts) as of today (or the `to` filter): ordered, shipped, short,
// fill rate (basis points), days late against the requested date (the order date when none
// was asked). A line cancelled before anything shipped is no delivery and is left out; one
// cancelled after a partial shipment counts as closed short. `from`/`to` filter the order
// date. A snapshot pull: days late move with the calendar, so a refresh recomputes.
import { deliveryVarianceDataset } from '../../shared/analysis/datasets';
import { lineVariance, rollUpByDealer, type LineVariance } from '../../shared/analysis/variance';
import { sql } from 'kysely';
import type { Db } from '../store/db';
import { defineHandler, type DatasetHandler, type PullRequest } from '../sync/handler';
import { shanghaiDate } from '../sync/changes';
import { inScope, loadMasters, scopeOf, type Masters } from './masters';
import { compact, pageSnapshot, type DerivedRow } from './snapshot';

interface LineRow {
  id: string;
  dealer: string;
  sku: string;
  orderDate: string;
  requestedDate: string | null;
  quantity: number;
  shipped: number;
  lastShipped: string | null;
  cancelled: number;
}

async function selectLines(
  db: Db,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<LineRow[]> {
  const result = await sql<LineRow>`
    SELECT id, dealer_code AS dealer, sku_code AS sku, order_date AS "orderDate",
      requested_date AS "requestedDate", quantity, shipped_qty AS shipped,
      last_shipped_date AS "lastShipped", cancelled
    FROM order_lines
    WHERE NOT (cancelled = 1 AND shipped_qty = 0)
      AND order_date >= ${range.from ?? '0000-01-01'} AND order_date <= ${range.to ?? '9999-12-31'}
    ORDER BY id`.execute(db);
  return result.rows;
}

function varianceOf(row: LineRow, asOf: string): LineVariance {
  const shipments = row.lastShipped ? [{ date: row.lastShipped, quantity: row.shipped }] : [];
  const requestedDate = row.requestedDate ?? row.orderDate;
  const line = {
    orderNo: row.id,
    lineNo: 1,
    dealerCode: row.dealer,
    sku: row.sku,
    ordered: row.quantity,
    requestedDate,
    shipments,
    isClosed: row.cancelled === 1,
  };
  return lineVariance(line, asOf);
}

function lineRow(masters: Masters, row: LineRow, v: LineVariance, asOf: string): DerivedRow {
  const dealer = masters.dealers.get(v.dealerCode);
  return {
    key: `l:${row.id}`,
    values: compact({
      kind: 'line',
      dealerCode: v.dealerCode,
      dealerName: dealer?.name,
      regionCode: dealer?.regionCode,
      orderLineId: row.id,
      orderDate: row.orderDate,
      requestedDate: row.requestedDate ?? row.orderDate,
      skuCode: v.sku,
      lines: 1,
      ordered: v.ordered,
      shipped: v.shipped,
      short: v.short,
      fillRateBp: v.fillRateBp,
      lastShipmentDate: v.lastShipmentDate,
      daysLate: v.daysLate,
      lateLines: v.daysLate > 0 ? 1 : 0,
      asOf,
    }),
  };
}

async function deliveryVarianceRows(request: PullRequest): Promise<DerivedRow[]> {
  const masters = await loadMasters(request.db);
  const scope = scopeOf(masters, request.user, request.filter);
  const asOf = request.filter.to ?? shanghaiDate(request.now);
  const lines = (await selectLines(request.db, request.filter)).filter(
    (l) => inScope(scope.dealers, l.dealer) && inScope(scope.skus, l.sku),
  );
  const variances = lines.map((l) => varianceOf(l, asOf));
  const dealerRows = rollUpByDealer(variances).map((d) => ({
    key: `d:${d.dealerCode}`,
    values: compact({
      kind: 'dealer',
      dealerCode: d.dealerCode,
      dealerName: masters.dealers.get(d.dealerCode)?.name,
      regionCode: masters.dealers.get(d.dealerCode)?.regionCode,
      lines: d.lines,
      ordered: d.ordered,
      shipped: d.shipped,
      short: d.short,
      fillRateBp: d.fillRateBp,
      daysLate: d.maxDaysLate,
      lateLines: d.lateLines,
      asOf,
    }),
  }));
  return [
    ...lines.map((l, i) => lineRow(masters, l, variances[i] as LineVariance, asOf)),
    ...dealerRows,
  ];
}

export function deliveryVarianceHandler(): DatasetHandler {
  return defineHandler(deliveryVarianceDataset, {
    pull: async (request) => pageSnapshot(await deliveryVarianceRows(request), request),
  });
}
