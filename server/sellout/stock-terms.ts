// Where each term of the 进销存 check comes from (docs/sell-out.md). Every term is a quantity per
// dealer × SKU × business date, summed over the days between the previous report's last day
// (exclusive) and the report's last day (inclusive); the first report takes its own period.
//   shipped       the shipment documents of the ledger (server/analysis/shipped.ts), less the
//                 shipments of transfer orders, which are transfers in
//   returns       posted return lines, exchanges' returned side included (returned-terms.ts)
//   transfersOut  posted return lines of dealer transfers (调出)
//   transfersIn   the dealer-transfers documents, for the receiving dealer (调入)
// Credit notes of kind 退货 carry an amount, not units, so they do not feed `returns`.
import type { Db } from '../store/db';
import {
  returnedUnits,
  shippedOutsideTransfers,
  transferredInUnits,
  transferredOutUnits,
} from './returned-terms';

type MovementTerm = 'shipped' | 'returns' | 'transfersOut' | 'transfersIn';
const movementTerms: readonly MovementTerm[] = [
  'shipped',
  'returns',
  'transfersOut',
  'transfersIn',
];

export interface DatedQuantity {
  dealer: string;
  sku: string;
  date: string;
  quantity: number;
}

type TermLoader = (
  db: Db,
  range: { from: string; to: string; dealer?: string },
) => Promise<DatedQuantity[]>;

/** The loader of each term; a term without one would be 0 in every period. */
const termLoaders: Partial<Record<MovementTerm, TermLoader>> = {
  shipped: shippedOutsideTransfers,
  returns: returnedUnits,
  transfersOut: transferredOutUnits,
  transfersIn: transferredInUnits,
};

/** Per term, per dealer|sku, the dated quantities sorted by date. */
export type TermBook = Record<MovementTerm, Map<string, DatedQuantity[]>>;

export async function loadTerms(
  db: Db,
  range: { from: string; to: string; dealer?: string },
): Promise<TermBook> {
  const book = {} as TermBook;
  for (const term of movementTerms) {
    const byPair = new Map<string, DatedQuantity[]>();
    const loader = termLoaders[term];
    for (const row of loader ? await loader(db, range) : []) {
      const key = `${row.dealer}|${row.sku}`;
      const list = byPair.get(key) ?? [];
      list.push(row);
      byPair.set(key, list);
    }
    for (const list of byPair.values()) list.sort((a, b) => (a.date < b.date ? -1 : 1));
    book[term] = byPair;
  }
  return book;
}

/** Units of one term for a dealer|sku on dates after `after` (if any) up to `end`. */
export function sumBetween(
  list: readonly DatedQuantity[] | undefined,
  window: { after?: string; start: string; end: string },
): number {
  let total = 0;
  for (const row of list ?? []) {
    const afterStart =
      window.after === undefined ? row.date >= window.start : row.date > window.after;
    if (afterStart && row.date <= window.end) total += row.quantity;
  }
  return total;
}
