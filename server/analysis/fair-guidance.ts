// 订货会指导 (A8, C1-3): per dealer and style, a suggested fair order from last season's
// sell-in, by the shared rule (shared/analysis/fair-guidance.ts), split over the dealer's
// colour/size mix and rounded to packs, beside the dealer's actual fair order.
// - last season: the `from`…`to` filter, else the SEASON_DAYS days ending today; sell-in =
//   units shipped to the dealer in it; the mix = those units per colour and size;
// - the fair order compared: the dealer's order lines of type 'fair' dated after the season;
// - planned growth and sell-through from `analysis-settings` (settings.ts; defaults 10 % and
//   100 %): no sell-out reaches the server, so managers set the sell-through they expect.
//   Usable carry-over is 0 until a dealer stock report exists.
// A snapshot pull (snapshot.ts).
import { sql } from 'kysely';
import { addDays } from '../../shared/analysis/calendar';
import { fairGuidanceDataset } from '../../shared/analysis/datasets';
import {
  flagFairOrder,
  suggestFairOrder,
  type FairMixLine,
  type FairSuggestionLine,
} from '../../shared/analysis/fair-guidance';
import type { Db } from '../store/db';
import { defineHandler, type DatasetHandler, type PullRequest } from '../sync/handler';
import { shanghaiDate } from '../sync/changes';
import { inScope, loadMasters, scopeOf, type Masters, type Scope } from './masters';
import { shippedByDealerSku, type DealerSkuShipped } from './shipped';
import { compact, pageSnapshot, type DerivedRow } from './snapshot';
import type { AnalysisSettings } from '../../shared/analysis/settings-dataset';
import { loadAnalysisSettings } from './settings';

export const SEASON_DAYS = 182;

/** The fair's planning inputs, percent. */
type Plan = { growthPercent: number; sellThroughPercent: number };
const planOf = (settings: AnalysisSettings): Plan => ({
  growthPercent: settings['fair-growth-percent'],
  sellThroughPercent: settings['fair-sell-through-percent'],
});

interface Variant extends FairMixLine {
  sku: string;
  fairUnits: number;
}
type Group = { dealer: string; style: string; packSize: number; variants: Map<string, Variant> };

async function fairOrders(db: Db, after: string): Promise<DealerSkuShipped[]> {
  const result = await sql<DealerSkuShipped>`
    SELECT dealer_code AS dealer, sku_code AS sku, SUM(quantity) AS quantity FROM order_lines
    WHERE order_type = 'fair' AND cancelled = 0 AND order_date > ${after} GROUP BY 1, 2`.execute(
    db,
  );
  return result.rows;
}

function groupBy(
  masters: Masters,
  scope: Scope,
  sources: { sellIn: DealerSkuShipped[]; fair: DealerSkuShipped[] },
) {
  const groups = new Map<string, Group>();
  const add = (row: DealerSkuShipped, pick: 'historicalUnits' | 'fairUnits') => {
    const product = masters.products.get(row.sku);
    if (!product || !inScope(scope.dealers, row.dealer) || !inScope(scope.skus, row.sku)) return;
    const key = `${row.dealer}|${product.styleCode}`;
    const group = groups.get(key) ?? {
      dealer: row.dealer,
      style: product.styleCode,
      packSize: product.packSize,
      variants: new Map<string, Variant>(),
    };
    const variant = group.variants.get(row.sku) ?? {
      sku: row.sku,
      colour: product.colour,
      size: product.size,
      historicalUnits: 0,
      fairUnits: 0,
    };
    variant[pick] += row.quantity;
    group.variants.set(row.sku, variant);
    groups.set(key, group);
  };
  for (const row of sources.sellIn) add(row, 'historicalUnits');
  for (const row of sources.fair) add(row, 'fairUnits');
  return [...groups.values()];
}

function suggestionOf(group: Group, variants: Variant[], plan: Plan) {
  const sellIn = variants.reduce((acc, v) => acc + v.historicalUnits, 0);
  const suggestion = suggestFairOrder({
    dealerCode: group.dealer,
    style: group.style,
    lastSeasonSellIn: sellIn,
    sellThroughPercent: plan.sellThroughPercent,
    plannedGrowthPercent: plan.growthPercent,
    usableCarryOver: 0,
    packSize: group.packSize,
    mix: variants,
  });
  return suggestion.ok ? { sellIn, ...suggestion.value } : null;
}

type Base = {
  dealerCode: string;
  dealerName: string | undefined;
  styleCode: string;
  packSize: number;
};

function sizeRowsOf(base: Base, lines: FairSuggestionLine[], variants: Variant[]): DerivedRow[] {
  return lines.map((line, i) => ({
    key: `${base.dealerCode}|${base.styleCode}|${line.colour}|${line.size}`,
    values: compact({
      kind: 'size',
      ...base,
      colour: line.colour,
      size: line.size,
      lastSeasonSellIn: variants[i]?.historicalUnits,
      suggestedUnits: line.quantity,
      actualFairUnits: variants[i]?.fairUnits,
    }),
  }));
}

function groupRows(masters: Masters, group: Group, plan: Plan): DerivedRow[] {
  const variants = [...group.variants.values()].sort((a, b) => a.sku.localeCompare(b.sku));
  const suggestion = suggestionOf(group, variants, plan);
  if (!suggestion) return [];
  const actual = variants.reduce((acc, v) => acc + v.fairUnits, 0);
  const check = flagFairOrder(actual, suggestion.suggestedUnits);
  const dealerName = masters.dealers.get(group.dealer)?.name;
  const base = {
    dealerCode: group.dealer,
    dealerName,
    styleCode: group.style,
    packSize: group.packSize,
  };
  const styleRow = {
    key: `${group.dealer}|${group.style}`,
    values: compact({
      kind: 'style',
      ...base,
      lastSeasonSellIn: suggestion.sellIn,
      sellThroughBp: plan.sellThroughPercent * 100,
      growthBp: plan.growthPercent * 100,
      carryOver: 0,
      demandUnits: suggestion.demandUnits,
      suggestedUnits: suggestion.suggestedUnits,
      actualFairUnits: actual,
      deviationBp: check.deviationBp,
      flagged: check.isFlagged,
    }),
  };
  const sizeRows = sizeRowsOf(base, suggestion.lines, variants);
  return [styleRow, ...sizeRows];
}

export async function fairGuidanceRows(request: PullRequest): Promise<DerivedRow[]> {
  const masters = await loadMasters(request.db);
  const scope = scopeOf(masters, request.user, request.filter);
  const to = request.filter.to ?? shanghaiDate(request.now);
  const from = request.filter.from ?? addDays(to, 1 - SEASON_DAYS);
  const sellIn = await shippedByDealerSku(request.db, { from, to });
  const fair = await fairOrders(request.db, to);
  const plan = planOf(await loadAnalysisSettings(request.db));
  return groupBy(masters, scope, { sellIn, fair }).flatMap((g) => groupRows(masters, g, plan));
}

export function fairGuidanceHandler(): DatasetHandler {
  return defineHandler(fairGuidanceDataset, {
    pull: async (request) => pageSnapshot(await fairGuidanceRows(request), request),
  });
}
