// 加单/补单建议与库存异常 (A6, C13) per location × SKU, by the shared rule
// (shared/analysis/replenishment.ts) over:
// - available = on hand − reserved; inbound = in transit to the location;
// - backorders (outbound) = open order quantity not covered by the reservation
//   (accepted orders reserve stock at once, so only the uncovered part still needs goods);
// - sales rate = units shipped (ledger 'shipment' lines) in the window: the `from`…`to`
//   filter when given (inclusive), else the window's days ending `to` or today;
// - the window (when no `from`), lead time (no per-product lead time in the master data yet),
//   slow-mover and overstock thresholds from `analysis-settings` (settings.ts; defaults 28, 14,
//   60 and 90 days); safety stock and pack size from the product; stock age from every on-hand
//   increase, FIFO.
// - a location × SKU with a replenishment rule (reorder level or min/max, per row) takes the
//   rule's suggestion instead; every row says which rule made it and why (docs/sell-out.md).
// A snapshot pull (snapshot.ts): it depends on today, so a refresh recomputes it.
import { daysBetween } from '../../shared/analysis/calendar';
import { replenishmentDataset } from '../../shared/analysis/datasets';
import {
  assessStockItem,
  replenishmentPolicySchema,
  type ReplenishmentPolicy,
} from '../../shared/analysis/replenishment';
import type { Db } from '../store/db';
import { defineHandler, type DatasetHandler, type PullRequest } from '../sync/handler';
import { shanghaiDate } from '../sync/changes';
import { inScope, loadMasters, scopeOf, type Masters } from './masters';
import {
  byPair,
  layersByPair,
  pairKey,
  selectBalances,
  selectLayers,
  selectOpenOrders,
  selectShipped,
  type BalanceRow,
} from './replenishment-query';
import { addDays } from '../../shared/analysis/calendar';
import type { ReorderRule } from '../../shared/sellout/reorder-rules';
import { compact, pageSnapshot, type DerivedRow } from './snapshot';
import {
  analysisSettingDefaults,
  type AnalysisSettings,
} from '../../shared/analysis/settings-dataset';
import { loadAnalysisSettings } from './settings';
import { loadReorderRules } from '../sellout/rules';
import { suggestionOf } from './replenishment-rule';

const LEAD_TIME_DAYS = analysisSettingDefaults['lead-time-days'];

interface ReplenishmentInput {
  policy: ReplenishmentPolicy;
  location?: string | undefined;
  products: Masters['products'];
  skus: Set<string> | null;
  /** Days from order to arrival; LEAD_TIME_DAYS when absent. */
  leadTimeDays?: number;
}

/** The policy of a pull: as of `to` (or today), window from `from` (or the settings'). */
export function policyOf(
  filter: { from?: string | undefined; to?: string | undefined },
  today: string,
  settings: AnalysisSettings = analysisSettingDefaults,
): ReplenishmentPolicy {
  const asOf = filter.to ?? today;
  const window = filter.from ? daysBetween(filter.from, asOf) + 1 : settings['sales-window-days'];
  return replenishmentPolicySchema.parse({
    asOf,
    salesWindowDays: Math.max(1, window),
    slowMoverDays: settings['slow-mover-days'],
    overstockCoverDays: settings['overstock-cover-days'],
  });
}

/** Every location × SKU line of the computation (used by the pull and the benchmark). */
export async function computeReplenishment(
  db: Db,
  input: ReplenishmentInput,
): Promise<DerivedRow[]> {
  const { policy } = input;
  const [balances, open, shipped, layers, rules] = await Promise.all([
    selectBalances(db, input.location),
    selectOpenOrders(db),
    selectShipped(db, { after: addDays(policy.asOf, -policy.salesWindowDays), asOf: policy.asOf }),
    selectLayers(db, policy.asOf),
    loadReorderRules(db),
  ]);
  const openBy = byPair(open);
  const shippedBy = byPair(shipped);
  const layersBy = layersByPair(layers);
  return balances
    .filter((b) => inScope(input.skus, b.sku))
    .map((b) => lineOf(b, input, { open: openBy, shipped: shippedBy, layers: layersBy, rules }));
}

interface Sources {
  open: Map<string, number>;
  shipped: Map<string, number>;
  layers: Map<string, { date: string; quantity: number }[]>;
  rules: Map<string, ReorderRule>;
}

function itemOf(b: BalanceRow, input: ReplenishmentInput, s: Sources) {
  const key = pairKey(b.location, b.sku);
  const product = input.products.get(b.sku);
  return {
    locationCode: b.location,
    sku: b.sku,
    onHand: b.onHand,
    available: b.onHand - b.reserved,
    inbound: b.inTransit,
    outbound: Math.max(0, (s.open.get(key) ?? 0) - b.reserved),
    shipments: [{ date: input.policy.asOf, quantity: s.shipped.get(key) ?? 0 }],
    receipts: s.layers.get(key) ?? [],
    lastMovementDate: b.lastMovement,
    leadTimeDays: input.leadTimeDays ?? LEAD_TIME_DAYS,
    safetyStock: product?.safetyStock ?? 0,
    packSize: product?.packSize ?? 1,
  };
}

function lineOf(b: BalanceRow, input: ReplenishmentInput, s: Sources): DerivedRow {
  const key = pairKey(b.location, b.sku);
  const product = input.products.get(b.sku);
  const item = itemOf(b, input, s);
  const line = assessStockItem(item, input.policy);
  const chosen = suggestionOf(
    { item, line, window: input.policy.salesWindowDays },
    s.rules.get(key),
  );
  const tenths = (n: number | null) => (n === null ? null : Math.round(n * 10));
  return {
    key,
    values: compact({
      locationCode: b.location,
      skuCode: b.sku,
      styleCode: product?.styleCode,
      category: product?.category,
      onHand: item.onHand,
      available: item.available,
      inbound: item.inbound,
      backorders: item.outbound,
      shippedInWindow: line.shippedInWindow,
      windowDays: input.policy.salesWindowDays,
      position: line.position,
      coverDaysX10: tenths(line.coverDays),
      leadTimeDays: item.leadTimeDays,
      safetyStock: item.safetyStock,
      packSize: item.packSize,
      suggestedQuantity: chosen.suggestedQuantity,
      daysSinceMovement: line.daysSinceMovement,
      stockAgeDaysX10: tenths(line.stockAgeDays),
      short: chosen.short,
      overstock: line.flags.includes('overstock'),
      slowMover: line.flags.includes('slow-mover'),
      rule: chosen.rule,
      ruleReason: chosen.reason,
    }),
  };
}

async function pullReplenishment(request: PullRequest) {
  const masters = await loadMasters(request.db);
  const { skus } = scopeOf(masters, request.user, request.filter);
  const settings = await loadAnalysisSettings(request.db);
  const policy = policyOf(request.filter, shanghaiDate(request.now), settings);
  const { location } = request.filter;
  const leadTimeDays = settings['lead-time-days'];
  const input = { policy, location, products: masters.products, skus, leadTimeDays };
  return pageSnapshot(await computeReplenishment(request.db, input), request);
}

export function replenishmentHandler(): DatasetHandler {
  return defineHandler(replenishmentDataset, { pull: pullReplenishment });
}
