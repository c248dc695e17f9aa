// The 进销存 rule as a pure function, with every term non-zero so dropping or flipping any one
// of them changes a worked number; and the periods, month and ISO week.
import assert from 'node:assert/strict';
import { checkStockFlow, type StockFlowTerms } from '../../../shared/sellout/stock-flow';
import { isValidPeriod, periodRange } from '../../../shared/sellout/period';

const jan: StockFlowTerms = {
  period: '2025-01',
  openingFigure: 40,
  shipped: 100,
  returns: 7,
  transfersOut: 5,
  transfersIn: 3,
  sold: 60,
  reportedClosing: 70,
};
const feb: StockFlowTerms = {
  period: '2025-02',
  openingFigure: 999, // read only for the first period
  shipped: 50,
  returns: 2,
  transfersOut: 10,
  transfersIn: 4,
  sold: 30,
  reportedClosing: 85,
};

describe('sell-out: the 进销存 check', () => {
  it('works out every term: 40 + 100 − 7 − 5 + 3 − 60 = 71, reported 70, difference −1', () => {
    const [first] = checkStockFlow([jan]);
    assert.deepEqual([first!.opening, first!.expectedClosing, first!.difference], [40, 71, -1]);
  });

  it('opens each later period at the previous reported closing (70, not 71 nor 999)', () => {
    const [, second] = checkStockFlow([jan, feb]);
    // 70 + 50 − 2 − 10 + 4 − 30 = 82; reported 85 → +3
    assert.deepEqual([second!.opening, second!.expectedClosing, second!.difference], [70, 82, 3]);
  });

  it('opens a first period without an opening figure at 0', () => {
    const { openingFigure: _, ...bare } = jan;
    assert.equal(checkStockFlow([bare])[0]!.expectedClosing, 31);
  });

  const periods: [string, string | undefined, string | undefined][] = [
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2025-W53', undefined, undefined],
    ['2025-13', undefined, undefined],
    ['2025-1', undefined, undefined],
  ];
  for (const [period, start, end] of periods)
    it(`period ${period} covers ${start ?? 'nothing'} … ${end ?? ''}`, () => {
      assert.deepEqual(periodRange(period), start ? { start, end } : undefined);
      assert.equal(isValidPeriod(period), start !== undefined);
    });
});
