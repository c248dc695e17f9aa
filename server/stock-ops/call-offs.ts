// The group-buy rules an order line of type 团购 must pass (docs/group-buy.md): it names a
// contract valid on the order date that covers its SKU (or the SKU's style); it takes at most
// what remains × (1 + allowance) — refused with that figure — and its price is the contract's,
// whatever the dealer price list says. The sale is attributed to the dealer responsible for the
// delivery region (the nearest region up the tree that has an active dealer), unless the
// ordering dealer is that region's own.
import { mostCallable } from '../../shared/stock-ops/group-rows';
import type { RowProblem } from '../../shared/row-errors';
import type { CallOffFacts, LineValues } from '../datasets/orders-store';
import { allRecords } from '../datasets/records-store';
import type { MasterRefs } from '../datasets/stock-refs';
import type { Db } from '../store/db';
import type { GroupContractItemsTable } from '../store/schema';
import { calledOffOf, contractItems, itemKey } from './call-off-store';

interface CallOffCheck {
  problems: RowProblem[];
  facts?: CallOffFacts;
}

export class CallOffBook {
  private taken: { key: string; quantity: number }[] = [];

  private constructor(
    private readonly items: Map<string, GroupContractItemsTable>,
    private readonly called: Map<string, number>,
    private readonly dealersByRegion: Map<string, string>,
  ) {}

  /** Loads the contracts the batch's call-offs name; nothing when it has none. */
  static async load(db: Db, values: readonly LineValues[]): Promise<CallOffBook> {
    const codes = values.flatMap((v) =>
      v.orderType === 'group' && v.contractCode ? [v.contractCode] : [],
    );
    if (codes.length === 0) return new CallOffBook(new Map(), new Map(), new Map());
    const dealers = [...(await allRecords(db, 'dealers')).values()]
      .filter((r) => !r.deleted && r.values.status === 'active')
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    const byRegion = new Map<string, string>();
    for (const d of dealers) {
      const region = String(d.values.regionCode);
      if (!byRegion.has(region)) byRegion.set(region, d.id);
    }
    return new CallOffBook(await contractItems(db, codes), await calledOffOf(db, codes), byRegion);
  }

  savepoint(): number {
    return this.taken.length;
  }

  rollbackTo(point: number): void {
    for (const { key, quantity } of this.taken.splice(point))
      this.called.set(key, (this.called.get(key) ?? 0) - quantity);
  }

  /** Checks a new call-off line, sets its price from the contract, and counts what it takes. */
  check(values: LineValues, refs: MasterRefs): CallOffCheck {
    const contract = values.contractCode;
    if (!contract)
      return { problems: [{ field: 'contractCode', code: 'group-contract-required' }] };
    const style = refs.products.get(values.skuCode)?.styleCode ?? '';
    const item =
      this.items.get(itemKey(contract, values.skuCode)) ?? this.items.get(itemKey(contract, style));
    if (!item) {
      const known = [...this.items.values()].some((i) => i.contract_code === contract);
      const problems: RowProblem[] = known
        ? [
            {
              field: 'skuCode',
              code: 'group-contract-no-item',
              params: { contract, sku: values.skuCode },
            },
          ]
        : [{ field: 'contractCode', code: 'group-contract-unknown', params: { value: contract } }];
      return { problems };
    }
    if (values.orderDate < item.valid_from || values.orderDate > item.valid_to) {
      const params = { contract, from: item.valid_from, to: item.valid_to };
      return { problems: [{ field: 'orderDate', code: 'group-contract-expired', params }] };
    }
    const key = itemKey(contract, item.item_code);
    const remaining = item.contracted_quantity - (this.called.get(key) ?? 0);
    const most = mostCallable(remaining, item.allowance_percent);
    if (values.quantity > most) {
      const params = { remaining, allowance: item.allowance_percent, most };
      return { problems: [{ field: 'quantity', code: 'group-call-off-over', params }] };
    }
    this.called.set(key, (this.called.get(key) ?? 0) + values.quantity);
    this.taken.push({ key, quantity: values.quantity });
    values.unitPrice = item.unit_price;
    return {
      problems: [],
      facts: { item: item.item_code, attributedDealer: this.attribute(values, refs) },
    };
  }

  /** A call-off line raised from `before` to `after` units draws the difference on its item. */
  checkIncrease(
    line: { values: LineValues; callOff?: CallOffFacts },
    after: LineValues,
  ): RowProblem[] {
    const contract = line.values.contractCode;
    const extra = after.quantity - line.values.quantity;
    if (!contract || !line.callOff || after.cancelled || extra <= 0) return [];
    const key = itemKey(contract, line.callOff.item);
    const item = this.items.get(key);
    if (!item) return [];
    const remaining = item.contracted_quantity - (this.called.get(key) ?? 0);
    const most = mostCallable(remaining, item.allowance_percent);
    if (extra > most) {
      const params = {
        remaining,
        allowance: item.allowance_percent,
        most: line.values.quantity + most,
      };
      return [{ field: 'quantity', code: 'group-call-off-over', params }];
    }
    this.called.set(key, (this.called.get(key) ?? 0) + extra);
    this.taken.push({ key, quantity: extra });
    return [];
  }

  /**
   * The dealer responsible for the delivery region: the ordering dealer when it is that region's
   * (or no region is given), else the region's active dealer, else its parent region's.
   */
  private attribute(values: LineValues, refs: MasterRefs): string {
    let region = values.deliveryRegionCode;
    if (!region || refs.dealers.get(values.dealerCode)?.regionCode === region)
      return values.dealerCode;
    const seen = new Set<string>();
    while (region && !seen.has(region)) {
      seen.add(region);
      const dealer = this.dealersByRegion.get(region);
      if (dealer) return dealer;
      region = refs.regions.find((r) => r.code === region)?.parentCode;
    }
    return values.dealerCode;
  }
}
