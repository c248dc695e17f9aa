// The replenishment rules a manager sets per location × SKU (补货规则): a reorder level or a
// min/max, each with the quantities it needs (docs/sell-out.md). A location × SKU without a
// rule keeps the rate-based suggestion. Row rules check that the chosen rule has its numbers.
import { z } from 'zod';
import { defineDataset, type RowRule } from '../dataset-def';
import { field } from '../field';
import type { Label } from '../locale';
import type { Role } from '../roles';
import type { ReorderRule } from './reorder-rules';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const quantity = (zh: string, en: string, synonyms: string[]) =>
  field.integer({ label: label(zh, en), synonyms }, { required: false });

const replenishmentRuleSchema = z.object({
  locationCode: field.code({
    label: label('库位编码', 'Location code'),
    synonyms: ['仓库', '库位', '门店'],
    ref: 'locations',
  }),
  skuCode: field.code({
    label: label('SKU', 'SKU'),
    synonyms: ['产品编码', '货号'],
    ref: 'products',
  }),
  rule: field.enum(
    {
      label: label('补货规则', 'Rule'),
      synonyms: ['规则'],
      options: [
        { value: 'reorder-level', label: label('再订货点', 'Reorder level'), synonyms: ['订货点'] },
        {
          value: 'min-max',
          label: label('最小最大库存', 'Min / max'),
          synonyms: ['最小最大', 'min/max'],
        },
      ],
    },
    ['reorder-level', 'min-max'],
  ),
  reorderLevel: quantity('再订货点数量', 'Reorder level', ['订货点数量']),
  reorderQuantity: quantity('再订货数量', 'Reorder quantity', ['订货数量']),
  minQuantity: quantity('最小库存', 'Minimum', ['最低库存', '最小']),
  maxQuantity: quantity('最大库存', 'Maximum', ['最高库存', '最大']),
  multiple: field.integer(
    { label: label('订货倍数', 'Multiple'), synonyms: ['倍数', '包装倍数'], min: 1 },
    { required: false },
  ),
});
type ReplenishmentRuleValues = z.output<typeof replenishmentRuleSchema>;

const needs: Record<ReorderRule['rule'], (keyof ReplenishmentRuleValues)[]> = {
  'reorder-level': ['reorderLevel', 'reorderQuantity'],
  'min-max': ['minQuantity', 'maxQuantity'],
};

/** The chosen rule's quantities are filled in. */
const ruleComplete: RowRule = (values) => {
  const rule = values.rule;
  const list = rule === 'reorder-level' || rule === 'min-max' ? needs[rule] : [];
  return list
    .filter((name) => typeof values[name] !== 'number')
    .map((name) => ({
      field: name,
      code: 'sellout-rule-needs' as const,
      params: { rule: String(values.rule) },
    }));
};

/** A maximum below the minimum would order stock away. */
const maxNotBelowMin: RowRule = (values) =>
  values.rule === 'min-max' &&
  typeof values.minQuantity === 'number' &&
  typeof values.maxQuantity === 'number' &&
  values.maxQuantity < values.minQuantity
    ? [{ field: 'maxQuantity', code: 'sellout-max-below-min', params: { min: values.minQuantity } }]
    : [];

/** The rule a stored row names, or undefined when its quantities are missing. */
export function reorderRuleOf(v: Partial<ReplenishmentRuleValues>): ReorderRule | undefined {
  if (v.rule === 'reorder-level' && v.reorderLevel !== undefined && v.reorderQuantity !== undefined)
    return { rule: v.rule, reorderLevel: v.reorderLevel, reorderQuantity: v.reorderQuantity };
  if (v.rule === 'min-max' && v.minQuantity !== undefined && v.maxQuantity !== undefined)
    return {
      rule: v.rule,
      minQuantity: v.minQuantity,
      maxQuantity: v.maxQuantity,
      ...(v.multiple === undefined ? {} : { multiple: v.multiple }),
    };
  return undefined;
}

const planners: readonly Role[] = ['admin', 'manager'];

export const replenishmentRulesDataset = defineDataset({
  name: 'replenishment-rules',
  label: label('补货规则', 'Replenishment rules'),
  push: { schema: replenishmentRuleSchema, roles: planners },
  pull: {
    schema: replenishmentRuleSchema.extend({
      id: field.code({ label: label('规则编号', 'Rule id') }),
    }),
    roles: ['admin', 'manager', 'analyst', 'sales', 'warehouse'],
  },
  rules: [ruleComplete, maxNotBelowMin],
});
