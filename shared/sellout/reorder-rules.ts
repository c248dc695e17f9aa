// The two replenishment rules people already know, chosen per location × SKU beside the
// rate-based suggestion of shared/analysis/replenishment.ts (docs/sell-out.md, "Replenishment
// rules"). Both read the projected quantity, which here is the replenishment pull's position:
//   projected = on hand + in transit + on order − reserved − backorders
// (nothing is "on order" from suppliers in this system yet, so that term is 0).
// - Reorder level (ERPNext's Material Request rule): projected < level → suggest
//   max(reorder quantity, level − projected). Not rounded: the quantity is the rule's own.
// - Min / max (Odoo's reordering rule): forecast < min → order up to max, i.e. max − forecast
//   rounded up to the multiple (the SKU's pack size unless the rule sets one).
// The reason is a formula with the row's own numbers, readable in either language.

export type ReorderRule =
  | { rule: 'reorder-level'; reorderLevel: number; reorderQuantity: number }
  | { rule: 'min-max'; minQuantity: number; maxQuantity: number; multiple?: number };

interface RuleOutcome {
  fired: boolean;
  suggestedQuantity: number;
  reason: string;
}

const roundUp = (units: number, multiple: number) => Math.ceil(units / multiple) * multiple;

export function applyReorderRule(
  rule: ReorderRule,
  projected: number,
  packSize: number,
): RuleOutcome {
  if (rule.rule === 'reorder-level') {
    const { reorderLevel: level, reorderQuantity: quantity } = rule;
    if (projected >= level)
      return { fired: false, suggestedQuantity: 0, reason: `${projected} ≥ ${level}` };
    const gap = level - projected;
    const suggested = Math.max(quantity, gap);
    return {
      fired: true,
      suggestedQuantity: suggested,
      reason: `${projected} < ${level}: max(${quantity}, ${level} − ${projected}) = ${suggested}`,
    };
  }
  const { minQuantity: min, maxQuantity: max } = rule;
  if (projected >= min)
    return { fired: false, suggestedQuantity: 0, reason: `${projected} ≥ ${min}` };
  const multiple = rule.multiple ?? packSize;
  const suggested = roundUp(max - projected, multiple);
  return {
    fired: true,
    suggestedQuantity: suggested,
    reason: `${projected} < ${min}: ${max} − ${projected} = ${max - projected} → ×${multiple} = ${suggested}`,
  };
}

/** The rate rule's reorder point, ceil((shipped × lead time + safety × window) ÷ window). */
export function rateReorderPoint(input: {
  shipped: number;
  windowDays: number;
  leadTimeDays: number;
  safetyStock: number;
}): number {
  const { shipped, windowDays, leadTimeDays, safetyStock } = input;
  return Math.ceil((shipped * leadTimeDays + safetyStock * windowDays) / windowDays);
}
