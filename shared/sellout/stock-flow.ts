// The 进销存 check of one dealer × SKU (docs/sell-out.md): over its reported periods in order,
//   expected closing = opening + sell-in shipped − returns − transfers out + transfers in − sold
// where the opening is the previous period's reported closing and the first period's opening is
// the opening figure typed on its report (0 when none). The difference is reported − expected:
// negative when the dealer reports less stock than the goods it received and sold leave.
// Pure: the caller gathers every term per period (server/sellout/stock-terms.ts says where each
// comes from); returns and dealer transfers are terms like the others, 0 until a source exists.

/** What moved in one reported period of one dealer × SKU, in units. */
export interface StockFlowTerms {
  period: string;
  /** Units shipped to the dealer (sell-in) within the period. */
  shipped: number;
  /** Units the dealer returned to us within the period. */
  returns: number;
  /** Units the dealer passed on to other dealers (调出). */
  transfersOut: number;
  /** Units the dealer took over from other dealers (调入). */
  transfersIn: number;
  /** Units sold to consumers, as reported. */
  sold: number;
  /** Closing stock, as reported. */
  reportedClosing: number;
  /** The opening stock typed on the report; read only for the first period. */
  openingFigure?: number;
}

export interface StockFlowLine extends StockFlowTerms {
  opening: number;
  expectedClosing: number;
  difference: number;
}

export function expectedClosing(opening: number, t: StockFlowTerms): number {
  return opening + t.shipped - t.returns - t.transfersOut + t.transfersIn - t.sold;
}

/** One line per period, in the order given (oldest first). */
export function checkStockFlow(periods: readonly StockFlowTerms[]): StockFlowLine[] {
  const lines: StockFlowLine[] = [];
  let previous: number | undefined;
  for (const terms of periods) {
    const opening = previous ?? terms.openingFigure ?? 0;
    const expected = expectedClosing(opening, terms);
    // Named fields, not a spread: the check runs over millions of periods (bench/sellout.ts).
    lines.push({
      period: terms.period,
      shipped: terms.shipped,
      returns: terms.returns,
      transfersOut: terms.transfersOut,
      transfersIn: terms.transfersIn,
      sold: terms.sold,
      reportedClosing: terms.reportedClosing,
      opening,
      expectedClosing: expected,
      difference: terms.reportedClosing - expected,
    });
    previous = terms.reportedClosing;
  }
  return lines;
}
