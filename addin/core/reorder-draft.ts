// 补货 order lines drafted from a pulled replenishment sheet (补货建议 → 补货单), pure
// (docs/sell-out.md, "From suggestions to a 补货 order"). Each visible row whose suggestion is
// above zero gives one order line: the chosen dealer, today, type 补货, the SKU, the suggested
// quantity (the pull already rounded it to the pack or the rule's multiple), the location as the
// ship-from unless the user chose another, and no price (the dealer price applies). Lines of one
// location make one order: they share an order number. Hidden rows (the user filtered them out)
// and zero rows give nothing.
//
// Locations are the company's own (warehouses, the showroom, self-operated stores) and carry no
// dealer code; a self-operated store is sold to through its own dealer account (channel
// own-store) of the same name, so a location names a dealer when a dealer has its name. Any other
// location takes the dealer the user chose.

/** One replenishment row as typed values, and whether the user hid it. */
export interface ReplenishmentSheetRow {
  readonly values: Record<string, unknown>;
  readonly hidden: boolean;
}

type ReorderLine = {
  orderRef: string;
  dealerCode: string;
  orderDate: string;
  orderType: 'replenishment';
  skuCode: string;
  quantity: number;
  locationCode: string;
};

interface ReorderInput {
  /** The dealer a location names (the store's own account), else the one the user chose. */
  dealerFor: (locationCode: string) => string | undefined;
  /** The ship-from the user chose for every line; else each line ships from its location. */
  shipFrom?: string;
  /** Today, 'YYYY-MM-DD' (the business date, Asia/Shanghai). */
  orderDate: string;
  /** A fresh order number for the lines of one location. */
  newRef: (locationCode: string) => string;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

interface ReorderDraft {
  lines: ReorderLine[];
  /** Locations with suggestions but no dealer (none named, none chosen): no line is drafted. */
  withoutDealer: string[];
}

/** The lines, in the sheet's order; one order number per location, first come first numbered. */
export function draftReorder(
  rows: readonly ReplenishmentSheetRow[],
  input: ReorderInput,
): ReorderDraft {
  const refs = new Map<string, string>();
  const lines: ReorderLine[] = [];
  const withoutDealer = new Set<string>();
  for (const { values, hidden } of rows) {
    const locationCode = text(values.locationCode);
    const skuCode = text(values.skuCode);
    const quantity = values.suggestedQuantity;
    if (hidden || locationCode === undefined || skuCode === undefined) continue;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0) continue;
    const dealerCode = input.dealerFor(locationCode);
    if (dealerCode === undefined) {
      withoutDealer.add(locationCode);
      continue;
    }
    let orderRef = refs.get(locationCode);
    if (orderRef === undefined) {
      orderRef = input.newRef(locationCode);
      refs.set(locationCode, orderRef);
    }
    lines.push({
      orderRef,
      dealerCode,
      orderDate: input.orderDate,
      orderType: 'replenishment',
      skuCode,
      quantity,
      locationCode: input.shipFrom ?? locationCode,
    });
  }
  return { lines, withoutDealer: [...withoutDealer] };
}

/** A 补货 order number: BH, the date without dashes, and six hex digits of a fresh id. */
export function reorderRef(orderDate: string, uuid: string): string {
  return `BH${orderDate.replace(/-/g, '')}-${uuid.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}
