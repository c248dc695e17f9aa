// The order-line rules that need master data: whole packs, and the dealer price unless a
// manager prices the line. Declared on the orders dataset (shared/datasets.ts) so the add-in's
// Validate and the server's push run the same rule; see docs/adding-a-dataset.md, "Row rules".
import type { RowRule, RuleProblem } from './dataset-def';
import { formatYuan } from './money';
import type { Role } from './roles';

/** Roles whose price on an order line may differ from the dealer price. */
const pricingRoles: readonly Role[] = ['admin', 'manager'];

export function packProblems(quantity: number, packSize: number | undefined): RuleProblem[] {
  const pack = packSize ?? 1;
  return quantity % pack === 0
    ? []
    : [{ field: 'quantity', code: 'not-pack-multiple', params: { pack } }];
}

function priceProblems(
  unitPrice: number,
  dealerPrice: number | undefined,
  role: Role,
): RuleProblem[] {
  if (dealerPrice === undefined || pricingRoles.includes(role) || unitPrice === dealerPrice)
    return [];
  return [
    { field: 'unitPrice', code: 'price-mismatch', params: { expected: formatYuan(dealerPrice) } },
  ];
}

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** The rules as the registry runs them, over a row's values and the master-data facts. */
export const orderLineRules: readonly RowRule[] = [
  (values, ctx) => {
    const { skuCode } = values;
    const quantity = numberOf(values.quantity);
    if (typeof skuCode !== 'string' || quantity === undefined) return [];
    return packProblems(quantity, numberOf(ctx.attribute('products', skuCode, 'packSize')));
  },
  (values, ctx) => {
    const { skuCode } = values;
    const unitPrice = numberOf(values.unitPrice);
    if (typeof skuCode !== 'string' || unitPrice === undefined) return [];
    // A group-buy call-off is priced from its contract, not the dealer price list
    // (docs/group-buy.md); the server sets that price.
    if (values.orderType === 'group') return [];
    const expected = numberOf(ctx.attribute('products', skuCode, 'dealerPrice'));
    return priceProblems(unitPrice, expected, ctx.role);
  },
];
