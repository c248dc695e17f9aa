// Sell-out benchmark: the 进销存 check (shared/sellout/stock-flow.ts) over 500 dealers × 300 SKUs
// × 12 months with every term non-zero — beside a plain loop doing the same arithmetic over the
// same terms. Both count the differences they find; the counts must agree.
import { checkStockFlow, type StockFlowTerms } from '../shared/sellout/stock-flow';
import { timeIt, type Row } from './row';

const DEALERS = 500;
const SKUS = 300;
const MONTHS = 12;

/** Deterministic terms: a small linear congruential stream, every seventh month a unit short. */
function generate(): StockFlowTerms[][] {
  let state = 12345;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return 1 + (state % n);
  };
  const pairs: StockFlowTerms[][] = [];
  for (let pair = 0; pair < DEALERS * SKUS; pair++) {
    let stock = next(40);
    const periods: StockFlowTerms[] = [];
    for (let m = 1; m <= MONTHS; m++) {
      const t = {
        shipped: next(60),
        returns: next(3),
        transfersOut: next(3),
        transfersIn: next(3),
      };
      const available = stock + t.shipped - t.returns - t.transfersOut + t.transfersIn;
      const sold = Math.max(1, Math.floor(available / 2));
      const short = (pair + m) % 7 === 0 ? 1 : 0;
      const opening = m === 1 ? { openingFigure: stock } : {};
      stock = available - sold - short;
      periods.push({ period: `2025-${m}`, ...t, sold, reportedClosing: stock, ...opening });
    }
    pairs.push(periods);
  }
  return pairs;
}

function plainLoop(pairs: readonly StockFlowTerms[][]): number {
  let differences = 0;
  for (const periods of pairs) {
    let opening = periods[0]?.openingFigure ?? 0;
    for (const p of periods) {
      const expected = opening + p.shipped - p.returns - p.transfersOut + p.transfersIn - p.sold;
      if (expected !== p.reportedClosing) differences++;
      opening = p.reportedClosing;
    }
  }
  return differences;
}

function withRule(pairs: readonly StockFlowTerms[][]): number {
  let differences = 0;
  for (const periods of pairs)
    for (const line of checkStockFlow(periods)) if (line.difference !== 0) differences++;
  return differences;
}

export async function benchSellout(): Promise<Row[]> {
  const pairs = generate();
  withRule(pairs.slice(0, 1000));
  plainLoop(pairs.slice(0, 1000));
  const rule = await timeIt(() => withRule(pairs));
  const plain = await timeIt(() => plainLoop(pairs));
  if (rule.result !== plain.result)
    throw new Error(`进销存 differences disagree: ${rule.result} vs ${plain.result}`);
  return [
    {
      name: `进销存 check, ${DEALERS} dealers × ${SKUS} SKUs × ${MONTHS} months (${rule.result} differences)`,
      value: rule.ms,
      unit: 'ms',
      baseline: plain.ms,
      baselineName: 'plain loop over the same terms',
    },
  ];
}
