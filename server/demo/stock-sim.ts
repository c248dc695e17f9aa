// The planner's own copy of the stock rules (server/datasets/stock-book.ts): available is on hand
// less reserved; orders reserve, shipments take both, transfers leave at once and arrive later.
// The history consults it so every row it plans is one the server accepts.

interface Pair {
  onHand: number;
  reserved: number;
}

export class SimStock {
  private readonly pairs = new Map<string, Pair>();

  private get(location: string, sku: string): Pair {
    const key = `${location}|${sku}`;
    let pair = this.pairs.get(key);
    if (!pair) {
      pair = { onHand: 0, reserved: 0 };
      this.pairs.set(key, pair);
    }
    return pair;
  }

  available(location: string, sku: string): number {
    const pair = this.get(location, sku);
    return pair.onHand - pair.reserved;
  }

  onHand(location: string, sku: string): number {
    return this.get(location, sku).onHand;
  }

  /** Receipts, arrivals and adjustments (negative ones must be checked against `available`). */
  addOnHand(location: string, sku: string, quantity: number): void {
    this.get(location, sku).onHand += quantity;
  }

  /** An accepted order line holds stock; a cancelled one gives it back (negative). */
  reserve(location: string, sku: string, quantity: number): void {
    this.get(location, sku).reserved += quantity;
  }

  ship(location: string, sku: string, quantity: number): void {
    const pair = this.get(location, sku);
    pair.onHand -= quantity;
    pair.reserved -= quantity;
  }

  /** Every pair at a location with stock on hand, in a stable order. */
  heldAt(location: string): { sku: string; onHand: number }[] {
    const held: { sku: string; onHand: number }[] = [];
    for (const [key, pair] of this.pairs) {
      const [loc, sku] = key.split('|');
      if (loc === location && sku && pair.onHand > 0) held.push({ sku, onHand: pair.onHand });
    }
    return held.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  }
}
