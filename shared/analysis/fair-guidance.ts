// Order-fair guidance (订货会, A8, C1-3): a suggested order per dealer and style from what the
// dealer SOLD last season (docs/sell-out.md, "Fair guidance"):
//   sold      = units the dealer reported selling (sell-out) + sell-in of the variants it
//               reported nothing for × sell-through
//   planned   = sold × (1 + planned growth)
//   units     = round(planned ÷ target sell-through) − round(carry-over × usable %)
// so a dealer who sold little of what it bought is not pushed to buy the same again, and one
// expected to sell only 80 % of its order orders a quarter more than it plans to sell. The units
// are floored at 0, rounded UP to whole packs (as replenishment does), and the packs are split
// over the dealer's size/colour mix by largest remainder, so the parts sum exactly (no history →
// equal). Exact integer arithmetic: percentages are basis points, rounding is half up.
import { z } from 'zod';
import { addCodedIssue, parseOutcome, type Outcome } from './outcome';
import { apportion, hasWholeBasisPoints, percentSchema, toBasisPoints } from './split';

const countSchema = z.number().int().min(0);

const fairMixLineSchema = z.object({
  colour: z.string().min(1),
  size: z.string().min(1),
  /** Units of this colour/size the dealer sold (or bought) historically: the mix weight. */
  historicalUnits: countSchema,
});
export type FairMixLine = z.infer<typeof fairMixLineSchema>;

const fairStyleInputSchema = z.object({
  dealerCode: z.string().min(1),
  style: z.string().min(1),
  /** Units bought last season of the variants with no sell-out report (or all of them). */
  lastSeasonSellIn: countSchema,
  /** Share of that sell-in taken as sold to consumers, percent 0–100. */
  sellThroughPercent: percentSchema,
  /** Units the dealer reported selling last season (its sell-out reports). */
  lastSeasonSold: countSchema.default(0),
  /** Planned growth, percent (−100 < g); two decimals at most. */
  plannedGrowthPercent: z.number().refine((g) => g > -100 && hasWholeBasisPoints(g), {
    error: 'planned growth must be above −100 % with at most two decimals',
    params: { code: 'invalid-growth' },
  }),
  /** The share of its order the dealer is expected to sell through, percent (above 0). */
  targetSellThroughPercent: percentSchema
    .refine((p) => p > 0, {
      error: 'a target sell-through must be above 0 %',
      params: { code: 'invalid-percent' },
    })
    .default(100),
  /** The dealer's stock of the style from earlier seasons. */
  carryOver: countSchema.default(0),
  /** Share of that carry-over still sellable this season, percent. */
  usableCarryOverPercent: percentSchema.default(100),
  packSize: z.number().int().min(1),
  mix: z
    .array(fairMixLineSchema)
    .min(1)
    .superRefine((mix, ctx) => {
      const keys = new Set(mix.map((m) => `${m.colour}\u0000${m.size}`));
      if (keys.size !== mix.length)
        addCodedIssue(ctx, 'duplicate-variant', 'a colour/size appears twice');
    }),
});
export type FairStyleInput = z.input<typeof fairStyleInputSchema>;

export type FairSuggestionLine = { colour: string; size: string; quantity: number };
type FairSuggestion = {
  dealerCode: string;
  style: string;
  /** Planned sales: sold × (1 + growth), half up. */
  plannedUnits: number;
  /** Usable carry-over: carry-over × usable %, half up. */
  usableCarryOver: number;
  /** Units before pack rounding (planned ÷ target sell-through − usable carry-over, ≥ 0). */
  demandUnits: number;
  packs: number;
  /** packs × pack size: what the lines sum to. */
  suggestedUnits: number;
  lines: FairSuggestionLine[];
};

const halfUp = (numerator: number, denominator: number) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

/** The planning figures of one dealer × style, all whole units (half up). */
function fairPlan(input: FairStyleInput) {
  const soldX1e4 =
    (input.lastSeasonSold ?? 0) * 10_000 +
    input.lastSeasonSellIn * toBasisPoints(input.sellThroughPercent);
  const growthBp = 10_000 + toBasisPoints(input.plannedGrowthPercent);
  const targetBp = toBasisPoints(input.targetSellThroughPercent ?? 100);
  const usableBp = toBasisPoints(input.usableCarryOverPercent ?? 100);
  const usableCarryOver = halfUp((input.carryOver ?? 0) * usableBp, 10_000);
  const toOrder = halfUp(soldX1e4 * growthBp, 10_000 * targetBp);
  return {
    plannedUnits: halfUp(soldX1e4 * growthBp, 100_000_000),
    usableCarryOver,
    demandUnits: Math.max(0, toOrder - usableCarryOver),
  };
}

/** planned ÷ target sell-through − usable carry-over, half up, at least 0. */
export function fairDemandUnits(input: FairStyleInput): number {
  return fairPlan(input).demandUnits;
}

/** The suggested fair order of one dealer for one style, split by its size/colour mix. */
export function suggestFairOrder(input: FairStyleInput): Outcome<FairSuggestion> {
  const parsed = parseOutcome(fairStyleInputSchema, input);
  if (!parsed.ok) return parsed;
  const style = parsed.value;
  const { plannedUnits, usableCarryOver, demandUnits } = fairPlan(style);
  const packs = Math.ceil(demandUnits / style.packSize);
  const weights = style.mix.map((m) => m.historicalUnits);
  const split = apportion(packs, weights.every((w) => w === 0) ? weights.map(() => 1) : weights);
  if (!split.ok) return split;
  const lines = style.mix.map((m, i) => ({
    colour: m.colour,
    size: m.size,
    quantity: (split.value[i] ?? 0) * style.packSize,
  }));
  return {
    ok: true,
    value: {
      dealerCode: style.dealerCode,
      style: style.style,
      plannedUnits,
      usableCarryOver,
      demandUnits,
      packs,
      suggestedUnits: packs * style.packSize,
      lines,
    },
  };
}

type FairOrderCheck = {
  isFlagged: boolean;
  direction: 'over' | 'under' | 'within';
  /** (actual − suggested) / suggested in basis points, half away from zero; null if suggested is 0. */
  deviationBp: number | null;
};

/**
 * Flags a dealer's actual fair order that is more than ±tolerance (default 20 %) off the
 * suggestion; exactly 20 % off is not flagged. Nothing suggested: any order is flagged.
 */
export function flagFairOrder(
  actual: number,
  suggested: number,
  tolerancePercent = 20,
): FairOrderCheck {
  const difference = actual - suggested;
  const isFlagged =
    suggested === 0
      ? actual > 0
      : Math.abs(difference) * 10_000 > toBasisPoints(tolerancePercent) * suggested;
  const direction = !isFlagged ? 'within' : difference > 0 ? 'over' : 'under';
  return { isFlagged, direction, deviationBp: deviationBp(difference, suggested) };
}

function deviationBp(difference: number, suggested: number): number | null {
  if (suggested === 0) return null;
  const magnitude = Math.floor((2 * Math.abs(difference) * 10_000 + suggested) / (2 * suggested));
  return difference < 0 ? -magnitude : magnitude;
}
