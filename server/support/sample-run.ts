// What one sample-issues push reads once (dealers' grades, items' reference prices, the quotas,
// the kept use, the stock of the locations issued from) and the checks an issue must pass:
// within the dealer's quota unless a manager allows more, and stock available at the location
// (docs/dealer-support.md, "Samples and promotional material").
import { sampleQuotasDataset } from '../../shared/support/datasets';
import type { SampleIssueValues } from '../../shared/support/samples';
import type { RowProblem } from '../../shared/row-errors';
import { allRecords, recordsById } from '../datasets/records-store';
import { StockBook, pairKey } from '../datasets/stock-book';
import type { WriteContext } from '../sync/handler';
import { loadUse, useKey, type Use } from './sample-use-store';
import { quotaKey } from './samples';

export interface SampleRun {
  grades: Map<string, string>;
  prices: Map<string, number>;
  quotas: Map<string, number>;
  use: Map<string, Use>;
  book: StockBook;
  /** Units planned out of each location × item by this push, not yet in the book. */
  taking: Map<string, number>;
  overQuota: boolean;
}

const liveValues = (records: Map<string, { deleted: boolean; values: Record<string, unknown> }>) =>
  [...records].filter(([, r]) => !r.deleted);

export async function openSampleRun(
  ctx: WriteContext,
  issues: readonly SampleIssueValues[],
): Promise<SampleRun> {
  const dealers = await recordsById(
    ctx.trx,
    'dealers',
    issues.map((v) => v.dealerCode),
  );
  const products = await recordsById(
    ctx.trx,
    'products',
    issues.map((v) => v.skuCode),
  );
  const quotas = new Map<string, number>();
  for (const record of (await allRecords(ctx.trx, sampleQuotasDataset.name)).values())
    quotas.set(record.id, Number(record.values.quantity));
  const pairs = issues.map((v) => ({ location: v.locationCode, sku: v.skuCode }));
  return {
    grades: new Map(liveValues(dealers).map(([id, r]) => [id, String(r.values.grade)])),
    prices: new Map(liveValues(products).map(([id, r]) => [id, Number(r.values.dealerPrice)])),
    quotas,
    use: await loadUse(ctx.trx, issues),
    book: await StockBook.load(ctx.trx, pairs),
    taking: new Map(),
    overQuota: ctx.options.overQuota === true,
  };
}

export function quotaProblems(run: SampleRun, v: SampleIssueValues): RowProblem[] {
  const grade = run.grades.get(v.dealerCode);
  if (grade === undefined) return []; // the reference check names the unknown dealer
  const quota = run.quotas.get(quotaKey(grade, v.season, v.skuCode));
  if (quota === undefined)
    return [{ field: 'skuCode', code: 'sample-no-quota', params: { grade, season: v.season } }];
  const used = run.use.get(useKey(v.dealerCode, v.season, v.skuCode))?.quantity ?? 0;
  if (used + v.quantity <= quota || run.overQuota) return [];
  const params = { season: v.season, quota, used, left: quota - used, quantity: v.quantity };
  return [{ field: 'quantity', code: 'sample-over-quota', params }];
}

/** Stock at the location, less what this push already plans to take; plans the issue's units. */
export function takeStock(run: SampleRun, v: SampleIssueValues): RowProblem[] {
  const key = pairKey(v.locationCode, v.skuCode);
  const taking = run.taking.get(key) ?? 0;
  const available = run.book.available(v.locationCode, v.skuCode) - taking;
  if (v.quantity > available)
    return [
      {
        field: 'quantity',
        code: 'insufficient-stock',
        params: { available: Math.max(0, available) },
      },
    ];
  run.taking.set(key, taking + v.quantity);
  return [];
}

/** Adds (or with sign −1 takes back) an issue's units and value to the kept totals. */
export function countUse(run: SampleRun, v: SampleIssueValues & { value?: number }, sign: 1 | -1) {
  const key = useKey(v.dealerCode, v.season, v.skuCode);
  const use = run.use.get(key) ?? {
    dealer: v.dealerCode,
    season: v.season,
    sku: v.skuCode,
    quantity: 0,
    value: 0,
  };
  const value = v.value ?? 0;
  run.use.set(key, {
    ...use,
    quantity: use.quantity + sign * v.quantity,
    value: use.value + sign * value,
  });
}
