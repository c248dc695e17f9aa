// A count line's variance and its value at cost, and a count's totals (docs/stocktake.md):
// variance = counted − system quantity as of the cut-off; value = variance × standard cost.
// A SKU without a standard cost has a variance but no value, and adds none to the total.

interface CountFigures {
  counted: number;
  system: number;
  /** Standard cost in fen, when the SKU has one. */
  unitCost?: number | undefined;
}

export interface Variance {
  variance: number;
  value?: number;
}

export function varianceOf(line: CountFigures): Variance {
  const variance = line.counted - line.system;
  return line.unitCost === undefined ? { variance } : { variance, value: variance * line.unitCost };
}

interface CountTotals {
  lines: number;
  varianceQuantity: number;
  varianceValue: number;
}

export function totalsOf(lines: readonly CountFigures[]): CountTotals {
  let varianceQuantity = 0;
  let varianceValue = 0;
  for (const line of lines) {
    const { variance, value } = varianceOf(line);
    varianceQuantity += variance;
    varianceValue += value ?? 0;
  }
  return { lines: lines.length, varianceQuantity, varianceValue };
}
