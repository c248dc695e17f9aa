// Demo returns (退货, docs/returns.md), picked from the shipments the history left so each kind
// shows: a return of a paid invoice (its value becomes credit balance, 预收), a large return
// awaiting a manager's approval, one approved, an exchange (调换), one over the threshold awaiting
// approval, and a dealer transfer (调货).
// Picks that the history at a small scale cannot offer are skipped, never forced.
import { buildLedger } from '../finance/ledger';
import { loadLedgerSources } from '../finance/ledger-sources';
import { recordsById } from '../datasets/records-store';
import { loadShipped, type ShippedLine } from '../returns/shipped';
import type { Db } from '../store/db';
import { atHour } from './calendar';
import type { Pusher } from './pusher';

const THRESHOLD = 500_000;

async function recentShipments(db: Db): Promise<ShippedLine[]> {
  const rows = await db
    .selectFrom('records')
    .select('id')
    .where('dataset', '=', 'shipments')
    .where('deleted', '=', 0)
    .orderBy('id', 'desc')
    .limit(300)
    .execute();
  const shipped = await loadShipped(
    db,
    rows.map((r) => r.id),
  );
  // The 300 newest, oldest of them first (older invoices are the paid ones the picks look
  // for); by id, not in the map's own order, which follows the query plan on PostgreSQL.
  return [...rows].reverse().flatMap((r) => {
    const line = shipped.get(r.id);
    return line ? [line] : [];
  });
}

/** Shipments whose invoice is fully paid (outstanding 0), of dealers among the candidates. */
async function paidInvoices(db: Db, lines: readonly ShippedLine[]): Promise<Set<string>> {
  const dealers = [...new Set(lines.map((l) => l.dealerCode))].slice(0, 12).sort();
  const ledger = buildLedger(await loadLedgerSources(db, dealers));
  const paid = new Set<string>();
  for (const invoice of ledger.invoices.values())
    if (invoice.outstanding === 0) paid.add(invoice.shipmentId);
  return paid;
}

/** A SKU other than `sku` with a spare pack at the location, and its pack size. */
async function spareSku(db: Db, location: string, sku: string) {
  const rows = await db
    .selectFrom('stock_balances')
    .select(['sku_code', 'on_hand', 'reserved'])
    .where('location_code', '=', location)
    .where('sku_code', '!=', sku)
    .orderBy('sku_code')
    .limit(50)
    .execute();
  const products = await recordsById(
    db,
    'products',
    rows.map((r) => r.sku_code),
  );
  for (const row of rows) {
    const pack = products.get(row.sku_code)?.values.packSize;
    if (typeof pack === 'number' && row.on_hand - row.reserved > 2 * pack)
      return { sku: row.sku_code, pack };
  }
  return undefined;
}

/** Dealers that pay no deposit before shipment (grade C does, by the finance settings). */
async function gradeAB(db: Db, lines: readonly ShippedLine[]): Promise<Set<string>> {
  const dealers = await recordsById(
    db,
    'dealers',
    lines.map((l) => l.dealerCode),
  );
  const codes = [...dealers].filter(([, r]) => !r.deleted && r.values.grade !== 'C');
  return new Set(codes.map(([code]) => code));
}

const line = (s: ShippedLine, ref: string, quantity: number) => ({
  dealerCode: s.dealerCode,
  returnRef: ref,
  date: s.date,
  shipmentId: s.shipmentId,
  quantity,
  reason: 'quality',
  disposition: 'restock',
  locationCode: s.locationCode,
});

export async function seedReturns(db: Db, pusher: Pusher, today: string): Promise<number> {
  const at = atHour(today, 17);
  const key = () => pusher.newKey();
  const setting = { setting: 'return-approval-threshold-fen', value: THRESHOLD };
  await pusher.push('returns-settings', [{ rowKey: key(), values: setting }], at);
  const shipments = await recentShipments(db);
  const paid = await paidInvoices(db, shipments);
  const used = new Set<string>();
  const pick = (test: (s: ShippedLine) => boolean) => {
    const found = shipments.find((s) => !used.has(s.dealerCode) && test(s));
    if (found) used.add(found.dealerCode);
    return found;
  };
  const value = (s: ShippedLine) => s.quantity * s.unitPrice;
  let pushed = 0;
  const paidOne = pick((s) => paid.has(s.shipmentId));
  if (paidOne) {
    const row = { ...line(paidOne, 'TH-DEMO-01', 1), date: today, reason: 'over-stock' };
    await pusher.push('returns', [{ rowKey: key(), values: row }], at);
    pushed += 1;
  }
  for (const [ref, approve] of [
    ['TH-DEMO-02', false],
    ['TH-DEMO-03', true],
  ] as const) {
    const big = pick((s) => value(s) > THRESHOLD && !paid.has(s.shipmentId));
    if (!big) continue;
    const row = { ...line(big, ref, big.quantity), date: today, reason: 'end-of-season' };
    await pusher.push('returns', [{ rowKey: key(), values: row }], at);
    pushed += 1;
    if (!approve) continue;
    const decision = { dealerCode: big.dealerCode, returnRef: ref, decision: 'approve' };
    await pusher.push('return-approvals', [{ rowKey: key(), values: decision }], at);
  }
  const safe = await gradeAB(db, shipments);
  const packs = await recordsById(
    db,
    'products',
    shipments.map((l) => l.skuCode),
  );
  const pack = (sku: string) => {
    const size = packs.get(sku)?.values.packSize;
    return typeof size === 'number' ? size : undefined;
  };
  const safePick = (test: (s: ShippedLine) => boolean) =>
    pick((s) => safe.has(s.dealerCode) && test(s));
  pushed += await seedExchange(db, pusher, at, { ref: 'HH-DEMO-01', pick: safePick });
  // Every unit of a shipment worth more than the threshold back: 待审批 for a manager.
  const big = (test: (s: ShippedLine) => boolean) => pick((s) => value(s) > THRESHOLD && test(s));
  pushed += await seedExchange(db, pusher, at, { ref: 'HH-DEMO-02', pick: big, whole: true });
  // B is served from the same location, and orders whole packs.
  const from = pick((s) => s.quantity >= (pack(s.skuCode) ?? Infinity));
  const to = from && pick((s) => safe.has(s.dealerCode) && s.locationCode === from.locationCode);
  if (from && to) {
    const values = {
      transferRef: 'DH-DEMO-01',
      date: today,
      fromDealerCode: from.dealerCode,
      toDealerCode: to.dealerCode,
      shipmentId: from.shipmentId,
      quantity: pack(from.skuCode),
      locationCode: from.locationCode,
    };
    await pusher.push('dealer-transfers', [{ rowKey: key(), values }], at);
    pushed += 1;
  }
  return pushed;
}

interface ExchangeDoc {
  ref: string;
  pick: (test: (s: ShippedLine) => boolean) => ShippedLine | undefined;
  /** Returns the shipment's every unit (else one). */
  whole?: boolean;
}

async function seedExchange(db: Db, pusher: Pusher, at: Date, doc: ExchangeDoc): Promise<number> {
  const back = doc.pick((s) => s.quantity >= 1);
  if (!back) return 0;
  const spare = await spareSku(db, back.locationCode, back.skuCode);
  if (spare === undefined) return 0;
  const date = at.toISOString().slice(0, 10);
  const common = { dealerCode: back.dealerCode, exchangeRef: doc.ref, date };
  const rows = [
    {
      ...common,
      direction: 'return',
      shipmentId: back.shipmentId,
      quantity: doc.whole ? back.quantity : 1,
      locationCode: back.locationCode,
    },
    {
      ...common,
      direction: 'issue',
      skuCode: spare.sku,
      quantity: spare.pack,
      locationCode: back.locationCode,
    },
  ];
  const group = doc.ref;
  await pusher.push(
    'exchanges',
    rows.map((values) => ({ rowKey: pusher.newKey(), values, group })),
    at,
  );
  return 1;
}
