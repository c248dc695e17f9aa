// The "replenishment-rules" dataset: one rule per location × SKU, replaced when pushed again
// (keyed.ts), after the dataset's row rules (as the add-in runs them) and a check that the
// location and the SKU exist. The replenishment pull reads them (loadReorderRules).
import type { RuleContext } from '../../shared/dataset-def';
import type { RowProblem } from '../../shared/row-errors';
import { reorderRuleOf, replenishmentRulesDataset } from '../../shared/sellout/rule-datasets';
import type { ReorderRule } from '../../shared/sellout/reorder-rules';
import { allRecords, recordsById } from '../datasets/records-store';
import type { Db } from '../store/db';
import type { WriteContext } from '../sync/handler';
import { keyedHandler } from './keyed';

type Values = Record<string, unknown>;
const ruleKey = (location: string, sku: string) => `${location}|${sku}`;

async function checkRules(ctx: WriteContext, rows: readonly Values[]): Promise<RowProblem[][]> {
  const live = async (dataset: string, field: string) => {
    const found = await recordsById(
      ctx.trx,
      dataset,
      rows.map((v) => String(v[field])),
    );
    return new Set([...found.values()].filter((r) => !r.deleted).map((r) => r.id));
  };
  const locations = await live('locations', 'locationCode');
  const products = await live('products', 'skuCode');
  const rules: RuleContext = { attribute: () => undefined, role: ctx.actor.user.role };
  return rows.map((v): RowProblem[] => {
    const problems: RowProblem[] = (replenishmentRulesDataset.rules ?? []).flatMap((rule) =>
      rule(v, rules),
    );
    if (!locations.has(String(v.locationCode)))
      problems.push({
        field: 'locationCode',
        code: 'unknown-location',
        params: { value: String(v.locationCode) },
      });
    if (!products.has(String(v.skuCode)))
      problems.push({
        field: 'skuCode',
        code: 'unknown-sku',
        params: { value: String(v.skuCode) },
      });
    return problems;
  });
}

export function replenishmentRulesHandler() {
  return keyedHandler(replenishmentRulesDataset, {
    keyOf: (v) => ruleKey(String(v.locationCode), String(v.skuCode)),
    check: checkRules,
  });
}

/** Every complete rule, by location|SKU (the replenishment pull's pair key). */
export async function loadReorderRules(db: Db): Promise<Map<string, ReorderRule>> {
  const rules = new Map<string, ReorderRule>();
  for (const record of (await allRecords(db, replenishmentRulesDataset.name)).values()) {
    const rule = reorderRuleOf(record.values);
    if (rule) rules.set(record.id, rule);
  }
  return rules;
}
