// 入库 (goods receipts: on hand rises) and 调整 (adjustments: a signed correction that may not take
// on hand below what is reserved, nor below zero). Both name one location and one SKU.
import { adjustmentsDataset, goodsReceiptsDataset } from '../../shared/datasets';
import type { RowProblem } from '../../shared/row-errors';
import type { WriteContext } from '../sync/handler';
import { inDateRange, movementHandler, type MovementEnv } from './movements';
import { StockBook } from './stock-book';
import { checkLocation, checkSku, loadRefs, type MasterRefs } from './stock-refs';

export interface StockEnv extends MovementEnv {
  refs: MasterRefs;
}

/** Loads products, locations and balances for rows naming `locationFields` and `skuCode`. */
export async function prepareStock(
  ctx: WriteContext,
  rows: readonly Record<string, unknown>[],
  locationFields: readonly string[],
): Promise<StockEnv> {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const skus = rows.map((r) => text(r.skuCode));
  const locations = rows.flatMap((r) => locationFields.map((f) => text(r[f])));
  const refs = await loadRefs(ctx.trx, { skus, locations });
  const pairs = rows.flatMap((r) =>
    locationFields.map((f) => ({ location: text(r[f]), sku: text(r.skuCode) })),
  );
  return { ctx, refs, book: await StockBook.load(ctx.trx, pairs) };
}

function refProblems(
  env: StockEnv,
  values: { locationCode: string; skuCode: string },
): RowProblem[] {
  return [...checkLocation(env.refs, values.locationCode), ...checkSku(env.refs, values.skuCode)];
}

const atLocation = (values: Record<string, unknown>, location: string | undefined) =>
  !location || values.locationCode === location;

export function goodsReceiptsHandler() {
  return movementHandler(goodsReceiptsDataset, {
    prefix: 'GR',
    prepare: (ctx, rows) => prepareStock(ctx, rows, ['locationCode']),
    create(env: StockEnv, doc) {
      const { values } = doc;
      const problems = refProblems(env, values);
      if (problems.length > 0) return problems;
      const { locationCode: location, skuCode: sku, quantity, date } = values;
      env.book.change({ kind: 'receipt', location, sku, date, ref: doc.id, onHand: quantity });
      return [];
    },
    matches: (values, request) =>
      atLocation(values, request.filter.location) && inDateRange(values.date, request),
  });
}

export function adjustmentsHandler() {
  return movementHandler(adjustmentsDataset, {
    prefix: 'AD',
    prepare: (ctx, rows) => prepareStock(ctx, rows, ['locationCode']),
    create(env: StockEnv, doc) {
      const { values } = doc;
      const problems = refProblems(env, values);
      if (problems.length > 0) return problems;
      const { locationCode: location, skuCode: sku, quantity, date } = values;
      const available = env.book.available(location, sku);
      if (quantity < 0 && -quantity > available) {
        return [
          {
            field: 'quantity',
            code: 'insufficient-stock',
            params: { available: Math.max(0, available) },
          },
        ];
      }
      env.book.change({ kind: 'adjustment', location, sku, date, ref: doc.id, onHand: quantity });
      return [];
    },
    matches: (values, request) =>
      atLocation(values, request.filter.location) && inDateRange(values.date, request),
  });
}
