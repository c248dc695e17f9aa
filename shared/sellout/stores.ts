// Self-operated stores (自营店): sell-through per style × store, the markdown ladder and the
// rebalancing rule (docs/sell-out.md, "Self-operated stores"). Pure: the server gathers the
// receipts, sales and stock; dates are business dates 'YYYY-MM-DD'.
// - Week: counted from the style's first receipt at the store; the receipt day starts week 1,
//   day 7 after it starts week 2.
// - Sell-through: units sold ÷ units received, in basis points, half up; none received → null.
// - Ladder: a step (week N, sell-through below X %, Y % off) fires when the week has reached N
//   and the sell-through is strictly below X %. Of the steps that fire, the latest week wins,
//   then the deepest discount. A row whose fired step is the ladder's deepest is on clearance.
// - Rebalancing: per style, a store selling it slowly (below 30 %) gives half its stock, rounded
//   down, to stores selling it out (70 % or more), each of which asks for two weeks of its last
//   week's sales less what it holds; the fastest receiver is served first, from the slowest giver.

const DAY = 86_400_000;

export interface MarkdownStep {
  step: number;
  week: number;
  belowPercent: number;
  discountPercent: number;
}

const SLOW_BELOW_BP = 3_000;
const FAST_FROM_BP = 7_000;
const COVER_WEEKS = 2;

export function weekSince(firstReceipt: string, asOf: string): number {
  const days = Math.round(
    (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${firstReceipt}T00:00:00Z`)) / DAY,
  );
  return Math.floor(Math.max(0, days) / 7) + 1;
}

export function sellThroughBp(sold: number, received: number): number | null {
  if (received <= 0) return null;
  return Math.floor((2 * sold * 10_000 + received) / (2 * received));
}

/** The step that fires at `week` with `bp` sell-through, or undefined. */
export function firedStep(
  steps: readonly MarkdownStep[],
  week: number,
  bp: number,
): MarkdownStep | undefined {
  let fired: MarkdownStep | undefined;
  for (const s of steps) {
    if (s.week > week || bp >= s.belowPercent * 100) continue;
    const later = !fired || s.week > fired.week;
    const deeper = fired && s.week === fired.week && s.discountPercent > fired.discountPercent;
    if (later || deeper) fired = s;
  }
  return fired;
}

/** The ladder's deepest discount: a row whose fired step gives it is on the clearance list. */
export function isClearance(steps: readonly MarkdownStep[], fired: MarkdownStep): boolean {
  return steps.every((s) => s.discountPercent <= fired.discountPercent);
}

interface StoreStyleStock {
  store: string;
  bp: number | null;
  onHand: number;
  soldLastWeek: number;
}

interface Rebalance {
  from: string;
  to: string;
  quantity: number;
}

/** Transfers of one style from slow stores to stores that sell it out. */
export function rebalanceStyle(rows: readonly StoreStyleStock[]): Rebalance[] {
  const givers = rows
    .filter((r) => r.bp !== null && r.bp < SLOW_BELOW_BP && r.onHand > 1)
    .sort((a, b) => (a.bp ?? 0) - (b.bp ?? 0) || (a.store < b.store ? -1 : 1))
    .map((r) => ({ store: r.store, left: Math.floor(r.onHand / 2) }));
  const takers = rows
    .filter((r) => r.bp !== null && r.bp >= FAST_FROM_BP)
    .sort((a, b) => (b.bp ?? 0) - (a.bp ?? 0) || (a.store < b.store ? -1 : 1));
  const moves: Rebalance[] = [];
  for (const taker of takers) {
    let need = Math.max(0, taker.soldLastWeek * COVER_WEEKS - taker.onHand);
    for (const giver of givers) {
      if (need === 0) break;
      const quantity = Math.min(need, giver.left);
      if (quantity === 0) continue;
      moves.push({ from: giver.store, to: taker.store, quantity });
      giver.left -= quantity;
      need -= quantity;
    }
  }
  return moves;
}
