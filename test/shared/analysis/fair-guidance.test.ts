import assert from 'node:assert/strict';
import {
  fairDemandUnits,
  flagFairOrder,
  suggestFairOrder,
  type FairStyleInput,
} from '../../../shared/analysis/fair-guidance';
import { accepted, refusalCode } from './outcome-helpers';

const MIX = [
  { colour: 'Black', size: 'M', historicalUnits: 40 },
  { colour: 'Black', size: 'L', historicalUnits: 30 },
  { colour: 'Navy', size: 'M', historicalUnits: 20 },
  { colour: 'Navy', size: 'L', historicalUnits: 10 },
];

function style(overrides: Partial<FairStyleInput> = {}): FairStyleInput {
  return {
    dealerCode: 'D001',
    style: 'JK2501',
    lastSeasonSellIn: 200,
    sellThroughPercent: 75,
    plannedGrowthPercent: 10,
    carryOver: 15,
    packSize: 6,
    mix: MIX,
    ...overrides,
  };
}

describe('order-fair guidance', () => {
  it('worked example: 200 × 75 % × 1.10 − 15 = 150 → 25 packs of 6, split 40:30:20:10', () => {
    // Packs by mix: 25 × .4 = 10, × .3 = 7.5, × .2 = 5, × .1 = 2.5 → floors 10, 7, 5, 2 = 24;
    // the last pack goes to the tie at .5 with the lower index (Black L) → 10, 8, 5, 2.
    assert.deepEqual(accepted(suggestFairOrder(style())), {
      dealerCode: 'D001',
      style: 'JK2501',
      plannedUnits: 165,
      usableCarryOver: 15,
      demandUnits: 150,
      packs: 25,
      suggestedUnits: 150,
      lines: [
        { colour: 'Black', size: 'M', quantity: 60 },
        { colour: 'Black', size: 'L', quantity: 48 },
        { colour: 'Navy', size: 'M', quantity: 30 },
        { colour: 'Navy', size: 'L', quantity: 12 },
      ],
    });
  });

  describe('demand units (half up, at least 0)', () => {
    const cases: [string, Partial<FairStyleInput>, number][] = [
      [
        '7 × 33 % = 2.31 → 2',
        {
          lastSeasonSellIn: 7,
          sellThroughPercent: 33,
          plannedGrowthPercent: 0,
          carryOver: 0,
        },
        2,
      ],
      [
        '5 × 50 % = 2.5 → 3',
        {
          lastSeasonSellIn: 5,
          sellThroughPercent: 50,
          plannedGrowthPercent: 0,
          carryOver: 0,
        },
        3,
      ],
      ['shrinking plan: 200 × 75 % × 0.8 − 15 = 105', { plannedGrowthPercent: -20 }, 105],
      ['carry-over covers it all: 165 − 200 → 0', { carryOver: 200 }, 0],
    ];
    for (const [name, overrides, expected] of cases) {
      it(name, () => {
        assert.equal(fairDemandUnits(style(overrides)), expected);
      });
    }
  });

  it('plans from units sold, grows, divides by the target sell-through, less usable carry-over', () => {
    // Sold: 60 reported + 200 × 75 % = 210; × 1.10 = 231 planned; ÷ 80 % = 288.75 → 289;
    // usable carry-over 40 × 50 % = 20 → 269 units → 45 packs of 6 = 270, split 40:30:20:10:
    // 18, 13.5, 9, 4.5 packs → 18, 13, 9, 4 = 44; the last pack to the first .5 tie (Black L).
    const suggestion = accepted(
      suggestFairOrder(
        style({
          lastSeasonSold: 60,
          targetSellThroughPercent: 80,
          carryOver: 40,
          usableCarryOverPercent: 50,
        }),
      ),
    );
    assert.deepEqual(
      [suggestion.plannedUnits, suggestion.usableCarryOver, suggestion.demandUnits],
      [231, 20, 269],
    );
    assert.deepEqual([suggestion.packs, suggestion.suggestedUnits], [45, 270]);
    assert.deepEqual(
      suggestion.lines.map((l) => l.quantity),
      [108, 84, 54, 24],
    );
  });

  it('refuses a target sell-through of 0 %', () => {
    assert.equal(
      refusalCode(suggestFairOrder(style({ targetSellThroughPercent: 0 }))),
      'invalid-percent',
    );
  });

  it('rounds up to whole packs: 2 units → 1 pack of 6', () => {
    const overrides = {
      lastSeasonSellIn: 7,
      sellThroughPercent: 33,
      plannedGrowthPercent: 0,
      carryOver: 0,
    };
    const suggestion = accepted(suggestFairOrder(style(overrides)));
    assert.equal(suggestion.packs, 1);
    assert.equal(suggestion.suggestedUnits, 6);
    assert.deepEqual(
      suggestion.lines.map((l) => l.quantity),
      [6, 0, 0, 0],
    );
  });

  it('no size/colour history → equal split of the packs', () => {
    const mix = MIX.map((m) => ({ ...m, historicalUnits: 0 }));
    // 25 packs over 4 equal: 7, 6, 6, 6 → 42, 36, 36, 36 units.
    const suggestion = accepted(suggestFairOrder(style({ mix })));
    assert.deepEqual(
      suggestion.lines.map((l) => l.quantity),
      [42, 36, 36, 36],
    );
  });

  const refusals: [string, Partial<FairStyleInput>, string][] = [
    ['growth of −100 %', { plannedGrowthPercent: -100 }, 'invalid-growth'],
    ['sell-through above 100 %', { sellThroughPercent: 120 }, 'invalid-percent'],
    ['a colour/size twice', { mix: [MIX[0]!, MIX[0]!] }, 'duplicate-variant'],
    ['no mix', { mix: [] }, 'invalid-input'],
  ];
  for (const [name, overrides, code] of refusals) {
    it(`refuses ${name} with ${code}`, () => {
      assert.equal(refusalCode(suggestFairOrder(style(overrides))), code);
    });
  }

  describe('flagFairOrder (±20 %; exactly 20 % is not flagged)', () => {
    const cases: [number, number, boolean, string, number | null][] = [
      [150, 150, false, 'within', 0],
      [180, 150, false, 'within', 2000], // +30 / 150 = +20.00 %
      [181, 150, true, 'over', 2067], // +31 / 150 = +20.67 %
      [120, 150, false, 'within', -2000], // −30 / 150 = −20.00 %
      [119, 150, true, 'under', -2067], // −31 / 150 = −20.67 %
      [0, 150, true, 'under', -10000],
      [0, 0, false, 'within', null],
      [6, 0, true, 'over', null],
    ];
    for (const [actual, suggested, isFlagged, direction, deviationBp] of cases) {
      it(`actual ${actual} vs suggested ${suggested} → ${isFlagged ? 'flagged' : 'not flagged'}`, () => {
        assert.deepEqual(flagFairOrder(actual, suggested), { isFlagged, direction, deviationBp });
      });
    }

    it('a custom tolerance of 10 %: 166 vs 150 (+10.67 %) is flagged, 165 is not', () => {
      assert.equal(flagFairOrder(166, 150, 10).isFlagged, true);
      assert.equal(flagFairOrder(165, 150, 10).isFlagged, false);
    });
  });
});
