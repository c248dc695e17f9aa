// The returns, transfers-out and transfers-in terms of the 进销存 check (docs/sell-out.md), in
// units per dealer × SKU × document date, from the returns store (docs/returns.md):
//   returns       posted return lines, the returned side of exchanges included, except transfers
//   transfersOut  posted return lines of reason `dealer-transfer`: what A gave up (调出)
//   transfersIn   the dealer-transfers documents: what B received (调入), dated as the transfer
// A transfer books B an order and shipment (DT-<ref>) of the same SKU, quantity and date; that
// shipment is B's transfer-in, so the shipped term leaves it out (`shippedOutsideTransfers`)
// rather than counting it twice.
import { sql } from 'kysely';
import { shippedByDealerSkuDate } from '../analysis/shipped';
import type { Db } from '../store/db';
import { jsonInt, jsonText } from '../store/dialect';
import type { DatedQuantity } from './stock-terms';

type Range = { from: string; to: string; dealer?: string };

const dealerIs = (column: string, range: Range) =>
  range.dealer === undefined ? sql`` : sql`AND ${sql.ref(column)} = ${range.dealer}`;

const numbers = (rows: (Omit<DatedQuantity, 'quantity'> & { quantity: number | string })[]) =>
  rows.map((r) => ({ ...r, quantity: Number(r.quantity) }));

async function returnLines(db: Db, range: Range, transfers: boolean): Promise<DatedQuantity[]> {
  const reason = transfers
    ? sql`rl.reason = 'dealer-transfer'`
    : sql`rl.reason <> 'dealer-transfer'`;
  const result = await sql<DatedQuantity>`
    SELECT rl.dealer_code AS dealer, rl.sku_code AS sku, rl.date AS date,
      SUM(rl.quantity) AS quantity
    FROM return_lines rl
    WHERE rl.status = 'posted' AND ${reason}
      AND rl.date BETWEEN ${range.from} AND ${range.to} ${dealerIs('rl.dealer_code', range)}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3`.execute(db);
  return numbers(result.rows);
}

export const returnedUnits = (db: Db, range: Range) => returnLines(db, range, false);
export const transferredOutUnits = (db: Db, range: Range) => returnLines(db, range, true);

/** Units each receiving dealer got by transfer: the documents joined to A's return line. */
export async function transferredInUnits(db: Db, range: Range): Promise<DatedQuantity[]> {
  const to = jsonText(db, 't.data', 'toDealerCode');
  const date = jsonText(db, 't.data', 'date');
  const dealer = range.dealer === undefined ? sql`` : sql`AND ${to} = ${range.dealer}`;
  const result = await sql<DatedQuantity>`
    SELECT ${to} AS dealer, rl.sku_code AS sku, ${date} AS date,
      SUM(${jsonInt(db, 't.data', 'quantity')}) AS quantity
    FROM records t JOIN return_lines rl ON rl.id = ${jsonText(db, 't.data', 'returnLineId')}
    WHERE t.dataset = 'dealer-transfers' AND t.deleted = 0 AND rl.status = 'posted'
      AND ${date} BETWEEN ${range.from} AND ${range.to} ${dealer}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3`.execute(db);
  return numbers(result.rows);
}

/** Shipped units less the transfer orders' shipments, which are the transfers-in term. */
export async function shippedOutsideTransfers(db: Db, range: Range): Promise<DatedQuantity[]> {
  const shipped = await shippedByDealerSkuDate(db, range);
  const received = await transferredInUnits(db, range);
  return [...shipped, ...received.map((r) => ({ ...r, quantity: -r.quantity }))];
}
