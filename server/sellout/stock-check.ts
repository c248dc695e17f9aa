// The 进销存 check over the stored reports (docs/sell-out.md): the live reports in scope, in
// period order per dealer × SKU, each with its terms from stock-terms.ts, through the pure rule
// (shared/sellout/stock-flow.ts); the value of a difference is units × the SKU's dealer price.
// Earlier periods are always read, whatever the from/to filter, because each opening is the
// previous report's closing.
import { checkStockFlow, type StockFlowLine } from '../../shared/sellout/stock-flow';
import { allRecords } from '../datasets/records-store';
import type { Db } from '../store/db';
import type { DealerReportsTable } from '../store/schema';
import { loadTerms, sumBetween, type TermBook } from './stock-terms';

export interface CheckedLine extends StockFlowLine {
  report: DealerReportsTable;
  value: number;
  reason?: string;
}

function termsOf(book: TermBook, reports: readonly DealerReportsTable[]) {
  return reports.map((report, i) => {
    const pair = `${report.dealer_code}|${report.sku_code}`;
    const previous = reports[i - 1];
    const window = {
      ...(previous ? { after: previous.period_end } : {}),
      start: report.period_start,
      end: report.period_end,
    };
    return {
      period: report.period,
      shipped: sumBetween(book.shipped.get(pair), window),
      returns: sumBetween(book.returns.get(pair), window),
      transfersOut: sumBetween(book.transfersOut.get(pair), window),
      transfersIn: sumBetween(book.transfersIn.get(pair), window),
      sold: report.units_sold,
      reportedClosing: report.closing_stock,
      ...(report.opening_stock === null ? {} : { openingFigure: report.opening_stock }),
    };
  });
}

/** Reports sorted by dealer, SKU and period, cut into one run per dealer × SKU. */
function pairsOf(reports: readonly DealerReportsTable[]): DealerReportsTable[][] {
  const groups: DealerReportsTable[][] = [];
  let current: DealerReportsTable[] = [];
  for (const report of reports) {
    const head = current[0];
    if (head && (head.dealer_code !== report.dealer_code || head.sku_code !== report.sku_code)) {
      groups.push(current);
      current = [];
    }
    current.push(report);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Every checked line of the live reports (of one dealer, and one SKU, when named). */
export async function checkReports(
  db: Db,
  only: { dealer?: string; sku?: string } = {},
): Promise<CheckedLine[]> {
  let query = db.selectFrom('dealer_reports').selectAll().where('deleted', '=', 0);
  if (only.dealer !== undefined) query = query.where('dealer_code', '=', only.dealer);
  if (only.sku !== undefined) query = query.where('sku_code', '=', only.sku);
  const reports = await query
    .orderBy('dealer_code')
    .orderBy('sku_code')
    .orderBy('period_start')
    .execute();
  if (reports.length === 0) return [];
  const from = reports.reduce((min, r) => (r.period_start < min ? r.period_start : min), '9999');
  const to = reports.reduce((max, r) => (r.period_end > max ? r.period_end : max), '0000');
  const book = await loadTerms(db, { from, to, ...(only.dealer ? { dealer: only.dealer } : {}) });
  const prices = await allRecords(db, 'products');
  const reasons = new Map(
    (await db.selectFrom('stock_difference_reasons').selectAll().execute()).map((r) => [
      r.report_id,
      r,
    ]),
  );
  const lines: CheckedLine[] = [];
  for (const group of pairsOf(reports)) {
    const sku = group[0]?.sku_code ?? '';
    const price = Number(prices.get(sku)?.values.dealerPrice ?? 0);
    const checked = checkStockFlow(termsOf(book, group));
    group.forEach((report, k) => {
      const line = checked[k];
      if (!line) return;
      const explained = reasons.get(report.id);
      lines.push({
        ...line,
        report,
        value: line.difference * price,
        ...(explained && explained.difference === line.difference
          ? { reason: explained.reason }
          : {}),
      });
    });
  }
  return lines;
}
