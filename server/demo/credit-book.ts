// The planner's copy of the server's credit check (server/finance/exposure-book.ts), so every
// order the history plans is one the server accepts. A dealer uses the value of its orders not
// cancelled less what was settled against its invoices — allocations, write-offs and deposits
// moved onto them as the goods ship — which is receivables outstanding + open orders. An order
// that would take a dealer over its limit is held back (the sales assistant asks for payment
// first), except the first one clearly over: that one is pushed and refused, as the credit
// check's showcase.
export type Admission = 'accept' | 'refuse' | 'hold';

/** How far over the limit (share of the limit) the showcase order must be. */
const SHOWCASE_MARGIN = 0.02;

export class CreditBook {
  private readonly used = new Map<string, number>();
  private hasShowcase = false;
  /** Orders held back for credit, for the seed's progress line. */
  held = 0;

  constructor(private readonly limits: ReadonlyMap<string, number>) {}

  usedBy(dealerCode: string): number {
    return this.used.get(dealerCode) ?? 0;
  }

  /** An order pushed now: accepted orders start using credit at once. */
  admit(dealerCode: string, value: number): Admission {
    const limit = this.limits.get(dealerCode) ?? 0;
    const after = this.usedBy(dealerCode) + value;
    if (after <= limit) {
      this.change(dealerCode, value);
      return 'accept';
    }
    if (!this.hasShowcase && after - limit > limit * SHOWCASE_MARGIN) {
      this.hasShowcase = true;
      return 'refuse';
    }
    this.held += 1;
    return 'hold';
  }

  /** A cancellation (negative: frees its value) or a settlement (negative: pays it down). */
  change(dealerCode: string, delta: number): void {
    this.used.set(dealerCode, this.usedBy(dealerCode) + delta);
  }
}
