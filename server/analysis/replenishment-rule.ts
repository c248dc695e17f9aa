// Which rule makes a replenishment row's suggestion: the location × SKU's own rule when it has
// one (shared/sellout/reorder-rules.ts), else the rate-based one; with the formula that says
// why, in the row's numbers (docs/sell-out.md, "Replenishment rules").
import type { ReplenishmentItem, ReplenishmentLine } from '../../shared/analysis/replenishment';
import {
  applyReorderRule,
  rateReorderPoint,
  type ReorderRule,
} from '../../shared/sellout/reorder-rules';

interface ChosenSuggestion {
  rule: 'rate' | ReorderRule['rule'];
  suggestedQuantity: number;
  short: boolean;
  reason: string;
}

export function suggestionOf(
  row: { item: ReplenishmentItem; line: ReplenishmentLine; window: number },
  rule: ReorderRule | undefined,
): ChosenSuggestion {
  const { item, line } = row;
  if (rule) {
    const outcome = applyReorderRule(rule, line.position, item.packSize);
    return {
      rule: rule.rule,
      suggestedQuantity: outcome.suggestedQuantity,
      short: outcome.fired,
      reason: outcome.reason,
    };
  }
  const point = rateReorderPoint({
    shipped: line.shippedInWindow,
    windowDays: row.window,
    leadTimeDays: item.leadTimeDays,
    safetyStock: item.safetyStock,
  });
  const short = line.flags.includes('short');
  return {
    rule: 'rate',
    suggestedQuantity: line.suggestedQuantity,
    short,
    reason: `${line.position} ${short ? '<' : '≥'} ${point}`,
  };
}
