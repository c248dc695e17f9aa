// 销售明细 (sales facts): one row per ordered line (`o:<lineId>`), one per
// shipment (`s:<shipmentId>`) and one per posted return line (`r:<returnLineId>`, negative:
// net sell-in is shipped + returned, docs/returns.md), with the calendar, region, dealer and product columns an
// analyst pivots on. A true delta pull: rows carry their source's change_seq, so a refresh
// sends only lines and shipments that changed; a cancelled line, a deleted shipment, or a
// row that left the filter travels as a tombstone.
import { isoWeekOf, monthOf, quarterOf } from '../../shared/analysis/calendar';
import { salesFactsDataset } from '../../shared/analysis/datasets';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';
import {
  defineHandler,
  type DatasetHandler,
  type PullPage,
  type PullRequest,
} from '../sync/handler';
import { mastersOf, regionPair, type Masters } from './masters';
import { selectFacts, type FactScope, type RawFact } from './sales-facts-query';
import { compact } from './snapshot';

type Calendar = { year: number; quarter: string; month: string; week: string };

function calendarOf(cache: Map<string, Calendar>, date: string): Calendar {
  let entry = cache.get(date);
  if (!entry) {
    const year = Number(date.slice(0, 4));
    entry = { year, quarter: quarterOf(date), month: monthOf(date), week: isoWeekOf(date) };
    cache.set(date, entry);
  }
  return entry;
}

const kindNames = { o: 'ordered', s: 'shipped', r: 'returned' } as const;

function factValues(masters: Masters, cache: Map<string, Calendar>, raw: RawFact) {
  const dealer = raw.dealer_code ? masters.dealers.get(raw.dealer_code) : undefined;
  const product = raw.sku_code ? masters.products.get(raw.sku_code) : undefined;
  const { region, parent } = regionPair(masters, dealer);
  const quantity = raw.quantity ?? 0;
  return compact({
    kind: kindNames[raw.kind],
    date: raw.date,
    ...(raw.date ? calendarOf(cache, raw.date) : {}),
    regionCode: dealer?.regionCode,
    regionName: region?.name,
    parentRegionCode: parent?.code,
    parentRegionName: parent?.name,
    dealerCode: raw.dealer_code,
    dealerName: dealer?.name,
    grade: dealer?.grade,
    channel: dealer?.channel,
    skuCode: raw.sku_code,
    styleCode: product?.styleCode,
    colour: product?.colour,
    size: product?.size,
    category: product?.category,
    quantity,
    amount: quantity * (raw.unit_price ?? 0),
    orderType: raw.order_type,
    orderLineId: raw.line_id,
    locationCode: raw.location_code,
    // A group-buy call-off counts for the dealer of its delivery region (docs/group-buy.md).
    attributedDealerCode: raw.attributed_dealer_code ?? raw.dealer_code,
  });
}

/** A region-limited sales user sees their regions' dealers; the filter narrows further. */
async function scopeOf(request: PullRequest): Promise<FactScope> {
  const { user, filter } = request;
  const limits: string[][] = [];
  if (user.role === 'sales' && user.regions.length > 0) limits.push(user.regions);
  if (filter.region) limits.push([filter.region]);
  const regions = limits.length > 0 ? await loadRegions(request.db) : [];
  return {
    regions: limits.map((codes) => regionsUnder(codes, regions)),
    ...(filter.dealer ? { dealer: filter.dealer } : {}),
    ...(filter.category ? { category: filter.category } : {}),
  };
}

const present = (codes: (string | null)[]) => codes.flatMap((c) => (c === null ? [] : [c]));

async function pullSalesFacts(request: PullRequest): Promise<PullPage> {
  const scope = await scopeOf(request);
  const raws = await selectFacts(request.db, {
    afterSeq: request.afterSeq,
    skipUpTo: request.skipTombstonesUpTo,
    limit: request.limit,
    scope,
    filter: request.filter,
  });
  const masters = await mastersOf(request.db, {
    dealers: present(raws.map((r) => r.dealer_code)),
    skus: present(raws.map((r) => r.sku_code)),
  });
  const cache = new Map<string, Calendar>();
  const rows: PullPage['rows'] = [];
  for (const raw of raws) {
    const isLive = raw.gone === 0 && raw.hit === 1;
    if (!isLive && raw.seq <= request.skipTombstonesUpTo) continue;
    const key = `${raw.kind}:${raw.id}`;
    const values = isLive ? factValues(masters, cache, raw) : {};
    rows.push({
      key,
      version: raw.version,
      op: isLive ? 'upsert' : 'delete',
      values,
      seq: raw.seq,
    });
  }
  return { rows, hasMore: raws.length === request.limit };
}

export function salesFactsHandler(): DatasetHandler {
  return defineHandler(salesFactsDataset, { pull: pullSalesFacts });
}
