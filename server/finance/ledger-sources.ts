// What the receivables ledger is computed from, loaded in a few queries: dealers (credit limit,
// payment terms, grade), order lines (open value, the unit price a shipment is invoiced at),
// shipments (one invoice each), the live allocations and the live credit notes. Invoices are derived, never stored:
// a shipment record is the invoice's source of truth, so they cannot drift apart.
import { invoiceFromShipment, type Invoice } from '../../shared/finance/receivables';
import { allRecords, recordsById } from '../datasets/records-store';
import { shipmentsOfLines } from '../datasets/shipment-records';
import { inChunks } from '../store/chunks';
import type { Db } from '../store/db';
import { fin, type FinAllocationsTable, type FinCreditNotesTable } from './tables';

export interface DealerInfo {
  code: string;
  name: string;
  regionCode: string;
  grade: string;
  creditLimit: number;
  paymentTermsDays: number;
}

interface LineInfo {
  id: string;
  orderId: string;
  dealerCode: string;
  orderDate: string;
  quantity: number;
  unitPrice: number;
  shippedQty: number;
  cancelled: boolean;
}

export interface OrderInfo {
  id: string;
  dealerCode: string;
  date: string;
  /** Σ quantity × unit price over the order's lines that are not cancelled. */
  value: number;
  /** Σ (quantity − shipped) × unit price over those lines: it still uses credit. */
  unshippedValue: number;
}

export interface LedgerSources {
  dealers: Map<string, DealerInfo>;
  orders: Map<string, OrderInfo>;
  invoices: Invoice[];
  allocations: FinAllocationsTable[];
  creditNotes: FinCreditNotesTable[];
}

const num = (value: unknown) => (typeof value === 'number' ? value : 0);
const str = (value: unknown) => (typeof value === 'string' ? value : '');

async function dealerRecords(db: Db, dealerCodes?: readonly string[]) {
  if (dealerCodes === undefined) return allRecords(db, 'dealers');
  const found = await recordsById(db, 'dealers', dealerCodes);
  return new Map([...found].filter(([, record]) => !record.deleted));
}

async function loadDealers(db: Db, dealerCodes?: readonly string[]) {
  const dealers = new Map<string, DealerInfo>();
  for (const [code, record] of await dealerRecords(db, dealerCodes)) {
    const v = record.values;
    dealers.set(code, {
      code,
      name: str(v.name),
      regionCode: str(v.regionCode),
      grade: str(v.grade),
      creditLimit: num(v.creditLimit),
      paymentTermsDays: num(v.paymentTermsDays),
    });
  }
  return dealers;
}

const lineColumns = [
  'id',
  'order_id',
  'dealer_code',
  'order_date',
  'quantity',
  'unit_price',
  'shipped_qty',
  'cancelled',
] as const;

async function lineRows(db: Db, dealerCodes?: readonly string[]) {
  const query = db.selectFrom('order_lines').select(lineColumns);
  if (dealerCodes === undefined) return query.execute();
  return inChunks(dealerCodes, (codes) => query.where('dealer_code', 'in', codes).execute());
}

async function loadLines(db: Db, dealerCodes?: readonly string[]) {
  const rows = await lineRows(db, dealerCodes);
  return new Map(
    rows.map((r): [string, LineInfo] => [
      r.id,
      {
        id: r.id,
        orderId: r.order_id,
        dealerCode: r.dealer_code,
        orderDate: r.order_date,
        quantity: r.quantity,
        unitPrice: r.unit_price,
        shippedQty: r.shipped_qty,
        cancelled: r.cancelled === 1,
      },
    ]),
  );
}

function ordersOf(lines: Map<string, LineInfo>): Map<string, OrderInfo> {
  const orders = new Map<string, OrderInfo>();
  for (const line of lines.values()) {
    const order = orders.get(line.orderId) ?? {
      id: line.orderId,
      dealerCode: line.dealerCode,
      date: line.orderDate,
      value: 0,
      unshippedValue: 0,
    };
    if (!line.cancelled) {
      order.value += line.quantity * line.unitPrice;
      order.unshippedValue += (line.quantity - line.shippedQty) * line.unitPrice;
    }
    orders.set(line.orderId, order);
  }
  return orders;
}

/** One invoice per shipment: INV-<shipment id>, at the line's price, due after the terms. */
async function loadInvoices(
  db: Db,
  lines: Map<string, LineInfo>,
  scope: { dealers: Map<string, DealerInfo>; scoped: boolean },
) {
  const { dealers, scoped } = scope;
  const invoices: Invoice[] = [];
  for (const [id, record] of await shipmentsOfLines(db, scoped ? [...lines.keys()] : undefined)) {
    const line = lines.get(str(record.values.lineId));
    if (line === undefined) continue;
    const shipment = {
      id,
      dealerCode: line.dealerCode,
      orderId: line.orderId,
      shipDate: str(record.values.date),
      lines: [{ quantity: num(record.values.quantity), unitPrice: line.unitPrice }],
    };
    const paymentTermsDays = dealers.get(line.dealerCode)?.paymentTermsDays ?? 0;
    invoices.push(invoiceFromShipment(shipment, { invoiceId: `INV-${id}`, paymentTermsDays }));
  }
  return invoices.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

async function liveAllocations(db: Db, dealerCodes?: readonly string[]) {
  const query = fin(db).selectFrom('fin_allocations').selectAll().where('deleted', '=', 0);
  if (dealerCodes === undefined) return query.orderBy('change_seq').execute();
  const rows = await inChunks(dealerCodes, (codes) =>
    query.where('dealer_code', 'in', codes).execute(),
  );
  return rows.sort((a, b) => a.change_seq - b.change_seq);
}

async function liveCreditNotes(db: Db, dealerCodes?: readonly string[]) {
  const query = fin(db).selectFrom('fin_credit_notes').selectAll().where('deleted', '=', 0);
  if (dealerCodes === undefined) return query.orderBy('change_seq').execute();
  const rows = await inChunks(dealerCodes, (codes) =>
    query.where('dealer_code', 'in', codes).execute(),
  );
  return rows.sort((a, b) => a.change_seq - b.change_seq);
}

/**
 * Everything, or the part of the given dealers (a push's checks read only the dealers it
 * touches): their files, order lines, shipments as invoices, live allocations and credit notes.
 */
export async function loadLedgerSources(
  db: Db,
  dealerCodes?: readonly string[],
): Promise<LedgerSources> {
  const dealers = await loadDealers(db, dealerCodes);
  const lines = await loadLines(db, dealerCodes);
  return {
    dealers,
    orders: ordersOf(lines),
    invoices: await loadInvoices(db, lines, { dealers, scoped: dealerCodes !== undefined }),
    allocations: await liveAllocations(db, dealerCodes),
    creditNotes: await liveCreditNotes(db, dealerCodes),
  };
}
