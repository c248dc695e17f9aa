// The "exchanges" dataset (调换, docs/returns.md): one document returns some shipment lines and
// issues other goods to the same dealer, atomically — the issued goods are an order (EX-<ref>)
// and its shipment booked through their own handlers (reservation, credit check, stock), the
// returned lines are posted (restock, credit) with their value credited first against the new
// invoice, so finance sees one figure: the new invoice owing the difference when the dealer
// owes, or the difference credited (credit note or 预收) when the dealer is owed. Any refusal
// undoes the whole document (sub-push.ts). A document worth more than the approval threshold
// (the larger of its two sides) waits for a manager instead (awaiting.ts).
import type { PushValues } from '../../shared/dataset-def';
import type { RowProblem } from '../../shared/row-errors';
import { exchangeLineSchema } from '../../shared/returns/compound-rows';
import { exchangesDataset } from '../../shared/returns/datasets';
import { ordersHandler } from '../datasets/orders';
import { shipmentsHandler } from '../datasets/movements-shipments';
import { pullRecords } from '../datasets/master';
import { recordsByKey } from '../datasets/records-store';
import { DocNumbers } from '../sync/doc-numbers';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
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
import { asMutations, keepAwaiting, refusalOf, type AwaitingRow } from './awaiting';
import { flushPosting, openPosting, postLine } from './post';
import { loadReturnsSettings } from './settings';
import { invoiceOf, loadReturned, loadShipped, type ShippedLine } from './shipped';
import { saveReturnLines } from './store';
import { Savepoint } from './sub-push';
import type { ReturnLinesTable } from './tables';

type Values = PushValues<typeof exchangesDataset>;
type Row = Upsert<Values>;
const nothing: MutationOutcome = { status: 'unchanged', problems: [] };

interface Run {
  ctx: WriteContext;
  check: ReturnCheck;
  price: (sku: string) => number;
  outcomes: Map<number, MutationOutcome>;
  /** Over this value (fen) a document waits for a manager; none when a manager approves it. */
  threshold?: number;
  /** The stored version of each row awaiting approval (an approval replaces it). */
  versions?: ReadonlyMap<string, number>;
}

const asReturn = (v: Values) => ({
  ...v,
  returnRef: v.exchangeRef,
  shipmentId: v.shipmentId ?? '',
  reason: 'wrong-goods' as const,
  disposition: 'restock' as const,
});

function checkDocument(run: Run, rows: readonly Row[]) {
  const context = { attribute: () => undefined, role: run.check.role };
  const problems = rows.map((m) => {
    const ruled = (exchangesDataset.rules ?? []).flatMap((rule) => rule(m.values, context));
    if (ruled.length > 0 || m.values.direction === 'issue') return ruled;
    const found = returnProblems(run.check, asReturn(m.values));
    if (found.length === 0) takeReturned(run.check, asReturn(m.values));
    return found;
  });
  return problems;
}

function release(run: Run, rows: readonly Row[], problems: readonly unknown[][]) {
  rows.forEach((m, i) => {
    if (m.values.direction === 'return' && problems[i]?.length === 0)
      takeReturned(run.check, asReturn(m.values), -1);
  });
}

const priceOf = (run: Run, v: Values) => v.unitPrice ?? run.price(v.skuCode ?? '');

/** Orders and ships the issued lines; the new shipments' ids, or the refusal per row. */
async function issue(run: Run, sp: Savepoint, rows: readonly Row[]) {
  const issued = rows.filter((m) => m.values.direction === 'issue');
  const orderRows = issued.map((m) => ({
    rowKey: m.rowKey,
    values: {
      orderRef: `EX-${m.values.exchangeRef}`,
      dealerCode: m.values.dealerCode,
      orderDate: m.values.date,
      orderType: 'normal',
      skuCode: m.values.skuCode,
      quantity: m.values.quantity,
      unitPrice: priceOf(run, m.values),
      locationCode: m.values.locationCode,
    },
  }));
  const perRow = (problems: RowProblem[][]) =>
    rows.map((m) => (m.values.direction === 'issue' ? (problems[issued.indexOf(m)] ?? []) : []));
  const ordered = await sp.push(ordersHandler(), orderRows);
  if (!ordered.ok) return { problems: perRow(ordered.problems) };
  const shipRows = ordered.ids.map((lineId, i) => ({
    rowKey: `${issued[i]?.rowKey ?? lineId}-ship`,
    values: { date: issued[i]?.values.date, lineId, quantity: issued[i]?.values.quantity },
  }));
  const shipped = await sp.push(shipmentsHandler(), shipRows);
  if (!shipped.ok) return { problems: perRow(shipped.problems) };
  return { lineIds: ordered.ids, shipments: shipped.ids };
}

async function postReturns(run: Run, sp: Savepoint, parts: [Row, ShippedLine][], first: string[]) {
  const numbers = await DocNumbers.open(sp.ctx.trx, 'RT', run.ctx.today);
  const lines = parts.map(([m, shipped]) => {
    const part = { ...m.values, ref: m.values.exchangeRef, reason: 'wrong-goods' };
    return { ...returnPart(sp.ctx, { ...part, rowKey: m.rowKey }, shipped), id: numbers.take() };
  });
  if (lines.length === 0) return new Map<string, ReturnLinesTable>();
  const posting = await openPosting(sp.ctx, lines);
  const posted = lines.map((line) => postLine(posting, line, first));
  await flushPosting(posting);
  await saveReturnLines(sp.ctx.trx, posted);
  await numbers.flush();
  return new Map(posted.map((line) => [line.row_key, line]));
}

/** Each row's value (returned at the shipped price, issued at its own) and the document's sums. */
function summary(run: Run, rows: readonly Row[]) {
  const shippedPrice = (v: Values) => run.check.shipped.get(v.shipmentId ?? '')?.unitPrice ?? 0;
  const value = (m: Row) =>
    m.values.quantity *
    (m.values.direction === 'return' ? shippedPrice(m.values) : priceOf(run, m.values));
  const sum = (dir: string) =>
    rows.filter((m) => m.values.direction === dir).reduce((s, m) => s + value(m), 0);
  const [returnedValue, issuedValue] = [sum('return'), sum('issue')];
  const difference = issuedValue - returnedValue;
  const settlement = difference > 0 ? 'dealer-owes' : difference < 0 ? 'dealer-is-owed' : 'even';
  const doc = { returnedValue, issuedValue, difference: Math.abs(difference), settlement };
  return { value, doc, judged: Math.max(returnedValue, issuedValue) };
}

async function book(run: Run, rows: readonly Row[]) {
  const problems = checkDocument(run, rows);
  if (problems.some((p) => p.length > 0)) {
    release(run, rows, problems);
    refuseDocument(run.outcomes, rows, problems);
    return;
  }
  const { value, doc, judged } = summary(run, rows);
  if (run.threshold !== undefined && judged > run.threshold) {
    // Over the threshold: kept 待审批, holding nothing; the approval re-checks (awaiting.ts).
    release(run, rows, problems);
    const ref = `${rows[0]?.values.dealerCode ?? ''}/${rows[0]?.values.exchangeRef ?? ''}`;
    const shown = (m: Row) => ({ m, shown: { value: value(m), ...doc } });
    await keepAwaiting(
      run.ctx,
      { dataset: exchangesDataset.name, doc: ref },
      rows.map(shown),
      run.outcomes,
    );
    return;
  }
  const sp = await Savepoint.open(run.ctx, 'exchange_document');
  const issued = await issue(run, sp, rows);
  if ('problems' in issued) {
    release(run, rows, problems);
    refuseDocument(run.outcomes, rows, issued.problems);
    return;
  }
  const parts = rows.flatMap((m): [Row, ShippedLine][] => {
    const shipped = run.check.shipped.get(m.values.shipmentId ?? '');
    return m.values.direction === 'return' && shipped ? [[m, shipped]] : [];
  });
  const returned = await postReturns(run, sp, parts, issued.shipments.map(invoiceOf));
  await sp.keep();
  const issuedIds = rows.filter((m) => m.values.direction === 'issue');
  const kept = rows.map((m) => {
    const id = returned.get(m.rowKey)?.id ?? issued.lineIds[issuedIds.indexOf(m)] ?? m.rowKey;
    const values = { ...m.values, id, value: value(m), ...doc, status: 'posted' };
    const stored = run.versions?.get(m.rowKey);
    return { rowKey: m.rowKey, id, values, version: stored === undefined ? 1 : stored + 1 };
  });
  await keepRows(run.ctx, exchangesDataset.name, kept);
  for (const [i, row] of kept.entries()) {
    const index = rows[i]?.index ?? -1;
    run.outcomes.set(index, { status: 'applied', id: row.id, version: 1, problems: [] });
  }
}

async function openRun(ctx: WriteContext, all: readonly Row[]): Promise<Run> {
  const shipmentIds = all.flatMap((m) => (m.values.shipmentId ? [m.values.shipmentId] : []));
  const check = {
    role: ctx.actor.user.role,
    outOfRegion: await regionGuard(
      ctx,
      all.map((m) => m.values.dealerCode),
    ),
    shipped: await loadShipped(ctx.trx, shipmentIds),
    returned: await loadReturned(ctx.trx, shipmentIds, true),
  };
  const price = await dealerPrices(
    ctx,
    all.flatMap((m) => (m.values.skuCode ? [m.values.skuCode] : [])),
  );
  return { ctx, check, price, outcomes: new Map() };
}

/** Books an exchange awaiting approval (awaiting.ts): rules re-checked, nothing on a refusal. */
export async function approveExchange(ctx: WriteContext, stored: readonly AwaitingRow[]) {
  const rows = asMutations<Values>(exchangeLineSchema, stored);
  const run = await openRun(ctx, rows);
  await book({ ...run, versions: new Map(stored.map((r) => [r.rowKey, r.version])) }, rows);
  return refusalOf(run.outcomes);
}

async function pushExchanges(ctx: WriteContext, mutations: readonly ParsedMutation<Values>[]) {
  const keys = mutations.map((m) => m.rowKey);
  const stored = await recordsByKey(ctx.trx, exchangesDataset.name, keys);
  const documents = documentsOf(mutations, stored, exchangesDataset.groupBy ?? []);
  const opened = await openRun(ctx, documents.flat());
  const { approvalThreshold } = await loadReturnsSettings(ctx.trx);
  const run = { ...opened, threshold: approvalThreshold };
  for (const rows of documents) await book(run, rows);
  return mutations.map((m) => {
    const before = stored.get(m.rowKey);
    if (before) return storedOutcome(m, before);
    if (m.op === 'delete') return nothing;
    return run.outcomes.get(m.index) ?? rejected([]);
  });
}

export function exchangesHandler(): DatasetHandler {
  return defineHandler(exchangesDataset, {
    push: pushExchanges,
    pull: (request) =>
      pullRecords(exchangesDataset.name, request, (values) => {
        const { dealer } = request.filter;
        return dealer === undefined || values.dealerCode === dealer;
      }),
  });
}
