// 订货会指导 (A8, C1-3): per dealer and style, a suggested fair order from what the dealer sold
// last season, by the shared rule (shared/analysis/fair-guidance.ts; docs/sell-out.md), split
// over the dealer's colour/size mix and rounded to packs, beside the dealer's actual fair order.
// - last season: the `from`…`to` filter, else the SEASON_DAYS days ending today;
// - sold, per SKU: the units the dealer reported selling in its sell-out reports whose period
//   lies in the season, where it reported that SKU; else the units shipped to it in the season
//   × the sell-through setting; the mix weighs each colour/size by that estimate;
// - planned growth, sell-through and target sell-through from `analysis-settings` (settings.ts;
//   defaults 10 %, 100 %, 100 %); carry-over and its usable % per dealer × style from
//   `fair-inputs` (0 and 100 % when none);
// - the fair order compared: the dealer's order lines of type 'fair' dated after the season.
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
import { loadCarryOver, soldByDealerSku, type CarryOver } from '../sellout/fair-inputs';

const SEASON_DAYS = 182;

/** The fair's planning inputs, percent. */
type Plan = {
  growthPercent: number;
  sellThroughPercent: number;
  targetPercent: number;
  carryOver: Map<string, CarryOver>;
};
const planOf = (settings: AnalysisSettings, carryOver: Map<string, CarryOver>): Plan => ({
  growthPercent: settings['fair-growth-percent'],
  sellThroughPercent: settings['fair-sell-through-percent'],
  targetPercent: settings['fair-target-sell-through-percent'],
  carryOver,
});

interface Variant extends FairMixLine {
  sku: string;
  fairUnits: number;
  soldUnits: number;
  reported: boolean;
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
  sources: { sellIn: DealerSkuShipped[]; fair: DealerSkuShipped[]; sold: DealerSkuShipped[] },
) {
  const groups = new Map<string, Group>();
  const add = (row: DealerSkuShipped, pick: 'historicalUnits' | 'fairUnits' | 'soldUnits') => {
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
      soldUnits: 0,
      reported: false,
    };
    variant[pick] += row.quantity;
    if (pick === 'soldUnits') variant.reported = true;
    group.variants.set(row.sku, variant);
    groups.set(key, group);
  };
  for (const row of sources.sellIn) add(row, 'historicalUnits');
  for (const row of sources.fair) add(row, 'fairUnits');
  for (const row of sources.sold) add(row, 'soldUnits');
  return [...groups.values()];
}

/** What the rule reads of one dealer × style: sell-in where nothing was reported, sold where it was. */
function inputOf(group: Group, variants: Variant[], plan: Plan) {
  const sum = (pick: (v: Variant) => number) => variants.reduce((acc, v) => acc + pick(v), 0);
  const carry = plan.carryOver.get(`${group.dealer}|${group.style}`);
  const stBp = Math.round(plan.sellThroughPercent * 100);
  return {
    dealerCode: group.dealer,
    style: group.style,
    lastSeasonSellIn: sum((v) => (v.reported ? 0 : v.historicalUnits)),
    sellThroughPercent: plan.sellThroughPercent,
    lastSeasonSold: sum((v) => (v.reported ? v.soldUnits : 0)),
    plannedGrowthPercent: plan.growthPercent,
    targetSellThroughPercent: plan.targetPercent,
    carryOver: carry?.carryOver ?? 0,
    usableCarryOverPercent: carry?.usablePercent ?? 100,
    packSize: group.packSize,
    // The mix weighs each colour/size by its units sold (× 10 000, as the rule counts them).
    mix: variants.map((v) => ({
      colour: v.colour,
      size: v.size,
      historicalUnits: v.reported ? v.soldUnits * 10_000 : v.historicalUnits * stBp,
    })),
  };
}

function suggestionOf(group: Group, variants: Variant[], plan: Plan) {
  const input = inputOf(group, variants, plan);
  const suggestion = suggestFairOrder(input);
  const sellIn = variants.reduce((acc, v) => acc + v.historicalUnits, 0);
  return suggestion.ok ? { sellIn, input, ...suggestion.value } : null;
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
      lastSeasonSold: variants[i]?.reported ? variants[i].soldUnits : undefined,
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
  const { input } = suggestion;
  const styleRow = {
    key: `${group.dealer}|${group.style}`,
    values: compact({
      kind: 'style',
      ...base,
      lastSeasonSellIn: suggestion.sellIn,
      sellThroughBp: plan.sellThroughPercent * 100,
      lastSeasonSold: input.lastSeasonSold,
      soldReported: variants.some((v) => v.reported),
      growthBp: plan.growthPercent * 100,
      plannedUnits: suggestion.plannedUnits,
      targetSellThroughBp: plan.targetPercent * 100,
      carryOverStock: input.carryOver,
      usableCarryOverBp: input.usableCarryOverPercent * 100,
      carryOver: suggestion.usableCarryOver,
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

async function fairGuidanceRows(request: PullRequest): Promise<DerivedRow[]> {
  const masters = await loadMasters(request.db);
  const scope = scopeOf(masters, request.user, request.filter);
  const to = request.filter.to ?? shanghaiDate(request.now);
  const from = request.filter.from ?? addDays(to, 1 - SEASON_DAYS);
  const sellIn = await shippedByDealerSku(request.db, { from, to });
  const fair = await fairOrders(request.db, to);
  const sold = await soldByDealerSku(request.db, { from, to });
  const settings = await loadAnalysisSettings(request.db);
  const plan = planOf(settings, await loadCarryOver(request.db));
  return groupBy(masters, scope, { sellIn, fair, sold }).flatMap((g) =>
    groupRows(masters, g, plan),
  );
}

export function fairGuidanceHandler(): DatasetHandler {
  return defineHandler(fairGuidanceDataset, {
    pull: async (request) => pageSnapshot(await fairGuidanceRows(request), request),
  });
}
