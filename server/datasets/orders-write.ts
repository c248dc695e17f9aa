// Writes of `orders` and `order_lines`: multi-row statements (store/bulk.ts), new lines as plain
// inserts, changed ones as upserts on the line id.
import { bulkWriter } from '../store/bulk';
import type { WriteTarget } from '../store/write-queue';
import type { OrderLinesTable } from '../store/schema';
import type { StoredLine, StoredOrder } from './orders-store';

const writeOrders = bulkWriter({
  table: 'orders',
  columns: [
    'id',
    'dealer_code',
    'order_ref',
    'order_date',
    'order_type',
    'created_at',
    'created_by',
  ],
});

export async function insertOrders(
  db: WriteTarget,
  orders: readonly (Omit<StoredOrder, 'maxLineNo'> & { at: string; by: string })[],
): Promise<void> {
  await writeOrders(
    db,
    orders.map((o) => ({
      id: o.id,
      dealer_code: o.dealerCode,
      order_ref: o.orderRef,
      order_date: o.orderDate,
      order_type: o.orderType,
      created_at: o.at,
      created_by: o.by,
    })),
  );
}

function toRow(line: StoredLine, at: string): OrderLinesTable {
  const v = line.values;
  return {
    id: line.id,
    row_key: line.rowKey,
    order_id: line.orderId,
    line_no: line.lineNo,
    dealer_code: v.dealerCode,
    order_ref: v.orderRef,
    order_date: v.orderDate,
    order_type: v.orderType,
    sku_code: v.skuCode,
    quantity: v.quantity,
    unit_price: v.unitPrice,
    location_code: v.locationCode,
    requested_date: v.requestedDate ?? null,
    remark: v.remark ?? null,
    shipped_qty: line.shippedQty,
    last_shipped_date: line.lastShippedDate,
    cancelled: v.cancelled ? 1 : 0,
    version: line.version,
    change_seq: line.changeSeq,
    updated_at: at,
    contract_code: v.contractCode ?? null,
    contract_item: line.callOff?.item ?? null,
    delivery_region_code: v.deliveryRegionCode ?? null,
    attributed_dealer_code: line.callOff?.attributedDealer ?? null,
  };
}

const lineColumns = [
  'id',
  'row_key',
  'order_id',
  'line_no',
  'dealer_code',
  'order_ref',
  'order_date',
  'order_type',
  'sku_code',
  'quantity',
  'unit_price',
  'location_code',
  'requested_date',
  'remark',
  'shipped_qty',
  'last_shipped_date',
  'cancelled',
  'version',
  'change_seq',
  'updated_at',
  'contract_code',
  'contract_item',
  'delivery_region_code',
  'attributed_dealer_code',
] as const;

const insertLines = bulkWriter({ table: 'order_lines', columns: lineColumns });

const updateLines = bulkWriter({
  table: 'order_lines',
  columns: lineColumns,
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        quantity: eb.ref('excluded.quantity'),
        requested_date: eb.ref('excluded.requested_date'),
        remark: eb.ref('excluded.remark'),
        cancelled: eb.ref('excluded.cancelled'),
        shipped_qty: eb.ref('excluded.shipped_qty'),
        last_shipped_date: eb.ref('excluded.last_shipped_date'),
        version: eb.ref('excluded.version'),
        change_seq: eb.ref('excluded.change_seq'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    ),
});

/**
 * Writes new lines (version 1) with plain multi-row inserts and changed ones (version 2 and up)
 * with multi-row upserts on the line id.
 */
export async function saveLines(
  db: WriteTarget,
  lines: readonly StoredLine[],
  at: string,
): Promise<void> {
  const rows = lines.map((line) => toRow(line, at));
  await insertLines(
    db,
    rows.filter((row) => row.version === 1),
  );
  await updateLines(
    db,
    rows.filter((row) => row.version > 1),
  );
}
