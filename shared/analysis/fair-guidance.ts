// Order-fair guidance (订货会, A8, C1-3): a suggested order per dealer and style from the
// dealer's own history.
//   units = round(last season's sell-in × sell-through × (1 + planned growth)) − usable carry-over
// Sell-in × sell-through is what consumers actually bought (the sell-out), so a dealer who
// sold little of what it bought is not pushed to buy the same again. The units are floored
// at 0, rounded UP to whole packs (as replenishment does), and the packs are split over
// the dealer's historical size/colour mix by largest remainder (no history → equal).
// Exact integer arithmetic: percentages are basis points, rounding is half up.
import { z } from 'zod';
import { addCodedIssue, parseOutcome, type Outcome } from './outcome';
import { apportion, hasWholeBasisPoints, percentSchema, toBasisPoints } from './split';

const countSchema = z.number().int().min(0);

export const fairMixLineSchema = z.object({
  colour: z.string().min(1),
  size: z.string().min(1),
  /** Units of this colour/size the dealer sold (or bought) historically: the mix weight. */
  historicalUnits: countSchema,
});
export type FairMixLine = z.infer<typeof fairMixLineSchema>;

export const fairStyleInputSchema = z.object({
  dealerCode: z.string().min(1),
  style: z.string().min(1),
  /** Units of the style (or its predecessor) the dealer bought last season. */
  lastSeasonSellIn: countSchema,
  /** Share of that sell-in sold to consumers, percent 0–100. */
  sellThroughPercent: percentSchema,
  /** Planned growth, percent (−100 < g); two decimals at most. */
  plannedGrowthPercent: z.number().refine((g) => g > -100 && hasWholeBasisPoints(g), {
    error: 'planned growth must be above −100 % with at most two decimals',
    params: { code: 'invalid-growth' },
  }),
  /** Unsold units from earlier seasons still sellable this season. */
  usableCarryOver: countSchema,
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
export type FairStyleInput = z.infer<typeof fairStyleInputSchema>;

export type FairSuggestionLine = { colour: string; size: string; quantity: number };
export type FairSuggestion = {
  dealerCode: string;
  style: string;
  /** Units before pack rounding (sell-out × growth − carry-over, at least 0). */
  demandUnits: number;
  packs: number;
  /** packs × pack size: what the lines sum to. */
  suggestedUnits: number;
  lines: FairSuggestionLine[];
};

/** Sell-out × (1 + growth) − carry-over, half up, at least 0. */
export function fairDemandUnits(input: FairStyleInput): number {
  const sellThroughBp = toBasisPoints(input.sellThroughPercent);
  const growthFactorBp = 10_000 + toBasisPoints(input.plannedGrowthPercent);
  const scaled = input.lastSeasonSellIn * sellThroughBp * growthFactorBp;
  const units = Math.floor((2 * scaled + 100_000_000) / 200_000_000);
  return Math.max(0, units - input.usableCarryOver);
}

/** The suggested fair order of one dealer for one style, split by its size/colour mix. */
export function suggestFairOrder(input: FairStyleInput): Outcome<FairSuggestion> {
  const parsed = parseOutcome(fairStyleInputSchema, input);
  if (!parsed.ok) return parsed;
  const style = parsed.value;
  const demandUnits = fairDemandUnits(style);
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
      demandUnits,
      packs,
      suggestedUnits: packs * style.packSize,
      lines,
    },
  };
}

export type FairOrderCheck = {
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
