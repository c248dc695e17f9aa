// Samples and promotional material (样品与宣传物料): the quota register (per dealer grade, season
// and item) and the marketing budgets (per dealer and season), kept in `records` under keys
// made of their fields. The issues are in sample-issues.ts (docs/dealer-support.md).
import { marketingBudgetsDataset, sampleQuotasDataset } from '../../shared/support/datasets';
import type { DatasetHandler } from '../sync/handler';
import { gatedHandler } from './gated';
import { dealerNamedBy } from './scope';

export const quotaKey = (grade: string, season: string, sku: string) => `${grade}/${season}/${sku}`;

export function sampleQuotasHandler(): DatasetHandler {
  return gatedHandler(sampleQuotasDataset, {
    keyOf: (v) => quotaKey(String(v.grade), String(v.season), String(v.skuCode)),
  });
}

export function marketingBudgetsHandler(): DatasetHandler {
  return gatedHandler(marketingBudgetsDataset, {
    placeOf: dealerNamedBy('dealerCode'),
    keyOf: (v) => `${String(v.season)}/${String(v.dealerCode)}`,
  });
}
