// What the exchange (调换) and dealer-transfer (调货) handlers share (docs/returns.md): grouping
// a push into documents, refusing a document as one, the return line a part books, the dealer
// price of an issued SKU, and keeping each row, with what it booked, in `records`.
import { groupKeyOf } from '../../shared/dataset-def';
import type { RowProblem } from '../../shared/row-errors';
import { recordsById, writeRecords, type StoredRecord } from '../datasets/records-store';
import { rowStamp } from '../sync/changes';
import type { MutationOutcome, ParsedMutation, WriteContext } from '../sync/handler';
import type { ShippedLine } from './shipped';
import type { ReturnLinesTable } from './tables';

export type Upsert<V> = ParsedMutation<V> & { op: 'upsert' };

export const rejected = (problems: RowProblem[]): MutationOutcome => ({
  status: 'rejected',
  problems,
});

/** The push's new rows by document, in push order. */
export function documentsOf<V extends Record<string, unknown>>(
  mutations: readonly ParsedMutation<V>[],
  stored: ReadonlyMap<string, StoredRecord>,
  groupBy: readonly string[],
): Upsert<V>[][] {
  const groups = new Map<string, Upsert<V>[]>();
  for (const m of mutations) {
    if (m.op !== 'upsert' || stored.has(m.rowKey)) continue;
    const key = groupKeyOf(groupBy, m.values) ?? m.rowKey;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()];
}

/** Every row of a refused document: its own problems, or that another row was refused. */
export function refuseDocument<V>(
  outcomes: Map<number, MutationOutcome>,
  rows: readonly Upsert<V>[],
  problems: readonly RowProblem[][],
): void {
  rows.forEach((m, i) => {
    const own = problems[i] ?? [];
    const fallback: RowProblem[] = [{ code: 'exchange-other-part-refused' }];
    outcomes.set(m.index, rejected(own.length > 0 ? own : fallback));
  });
}

/** A stored row pushed again: unchanged when equal, else refused (documents are immutable). */
export function storedOutcome(m: ParsedMutation, stored: StoredRecord): MutationOutcome {
  const pushed = m.values ?? {};
  const same = Object.entries(pushed).every(([k, v]) => stored.values[k] === v);
  if (m.op === 'upsert' && same)
    return { status: 'unchanged', id: stored.id, version: stored.version, problems: [] };
  return rejected([{ code: 'return-immutable' }]);
}

interface ReturnPart {
  rowKey: string;
  dealerCode: string;
  ref: string;
  date: string;
  quantity: number;
  locationCode: string;
  reason: string;
}

/** The return line a document's part books: restocked at its location, at the shipped price. */
export function returnPart(ctx: WriteContext, part: ReturnPart, shipped: ShippedLine) {
  const line: ReturnLinesTable = {
    id: '',
    row_key: part.rowKey,
    dealer_code: part.dealerCode,
    return_ref: part.ref,
    date: part.date,
    shipment_id: shipped.shipmentId,
    sku_code: shipped.skuCode,
    quantity: part.quantity,
    unit_price: shipped.unitPrice,
    reason: part.reason,
    disposition: 'restock',
    location_code: part.locationCode,
    remark: null,
    status: 'posted',
    credit_note_id: null,
    credit_balance: 0,
    ...rowStamp(ctx, 1),
  };
  return line;
}

/** The dealer price of each SKU (a blank price on an issued line). */
export async function dealerPrices(ctx: WriteContext, skus: readonly string[]) {
  const products = await recordsById(ctx.trx, 'products', [...new Set(skus)]);
  return (sku: string) => {
    const price = products.get(sku)?.values.dealerPrice;
    return typeof price === 'number' ? price : 0;
  };
}

interface KeptRow {
  rowKey: string;
  id: string;
  values: Record<string, unknown>;
  /** The stored version this write replaces (a document awaiting approval), else none. */
  version?: number;
}

/** Keeps the document's rows with what they booked (pulled as they are), audited. */
export async function keepRows(ctx: WriteContext, dataset: string, rows: readonly KeptRow[]) {
  const at = ctx.now.toISOString();
  const by = ctx.actor.user.username;
  for (const row of rows) {
    const version = row.version ?? 1;
    const audit = { dataset, recordKey: row.rowKey, recordId: row.id, version };
    const action = version === 1 ? 'create' : String(row.values.status);
    ctx.audit({ ...audit, action, before: null, after: row.values });
  }
  await writeRecords(
    ctx.trx,
    rows.map((row) => ({
      dataset,
      ...row,
      version: row.version ?? 1,
      changeSeq: ctx.nextSeq(),
      deleted: false,
      at,
      by,
    })),
  );
}
