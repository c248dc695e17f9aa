// The `sample-rotation` pull (docs/samples.md, "Rotation"): the showroom's samples per style
// (sample-stock), units shipped per style over the analysis settings' slow-mover period and
// sales window (ledger `shipment` lines, as the replenishment pull counts sales), and the
// shared rule that pairs slow styles on show with best-sellers the showroom lacks.
import { addDays } from '../../shared/finance/dates';
import { rotationList } from '../../shared/stock-ops/rotation';
import { loadAnalysisSettings } from '../analysis/settings';
import { compact, pageSnapshot } from '../analysis/snapshot';
import { recordsById } from '../datasets/records-store';
import type { Db } from '../store/db';
import { shanghaiDate } from '../sync/changes';
import type { PullRequest } from '../sync/handler';
import { sampleStock } from './samples-pull';

const BEST_SELLERS = 10;

/** Units shipped per style in (asOf − days, asOf]. */
async function shippedByStyle(db: Db, range: { asOf: string; days: number }) {
  const rows = await db
    .selectFrom('stock_ledger')
    .select((eb) => ['sku_code', eb.fn.sum<number | string>('on_hand_delta').as('delta')])
    .where('kind', '=', 'shipment')
    .where('business_date', '>', addDays(range.asOf, -range.days))
    .where('business_date', '<=', range.asOf)
    .groupBy('sku_code')
    .execute();
  const products = await recordsById(
    db,
    'products',
    rows.map((r) => r.sku_code),
  );
  const byStyle = new Map<string, number>();
  for (const row of rows) {
    const style = products.get(row.sku_code)?.values.styleCode;
    const code = typeof style === 'string' ? style : row.sku_code;
    byStyle.set(code, (byStyle.get(code) ?? 0) - Number(row.delta));
  }
  return byStyle;
}

export async function pullSampleRotation(request: PullRequest) {
  const asOf = request.filter.to ?? shanghaiDate(request.now);
  const settings = await loadAnalysisSettings(request.db);
  const samples = new Map<string, number>();
  for (const s of await sampleStock(request.db, request.filter.location))
    samples.set(s.styleCode, (samples.get(s.styleCode) ?? 0) + s.inShowroom + s.onLoan);
  const rows = rotationList({
    samples,
    shippedSlowPeriod: await shippedByStyle(request.db, {
      asOf,
      days: settings['slow-mover-days'],
    }),
    shippedWindow: await shippedByStyle(request.db, { asOf, days: settings['sales-window-days'] }),
    size: BEST_SELLERS,
  });
  return pageSnapshot(
    rows.map((row) => ({ key: String(row.rank).padStart(4, '0'), values: compact({ ...row }) })),
    request,
  );
}
