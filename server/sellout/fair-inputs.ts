// The "fair-inputs" dataset: carry-over per dealer × style, replaced when pushed again
// (keyed.ts) once the dealer exists and a region-limited sales user serves it; and what the
// fair guidance pull reads of sell-out: the carry-over and the units each dealer reported sold.
import { fairInputsDataset, type FairInputValues } from '../../shared/sellout/fair-inputs';
import { pullRecords } from '../datasets/master';
import { allRecords } from '../datasets/records-store';
import type { Db } from '../store/db';
import { defineHandler, type WriteContext } from '../sync/handler';
import { keyedHandler } from './keyed';
import { loadRefs, regionProblems } from './refs';

type Values = Record<string, unknown>;

async function checkInputs(ctx: WriteContext, rows: readonly Values[]) {
  const refs = await loadRefs(
    ctx,
    rows.map((v) => ({ dealerCode: String(v.dealerCode), skuCode: '' })),
  );
  return rows.map((v) => {
    const region = refs.dealerRegions.get(String(v.dealerCode));
    if (region === undefined)
      return [
        {
          field: 'dealerCode',
          code: 'unknown-dealer' as const,
          params: { value: String(v.dealerCode) },
        },
      ];
    return regionProblems(refs, region);
  });
}

export function fairInputsHandler() {
  const inner = keyedHandler(fairInputsDataset, {
    keyOf: (v) => `${String(v.dealerCode)}|${String(v.styleCode)}`,
    check: checkInputs,
  });
  return defineHandler(fairInputsDataset, {
    ...(inner.push ? { push: inner.push } : {}),
    pull: (request) =>
      pullRecords(fairInputsDataset.name, request, (v) =>
        request.filter.dealer === undefined ? true : v.dealerCode === request.filter.dealer,
      ),
  });
}

export interface CarryOver {
  carryOver: number;
  usablePercent: number;
}

/** Carry-over by dealer|style. */
export async function loadCarryOver(db: Db): Promise<Map<string, CarryOver>> {
  const found = new Map<string, CarryOver>();
  for (const record of (await allRecords(db, fairInputsDataset.name)).values()) {
    const v = record.values as Partial<FairInputValues>;
    found.set(record.id, { carryOver: v.carryOver ?? 0, usablePercent: v.usablePercent ?? 100 });
  }
  return found;
}

/** Units each dealer reported selling per SKU, over the reports whose period lies in [from, to]. */
export async function soldByDealerSku(db: Db, range: { from: string; to: string }) {
  const rows = await db
    .selectFrom('dealer_reports')
    .select([
      'dealer_code',
      'sku_code',
      (eb) => eb.fn.sum<number | string>('units_sold').as('sold'),
    ])
    .where('deleted', '=', 0)
    .where('period_start', '>=', range.from)
    .where('period_end', '<=', range.to)
    .groupBy(['dealer_code', 'sku_code'])
    .execute();
  return rows.map((r) => ({ dealer: r.dealer_code, sku: r.sku_code, quantity: Number(r.sold) }));
}
