// The one indexed query behind each page of the sales-facts pull: order lines, shipment
// documents and return lines changed after the cursor, merged in change_seq order (each arm
// walks a change_seq index, so SQLite merges them and stops at the limit). Shipments are the
// `shipments` documents in `records` (values: date, lineId, quantity), joined to their order
// line; a return line (`return_lines`, docs/returns.md) is joined through the shipment it
// returns to that line, and is live only once posted (awaiting approval and rejected lines
// travel as tombstones): its quantity is negative, at the price the return credits.
// `hit` says whether the row matches the scope and filter; rows changed after the first load
// began come back even when they do not, so the pull can send them as tombstones. A region or
// category limit looks each row's dealer or product up by its code (records.region_code,
// records.category) rather than listing every dealer or product in scope.
import { sql, type RawBuilder } from 'kysely';
import type { PullFilter } from '../../shared/protocol';
import type { Db } from '../store/db';
import { shipmentColumns } from '../datasets/shipment-records';

/** What the user and the filter leave in: dealers in every region set, one dealer, one category. */
export interface FactScope {
  regions: Set<string>[];
  dealer?: string;
  category?: string;
}

export interface RawFact {
  kind: 'o' | 's' | 'r';
  id: string;
  seq: number;
  version: number;
  gone: number;
  hit: number;
  date: string | null;
  quantity: number | null;
  line_id: string | null;
  dealer_code: string | null;
  sku_code: string | null;
  unit_price: number | null;
  order_type: string | null;
  location_code: string | null;
  attributed_dealer_code: string | null;
}

interface FactQuery {
  afterSeq: number;
  skipUpTo: number;
  limit: number;
  scope: FactScope;
  filter: PullFilter;
}

// A call-off counts in the region of the dealer it is attributed to (docs/group-buy.md).
const dealerIn = (regions: Set<string>) =>
  sql`EXISTS (SELECT 1 FROM records d WHERE d.dataset = 'dealers'
    AND d.id = COALESCE(l.attributed_dealer_code, l.dealer_code)
    AND d.deleted = 0 AND d.region_code IN (${sql.join([...regions, ''])}))`;

const productIn = (category: string) =>
  sql`EXISTS (SELECT 1 FROM records p WHERE p.dataset = 'products' AND p.id = l.sku_code
    AND p.deleted = 0 AND p.category = ${category})`;

function matches(q: FactQuery, date: RawBuilder<unknown>): RawBuilder<unknown> {
  const { scope } = q;
  const parts = [
    ...scope.regions.map(dealerIn),
    scope.dealer === undefined ? sql`TRUE` : sql`l.dealer_code = ${scope.dealer}`,
    scope.category === undefined ? sql`TRUE` : productIn(scope.category),
    q.filter.from ? sql`${date} >= ${q.filter.from}` : sql`TRUE`,
    q.filter.to ? sql`${date} <= ${q.filter.to}` : sql`TRUE`,
  ];
  return sql`(${sql.join(parts, sql` AND `)})`;
}

/** 1 or 0 (a boolean is a number on SQLite, not on PostgreSQL). */
const flag = (condition: RawBuilder<unknown>) => sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`;

const LINE_COLUMNS = sql`l.id AS line_id, l.dealer_code, l.sku_code, l.unit_price, l.order_type, l.location_code,
  l.attributed_dealer_code`;

/** The return-line arm: posted lines are live, negative, at the credited price. */
function returnedArm(db: Db, q: FactQuery) {
  const shipment = shipmentColumns(db, 'sr');
  const returned = matches(q, sql.ref('rl.date'));
  return sql`
    SELECT 'r', rl.id, rl.change_seq, rl.version,
      CASE WHEN rl.status = 'posted' THEN 0 ELSE 1 END, ${flag(returned)}, rl.date,
      -rl.quantity, l.id, rl.dealer_code, rl.sku_code, rl.unit_price, l.order_type,
      rl.location_code, l.attributed_dealer_code
    FROM return_lines rl
      LEFT JOIN records sr ON ${shipment.isShipment} AND sr.id = rl.shipment_id
      LEFT JOIN order_lines l ON l.id = ${shipment.lineId}
    WHERE rl.change_seq > ${q.afterSeq} AND (${returned} OR rl.change_seq > ${q.skipUpTo})`;
}

export async function selectFacts(db: Db, q: FactQuery): Promise<RawFact[]> {
  const shipment = shipmentColumns(db);
  const shipDate = shipment.date;
  const ordered = matches(q, sql.ref('l.order_date'));
  const shipped = matches(q, shipDate);
  const result = await sql<RawFact>`
    SELECT 'o' AS kind, l.id AS id, l.change_seq AS seq, l.version AS version, l.cancelled AS gone,
      ${flag(ordered)} AS hit, l.order_date AS date, l.quantity AS quantity, ${LINE_COLUMNS}
    FROM order_lines l
    WHERE l.change_seq > ${q.afterSeq} AND (${ordered} OR l.change_seq > ${q.skipUpTo})
    UNION ALL
    SELECT 's', r.id, r.change_seq, r.version, r.deleted, ${flag(shipped)}, ${shipDate},
      ${shipment.quantity}, ${LINE_COLUMNS}
    FROM records r LEFT JOIN order_lines l ON l.id = ${shipment.lineId}
    WHERE ${shipment.isShipment} AND r.change_seq > ${q.afterSeq}
      AND (${shipped} OR r.change_seq > ${q.skipUpTo})
    UNION ALL ${returnedArm(db, q)}
    ORDER BY 3 LIMIT ${q.limit}`.execute(db);
  return result.rows;
}
