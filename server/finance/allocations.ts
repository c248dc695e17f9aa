// The "allocations" dataset (收款核销): finance confirms, changes or splits allocations in the
// reconciliation sheet and pushes them — the add-in sends `atomic: true`, so one bad row rolls
// the whole batch back (push.ts). Rows are checked in order against the ledger
// (allocations-check.ts); an update needs the version it was based on. Each confirmed row with
// a receipt teaches the receipt's payer as an alias of the row's dealer (aliases.ts). Sales
// cannot push here: a sales assistant cannot confirm payments (def roles: finance, admin).
import type { PushValues } from '../../shared/dataset-def';
import { allocationsDataset } from '../../shared/finance/datasets';
import { formatYuan } from '../../shared/money';
import type { RowProblem } from '../../shared/row-errors';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type ParsedUpsert,
  type WriteContext,
} from '../sync/handler';
import { rowStamp } from '../sync/changes';
import { AliasBook } from './aliases';
import { ExposureBook } from './exposure-book';
import { allocationsByKey, pullAllocations, saveAllocations } from './allocations-store';
import {
  applyToState,
  checkAllocation,
  inputOf,
  openState,
  type AllocationState,
} from './allocations-check';
import { buildLedger } from './ledger';
import { allocationDealers, receiptAllocations } from './ledger-scope';
import { loadLedgerSources } from './ledger-sources';
import { DocNumbers } from '../sync/doc-numbers';
import { refreshReceipts } from './receipt-totals';
import { receiptsById } from './receipts-store';
import { loadFinanceSettings } from './settings';
import type { FinAllocationsTable } from './tables';

interface Run {
  ctx: WriteContext;
  state: AllocationState;
  numbers: DocNumbers;
  aliases: AliasBook;
  writes: FinAllocationsTable[];
  /** Receipts whose allocated total moves. */
  touched: Set<string>;
  /** The dealers' credit exposure, moved by allocations to invoices and deposits. */
  exposure: ExposureBook;
}

const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });

type Values = PushValues<typeof allocationsDataset>;
type Mutation = ParsedMutation<Values>;

function columns(v: Values) {
  return {
    receipt_id: v.receiptId ?? null,
    target_kind: v.targetKind,
    target_id: v.targetKind === 'credit-balance' ? null : (v.targetId ?? null),
    dealer_code: v.dealerCode,
    amount: v.amount,
    write_off_amount: v.writeOffAmount ?? 0,
    write_off_reason:
      (v.writeOffAmount ?? 0) > 0 ? (v.writeOffReason ?? 'bank-fee-tolerance') : null,
    remark: v.remark ?? null,
  };
}

function write(run: Run, next: FinAllocationsTable, before?: FinAllocationsTable): MutationOutcome {
  run.writes.push(next);
  run.exposure.allocation(before, next);
  for (const id of [next.receipt_id, before?.receipt_id]) if (id) run.touched.add(id);
  const action = next.deleted ? 'delete' : before ? 'update' : 'create';
  const audit = { dataset: 'allocations', recordKey: next.row_key, recordId: next.id };
  run.ctx.audit({ ...audit, version: next.version, action, before: before ?? null, after: next });
  if (!next.deleted && next.receipt_id !== null) {
    const receipt = run.state.receipts.get(next.receipt_id);
    const payer = {
      payerAccount: receipt?.payer_account ?? null,
      payerName: receipt?.payer_name ?? '',
    };
    if (receipt) run.aliases.learn(next.dealer_code, payer);
  }
  return { status: 'applied', id: next.id, version: next.version, problems: [] };
}

function remove(run: Run, stored: FinAllocationsTable): MutationOutcome {
  const old = inputOf(stored);
  applyToState(run.state, old, -1);
  const credit = run.state.creditBalance.get(stored.dealer_code) ?? 0;
  if (credit < 0) {
    applyToState(run.state, old);
    const available = formatYuan(credit + stored.amount);
    return rejected([{ code: 'credit-balance-short', params: { available } }]);
  }
  return write(run, { ...stored, ...rowStamp(run.ctx, stored.version + 1), deleted: 1 }, stored);
}

function place(run: Run, m: ParsedUpsert<Values>, stored?: FinAllocationsTable): MutationOutcome {
  const { values } = m;
  const old = stored && !stored.deleted ? inputOf(stored) : undefined;
  if (old) applyToState(run.state, old, -1);
  const problems = checkAllocation(run.state, values);
  if (problems.length > 0) {
    if (old) applyToState(run.state, old);
    return rejected(problems);
  }
  applyToState(run.state, values);
  const id = stored?.id ?? run.numbers.take();
  const row = { id, row_key: m.rowKey, ...columns(values), source: stored?.source ?? 'manual' };
  return write(
    run,
    { ...row, deleted: 0, ...rowStamp(run.ctx, (stored?.version ?? 0) + 1) },
    stored,
  );
}

function applyOne(run: Run, m: Mutation, stored?: FinAllocationsTable): MutationOutcome {
  const live = stored && !stored.deleted ? stored : undefined;
  if (!live) return m.op === 'delete' ? { status: 'unchanged', problems: [] } : place(run, m);
  const same = m.op === 'upsert' && sameColumns(columns(m.values), live);
  if (same) return { status: 'unchanged', id: live.id, version: live.version, problems: [] };
  if (m.baseVersion !== live.version) {
    const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
    return { status: 'conflict', problems: [{ code, params: { version: live.version } }] };
  }
  return m.op === 'delete' ? remove(run, live) : place(run, m, live);
}

function sameColumns(next: ReturnType<typeof columns>, stored: FinAllocationsTable): boolean {
  const current = new Map(Object.entries(stored));
  return Object.entries(next).every(([key, value]) => current.get(key) === value);
}

/** The run reads only the dealers the batch touches and the receipts it allocates from. */
async function openRun(ctx: WriteContext, scope: { receiptIds: string[]; dealerCodes: string[] }) {
  const sources = await loadLedgerSources(ctx.trx, scope.dealerCodes);
  const receipts = await receiptsById(ctx.trx, scope.receiptIds);
  const spent = await receiptAllocations(ctx.trx, scope.receiptIds);
  const { tolerance } = await loadFinanceSettings(ctx.trx);
  return {
    ctx,
    state: openState(buildLedger(sources), spent, { receipts, tolerance }),
    numbers: await DocNumbers.open(ctx.trx, 'AL', ctx.today),
    aliases: await AliasBook.open(ctx),
    writes: [],
    touched: new Set<string>(),
    exposure: new ExposureBook(ctx.trx),
  };
}

async function pushAllocations(ctx: WriteContext, mutations: readonly Mutation[]) {
  const stored = await allocationsByKey(
    ctx.trx,
    mutations.map((m) => m.rowKey),
  );
  const ids = mutations.flatMap((m) => {
    const id = m.values?.receiptId ?? stored.get(m.rowKey)?.receipt_id;
    return typeof id === 'string' ? [id] : [];
  });
  const dealerCodes = await allocationDealers(ctx.trx, mutations, stored);
  const run: Run = await openRun(ctx, { receiptIds: ids, dealerCodes });
  const outcomes = mutations.map((m) => applyOne(run, m, stored.get(m.rowKey)));
  await saveAllocations(ctx.trx, run.writes);
  await run.exposure.flush();
  await refreshReceipts(ctx, [...run.touched]);
  await run.aliases.flush();
  await run.numbers.flush();
  return outcomes;
}

export function allocationsHandler(): DatasetHandler {
  return defineHandler(allocationsDataset, { push: pushAllocations, pull: pullAllocations });
}
