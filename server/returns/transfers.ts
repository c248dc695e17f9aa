// The "dealer-transfers" dataset (调货, docs/returns.md): goods dealer A received go to dealer B
// under one approval: a manager's push, or a manager's approval of a sales user's request, kept
// 待审批 until then (awaiting.ts). Each line is a return from A — refused
// when A never received that shipment's SKU in that quantity (the return cap), credited to A at
// the price A was invoiced — restocked at the location, then an order for B (DT-<ref>) and its
// shipment from there, booked through their own handlers: B's sell-in, receivable and credit
// check are B's, A's receivable falls. Any refusal undoes the whole document (sub-push.ts).
import type { PushValues } from '../../shared/dataset-def';
import { dealerTransferSchema } from '../../shared/returns/compound-rows';
import { dealerTransfersDataset } from '../../shared/returns/datasets';
import { pullRecords } from '../datasets/master';
import { shipmentsHandler } from '../datasets/movements-shipments';
import { ordersHandler } from '../datasets/orders';
import { recordsByKey } from '../datasets/records-store';
import { DocNumbers } from '../sync/doc-numbers';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { asMutations, keepAwaiting, refusalOf, type AwaitingRow } from './awaiting';
import { regionGuard, returnProblems, takeReturned, type ReturnCheck } from './check';
import {
  dealerPrices,
  documentsOf,
  keepRows,
  refuseDocument,
  rejected,
  returnPart,
  storedOutcome,
  type Upsert,
} from './compound';
import { flushPosting, openPosting, postLine } from './post';
import { loadReturned, loadShipped } from './shipped';
import { saveReturnLines } from './store';
import { Savepoint } from './sub-push';

type Values = PushValues<typeof dealerTransfersDataset>;
type Row = Upsert<Values>;
const nothing: MutationOutcome = { status: 'unchanged', problems: [] };

interface Run {
  ctx: WriteContext;
  check: ReturnCheck;
  price: (sku: string) => number;
  outcomes: Map<number, MutationOutcome>;
  /** A sales user's push: a request kept 待审批 for a manager (awaiting.ts). */
  request?: boolean;
  /** The stored version of each row awaiting approval (an approval replaces it). */
  versions?: ReadonlyMap<string, number>;
}

const asReturn = (v: Values) => ({
  ...v,
  dealerCode: v.fromDealerCode,
  returnRef: v.transferRef,
  reason: 'dealer-transfer' as const,
  disposition: 'restock' as const,
});

function checkDocument(run: Run, rows: readonly Row[]) {
  const context = { attribute: () => undefined, role: run.check.role };
  const problems = rows.map((m) => {
    const ruled = (dealerTransfersDataset.rules ?? []).flatMap((rule) => rule(m.values, context));
    if (ruled.length > 0) return ruled;
    const region = run.check.outOfRegion(m.values.toDealerCode);
    if (region !== undefined)
      return [{ field: 'toDealerCode', code: 'region-not-allowed' as const, params: { region } }];
    // A return's dealer is the transfer's "from" dealer (A).
    const found = returnProblems(run.check, asReturn(m.values)).map((p) =>
      p.field === 'dealerCode' ? { ...p, field: 'fromDealerCode' } : p,
    );
    if (found.length === 0) takeReturned(run.check, asReturn(m.values));
    return found;
  });
  if (problems.some((p) => p.length > 0))
    rows.forEach((m, i) => {
      if (problems[i]?.length === 0) takeReturned(run.check, asReturn(m.values), -1);
    });
  return problems;
}

/** Posts A's returns (restock, credit); the return lines in row order. */
async function returnFromA(run: Run, sp: Savepoint, rows: readonly Row[]) {
  const numbers = await DocNumbers.open(sp.ctx.trx, 'RT', run.ctx.today);
  const lines = rows.flatMap((m) => {
    const shipped = run.check.shipped.get(m.values.shipmentId);
    if (!shipped) return [];
    const v = m.values;
    const part = {
      rowKey: m.rowKey,
      dealerCode: v.fromDealerCode,
      ref: v.transferRef,
      date: v.date,
      quantity: v.quantity,
      locationCode: v.locationCode,
      reason: 'dealer-transfer',
    };
    return [{ ...returnPart(sp.ctx, part, shipped), id: numbers.take() }];
  });
  const posting = await openPosting(sp.ctx, lines);
  const posted = lines.map((line) => postLine(posting, line));
  await flushPosting(posting);
  await saveReturnLines(sp.ctx.trx, posted);
  await numbers.flush();
  return posted;
}

async function book(run: Run, rows: readonly Row[]) {
  const problems = checkDocument(run, rows);
  if (problems.some((p) => p.length > 0)) {
    refuseDocument(run.outcomes, rows, problems);
    return;
  }
  if (run.request) {
    // A sales user's request: kept 待审批, holding nothing; the approval re-checks A's cap.
    for (const m of rows) takeReturned(run.check, asReturn(m.values), -1);
    const shown = (m: Row) => {
      const shipped = run.check.shipped.get(m.values.shipmentId);
      const price = m.values.unitPrice ?? run.price(shipped?.skuCode ?? '');
      const creditedValue = m.values.quantity * (shipped?.unitPrice ?? 0);
      return { m, shown: { creditedValue, invoicedValue: m.values.quantity * price } };
    };
    const ref = rows[0]?.values.transferRef ?? '';
    await keepAwaiting(
      run.ctx,
      { dataset: dealerTransfersDataset.name, doc: ref },
      rows.map(shown),
      run.outcomes,
    );
    return;
  }
  const sp = await Savepoint.open(run.ctx, 'transfer_document');
  const returned = await returnFromA(run, sp, rows);
  const orderRows = rows.map((m, i) => ({
    rowKey: m.rowKey,
    values: {
      orderRef: `DT-${m.values.transferRef}`,
      dealerCode: m.values.toDealerCode,
      orderDate: m.values.date,
      orderType: 'normal',
      skuCode: returned[i]?.sku_code,
      quantity: m.values.quantity,
      unitPrice: m.values.unitPrice ?? run.price(returned[i]?.sku_code ?? ''),
      locationCode: m.values.locationCode,
    },
  }));
  const ordered = await sp.push(ordersHandler(), orderRows);
  if (!ordered.ok) {
    undo(run, rows, ordered.problems);
    return;
  }
  const shipRows = ordered.ids.map((lineId, i) => ({
    rowKey: `${rows[i]?.rowKey ?? lineId}-ship`,
    values: { date: rows[i]?.values.date, lineId, quantity: rows[i]?.values.quantity },
  }));
  const shipped = await sp.push(shipmentsHandler(), shipRows);
  if (!shipped.ok) {
    undo(run, rows, shipped.problems);
    return;
  }
  await sp.keep();
  const kept = rows.map((m, i) => {
    const line = returned[i];
    const id = line?.id ?? m.rowKey;
    const values = {
      ...m.values,
      id,
      returnLineId: id,
      orderLineId: ordered.ids[i],
      toShipmentId: shipped.ids[i],
      creditedValue: (line?.quantity ?? 0) * (line?.unit_price ?? 0),
      invoicedValue: m.values.quantity * (orderRows[i]?.values.unitPrice ?? 0),
      status: 'posted',
    };
    const stored = run.versions?.get(m.rowKey);
    return { rowKey: m.rowKey, id, values, version: stored === undefined ? 1 : stored + 1 };
  });
  await keepRows(run.ctx, dealerTransfersDataset.name, kept);
  kept.forEach((row, i) => {
    const index = rows[i]?.index ?? -1;
    run.outcomes.set(index, { status: 'applied', id: row.id, version: 1, problems: [] });
  });
}

function undo(run: Run, rows: readonly Row[], problems: Parameters<typeof refuseDocument>[2]) {
  rows.forEach((m) => {
    takeReturned(run.check, asReturn(m.values), -1);
  });
  refuseDocument(run.outcomes, rows, problems);
}

async function openRun(ctx: WriteContext, all: readonly Row[]): Promise<Run> {
  const shipmentIds = all.map((m) => m.values.shipmentId);
  const shipped = await loadShipped(ctx.trx, shipmentIds);
  const dealers = all.flatMap((m) => [m.values.fromDealerCode, m.values.toDealerCode]);
  const check = {
    role: ctx.actor.user.role,
    // A region-limited sales user requests transfers between dealers of their regions only.
    outOfRegion: await regionGuard(ctx, dealers),
    shipped,
    returned: await loadReturned(ctx.trx, shipmentIds, true),
  };
  const price = await dealerPrices(
    ctx,
    [...shipped.values()].map((s) => s.skuCode),
  );
  return { ctx, check, price, outcomes: new Map(), request: ctx.actor.user.role === 'sales' };
}

/** Books a transfer request on a manager's approval (awaiting.ts): A's cap re-checked. */
export async function approveTransfer(ctx: WriteContext, stored: readonly AwaitingRow[]) {
  const rows = asMutations<Values>(dealerTransferSchema, stored);
  const run = await openRun(ctx, rows);
  const versions = new Map(stored.map((r) => [r.rowKey, r.version]));
  await book({ ...run, request: false, versions }, rows);
  return refusalOf(run.outcomes);
}

async function pushTransfers(ctx: WriteContext, mutations: readonly ParsedMutation<Values>[]) {
  const keys = mutations.map((m) => m.rowKey);
  const stored = await recordsByKey(ctx.trx, dealerTransfersDataset.name, keys);
  const documents = documentsOf(mutations, stored, dealerTransfersDataset.groupBy ?? []);
  const run = await openRun(ctx, documents.flat());
  for (const rows of documents) await book(run, rows);
  return mutations.map((m) => {
    const before = stored.get(m.rowKey);
    if (before) return storedOutcome(m, before);
    if (m.op === 'delete') return nothing;
    return run.outcomes.get(m.index) ?? rejected([]);
  });
}

export function dealerTransfersHandler(): DatasetHandler {
  return defineHandler(dealerTransfersDataset, {
    push: pushTransfers,
    pull: (request) => pullRecords(dealerTransfersDataset.name, request),
  });
}
