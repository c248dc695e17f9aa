// Reads of `orders` and `order_lines` (writes are in orders-write.ts). One sheet row is one order line; the line keeps
// a copy of its order's header (dealer, ref, date, type) so pulls and filters need no join.
import type {
  OrderLine as ParsedOrderLine,
  OrderLineRow as ParsedOrderLineRow,
} from '../../shared/order';
import { orderLineStatus } from '../../shared/order';
import type { Db } from '../store/db';
import { isPostgres } from '../store/dialect';
import type { OrderLinesTable } from '../store/schema';
import type { Parsed } from './stock-refs';

type Optional = 'requestedDate' | 'remark' | 'cancelled' | 'contractCode' | 'deliveryRegionCode';
type OrderLine = Parsed<ParsedOrderLine, Optional>;
type OrderLineRow = Parsed<ParsedOrderLineRow, Optional>;

/** The pushed values of a line, normalised: absent optionals are absent, `cancelled` is set. */
export type LineValues = Omit<OrderLine, 'cancelled'> & { cancelled: boolean };

export interface StoredLine {
  id: string;
  rowKey: string;
  orderId: string;
  lineNo: number;
  values: LineValues;
  shippedQty: number;
  lastShippedDate: string | null;
  version: number;
  changeSeq: number;
  /** A group-buy call-off's contract item and attributed dealer (docs/group-buy.md). */
  callOff?: CallOffFacts;
}

export interface CallOffFacts {
  item: string;
  attributedDealer: string;
}

export interface StoredOrder {
  id: string;
  dealerCode: string;
  orderRef: string;
  orderDate: string;
  orderType: OrderLine['orderType'];
  /** Highest line number so far; new lines continue from it. */
  maxLineNo: number;
}

const CHUNK = 500;

export const orderKey = (dealerCode: string, orderRef: string) => `${dealerCode}\u0000${orderRef}`;

/** Parsed push values (or a stored snapshot of them) → LineValues. */
export function lineValues(v: Readonly<ParsedOrderLine>): LineValues {
  // Field by field rather than by rest and spread: this runs for every pushed line, and V8
  // builds spread copies far more slowly than literals of a fixed shape.
  const line: LineValues = {
    orderRef: v.orderRef,
    dealerCode: v.dealerCode,
    orderDate: v.orderDate,
    orderType: v.orderType,
    skuCode: v.skuCode,
    quantity: v.quantity,
    unitPrice: v.unitPrice,
    locationCode: v.locationCode,
    cancelled: v.cancelled === true,
  };
  if (v.requestedDate) line.requestedDate = v.requestedDate;
  if (v.remark) line.remark = v.remark;
  if (v.contractCode) line.contractCode = v.contractCode;
  if (v.deliveryRegionCode) line.deliveryRegionCode = v.deliveryRegionCode;
  return line;
}

function toLine(row: OrderLinesTable): StoredLine {
  const values = lineValues({
    orderRef: row.order_ref,
    dealerCode: row.dealer_code,
    orderDate: row.order_date,
    orderType: row.order_type,
    skuCode: row.sku_code,
    quantity: row.quantity,
    unitPrice: row.unit_price,
    locationCode: row.location_code,
    requestedDate: row.requested_date ?? undefined,
    remark: row.remark ?? undefined,
    cancelled: row.cancelled === 1,
    contractCode: row.contract_code ?? undefined,
    deliveryRegionCode: row.delivery_region_code ?? undefined,
  });
  const callOff =
    row.contract_item && row.attributed_dealer_code
      ? { item: row.contract_item, attributedDealer: row.attributed_dealer_code }
      : undefined;
  return {
    ...(callOff ? { callOff } : {}),
    id: row.id,
    rowKey: row.row_key,
    orderId: row.order_id,
    lineNo: row.line_no,
    values,
    shippedQty: row.shipped_qty,
    lastShippedDate: row.last_shipped_date,
    version: row.version,
    changeSeq: row.change_seq,
  };
}

async function linesBy(db: Db, column: 'row_key' | 'id', keys: readonly string[]) {
  const unique = [...new Set(keys)];
  const found: StoredLine[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const query = db
      .selectFrom('order_lines')
      .selectAll()
      .where(column, 'in', unique.slice(i, i + CHUNK));
    // Inside a push on PostgreSQL the lines are locked: an order edit and a shipment of one
    // line on two instances take turns instead of writing over each other.
    const rows = await (db.isTransaction && isPostgres(db) ? query.forUpdate() : query).execute();
    found.push(...rows.map(toLine));
  }
  return found;
}

export async function linesByKey(
  db: Db,
  rowKeys: readonly string[],
): Promise<Map<string, StoredLine>> {
  return new Map((await linesBy(db, 'row_key', rowKeys)).map((line) => [line.rowKey, line]));
}

export async function linesById(db: Db, ids: readonly string[]): Promise<Map<string, StoredLine>> {
  return new Map((await linesBy(db, 'id', ids)).map((line) => [line.id, line]));
}

/** Existing orders for (dealer, ref) pairs, keyed by `orderKey`, with their highest line number. */
export async function ordersFor(
  db: Db,
  pairs: readonly { dealerCode: string; orderRef: string }[],
): Promise<Map<string, StoredOrder>> {
  const wanted = new Set(pairs.map((p) => orderKey(p.dealerCode, p.orderRef)));
  const refs = [...new Set(pairs.map((p) => p.orderRef))];
  const found = new Map<string, StoredOrder>();
  for (let i = 0; i < refs.length; i += CHUNK) {
    const rows = await db
      .selectFrom('orders')
      .leftJoin('order_lines', 'order_lines.order_id', 'orders.id')
      .select([
        'orders.id',
        'orders.dealer_code',
        'orders.order_ref',
        'orders.order_date',
        'orders.order_type',
      ])
      .select((eb) => eb.fn.max('order_lines.line_no').as('max_line_no'))
      .where('orders.order_ref', 'in', refs.slice(i, i + CHUNK))
      .groupBy('orders.id')
      .execute();
    for (const row of rows) {
      const key = orderKey(row.dealer_code, row.order_ref);
      if (!wanted.has(key)) continue;
      found.set(key, {
        id: row.id,
        dealerCode: row.dealer_code,
        orderRef: row.order_ref,
        orderDate: row.order_date,
        orderType: row.order_type,
        maxLineNo: row.max_line_no ?? 0,
      });
    }
  }
  return found;
}

/** What the "orders" pull gives for a line (orderLineRowSchema), money in fen. */
export function pullValues(line: StoredLine): OrderLineRow {
  const { cancelled, ...pushed } = line.values;
  const status = orderLineStatus({
    quantity: pushed.quantity,
    shippedQuantity: line.shippedQty,
    cancelled,
  });
  return {
    ...pushed,
    cancelled,
    orderId: line.orderId,
    lineId: line.id,
    status,
    shippedQuantity: line.shippedQty,
    amount: pushed.quantity * pushed.unitPrice,
  };
}

export const lineFromRow = toLine;
