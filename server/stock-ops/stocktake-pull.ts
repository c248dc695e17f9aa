// Pulls of the stocktake datasets (docs/stocktake.md). With a location and a cut-off (`to`) the
// `stocktakes` pull is that location's count sheet: every SKU the location holds or held, its
// system quantity as of the end of the cut-off, and — where counted — the counted quantity, the
// variance and its value at cost. Without both it lists the counted lines of the counts within
// the filters. `stocktake-approvals` pulls one row per count with its totals. Both are computed
// (the system quantity moves with the ledger), so they page as snapshots.
import { totalsOf, varianceOf } from '../../shared/stock-ops/variance';
import { compact, pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { recordsById } from '../datasets/records-store';
import type { Db } from '../store/db';
import type { PullPage, PullRequest } from '../sync/handler';
import { loadCosts } from './costs';
import {
  countKey,
  countsWithin,
  lineKey,
  linesOf,
  systemAsOf,
  type CountKey,
  type LineRow,
} from './stocktake-store';

interface Facts {
  system: Map<string, number>;
  costs: Map<string, number>;
  names: Map<string, string>;
}

/** The figures of a line: a posted line keeps what it posted at, a pending one is live. */
export function lineFigures(line: LineRow, facts: Pick<Facts, 'system' | 'costs'>) {
  const posted = line.status === 'posted';
  return {
    counted: line.counted,
    system: posted ? (line.system_quantity ?? 0) : (facts.system.get(line.sku_code) ?? 0),
    unitCost: posted ? (line.unit_cost ?? undefined) : facts.costs.get(line.sku_code),
  };
}

function sheetRow(
  count: CountKey,
  sku: string,
  line: LineRow | undefined,
  facts: Facts,
): DerivedRow {
  const base = { locationCode: count.location, countDate: count.date, skuCode: sku };
  const productName = facts.names.get(sku);
  if (!line) {
    const values = {
      ...base,
      productName,
      systemQuantity: facts.system.get(sku) ?? 0,
      unitCost: facts.costs.get(sku),
      status: 'uncounted',
    };
    return { key: lineKey(count, sku), values: compact(values) };
  }
  const figures = lineFigures(line, facts);
  const { variance, value } = varianceOf(figures);
  const values = {
    ...base,
    productName,
    countedQuantity: line.counted,
    systemQuantity: figures.system,
    variance,
    unitCost: figures.unitCost,
    varianceValue: value,
    status: line.status,
  };
  return { key: lineKey(count, sku), values: compact(values) };
}

async function factsFor(db: Db, count: CountKey, skus: readonly string[]): Promise<Facts> {
  const names = new Map<string, string>();
  for (const record of (await recordsById(db, 'products', skus)).values())
    if (typeof record.values.name === 'string') names.set(record.id, record.values.name);
  return { system: await systemAsOf(db, count), costs: await loadCosts(db, skus), names };
}

async function countRows(db: Db, count: CountKey, wholeSheet: boolean): Promise<DerivedRow[]> {
  const lines = await linesOf(db, [count]);
  const counted = new Map([...lines.values()].map((l) => [l.sku_code, l]));
  const system = await systemAsOf(db, count);
  const skus = wholeSheet
    ? [...new Set([...system.keys(), ...counted.keys()])]
    : [...counted.keys()];
  const facts = { ...(await factsFor(db, count, skus)), system };
  return skus.map((sku) => sheetRow(count, sku, counted.get(sku), facts));
}

export async function pullCountSheet(request: PullRequest): Promise<PullPage> {
  const { location, to } = request.filter;
  if (location && to)
    return pageSnapshot(await countRows(request.db, { location, date: to }, true), request);
  const rows: DerivedRow[] = [];
  for (const count of await countsWithin(request.db, request.filter))
    rows.push(...(await countRows(request.db, count, false)));
  return pageSnapshot(rows, request);
}

export async function pullCountSummaries(request: PullRequest): Promise<PullPage> {
  const rows: DerivedRow[] = [];
  for (const count of await countsWithin(request.db, request.filter)) {
    const lines = [...(await linesOf(request.db, [count])).values()];
    const facts = {
      system: await systemAsOf(request.db, count),
      costs: await loadCosts(
        request.db,
        lines.map((l) => l.sku_code),
      ),
    };
    const totals = totalsOf(lines.map((l) => lineFigures(l, facts)));
    const posted = lines.find((l) => l.status === 'posted');
    const values = {
      locationCode: count.location,
      countDate: count.date,
      ...totals,
      status: lines.every((l) => l.status === 'posted') ? 'posted' : 'pending',
      postedBy: posted?.posted_by,
      postedAt: posted?.posted_at,
    };
    rows.push({ key: countKey(count), values: compact(values) });
  }
  return pageSnapshot(rows, request);
}
