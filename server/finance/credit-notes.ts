// The "credit-notes" dataset (红字/折让/退货贷项): finance issues a credit note
// against one invoice of a dealer, numbered CN-YYYYMMDD-NNNN. It lowers what the invoice still
// owes everywhere the ledger is read — receivables, per-invoice detail, collection list, ageing,
// reconciliation suggestions and the credit check's exposure. Rows are checked in order
// (credit-notes-check.ts); an update needs the version it was based on. Sales cannot push here
// (def roles: finance, admin).
import type { PushValues } from '../../shared/dataset-def';
import { creditNotesDataset } from '../../shared/finance/datasets';
import type { RowProblem } from '../../shared/row-errors';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type ParsedUpsert,
  type WriteContext,
} from '../sync/handler';
import {
  applyCreditNote,
  checkCreditNote,
  creditNoteState,
  type CreditNoteInput,
  type CreditNoteState,
} from './credit-notes-check';
import { rowStamp } from '../sync/changes';
import { creditNotesByKey, pullCreditNotes, saveCreditNotes } from './credit-notes-store';
import { ExposureBook } from './exposure-book';
import { invoiceOwners } from './ledger-scope';
import { loadLedgerSources } from './ledger-sources';
import { DocNumbers } from '../sync/doc-numbers';
import type { FinCreditNotesTable } from './tables';

type Stored = Map<string, FinCreditNotesTable>;

interface Run {
  ctx: WriteContext;
  state: CreditNoteState;
  numbers: DocNumbers;
  writes: FinCreditNotesTable[];
  /** The dealers' credit exposure: a credit note lowers what its invoice's dealer owes. */
  exposure: ExposureBook;
}

type Values = PushValues<typeof creditNotesDataset>;
type Mutation = ParsedMutation<Values>;
const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });

function columns(v: Values) {
  return {
    date: v.date,
    dealer_code: v.dealerCode,
    invoice_id: v.invoiceId,
    amount: v.amount,
    reason: v.reason,
    remark: v.remark ?? null,
  };
}

const inputOf = (row: FinCreditNotesTable): CreditNoteInput => ({
  dealerCode: row.dealer_code,
  invoiceId: row.invoice_id,
  amount: row.amount,
});

function write(run: Run, next: FinCreditNotesTable, before?: FinCreditNotesTable): MutationOutcome {
  run.writes.push(next);
  run.exposure.creditNote(before, next);
  const action = next.deleted ? 'delete' : before ? 'update' : 'create';
  const audit = { dataset: 'credit-notes', recordKey: next.row_key, recordId: next.id };
  run.ctx.audit({ ...audit, version: next.version, action, before: before ?? null, after: next });
  return { status: 'applied', id: next.id, version: next.version, problems: [] };
}

function place(run: Run, m: ParsedUpsert<Values>, stored?: FinCreditNotesTable): MutationOutcome {
  const { values } = m;
  if (stored) applyCreditNote(run.state, inputOf(stored), -1);
  const problems = checkCreditNote(run.state, values);
  if (problems.length > 0) {
    if (stored) applyCreditNote(run.state, inputOf(stored));
    return rejected(problems);
  }
  applyCreditNote(run.state, values);
  const id = stored?.id ?? run.numbers.take();
  const row = { id, row_key: m.rowKey, ...columns(values), deleted: 0 };
  return write(run, { ...row, ...rowStamp(run.ctx, (stored?.version ?? 0) + 1) }, stored);
}

function remove(run: Run, stored: FinCreditNotesTable): MutationOutcome {
  applyCreditNote(run.state, inputOf(stored), -1);
  return write(run, { ...stored, ...rowStamp(run.ctx, stored.version + 1), deleted: 1 }, stored);
}

function applyOne(run: Run, m: Mutation, stored?: FinCreditNotesTable): MutationOutcome {
  const live = stored && !stored.deleted ? stored : undefined;
  if (!live) return m.op === 'delete' ? { status: 'unchanged', problems: [] } : place(run, m);
  const next = m.op === 'upsert' ? columns(m.values) : undefined;
  const current = new Map(Object.entries(live));
  const same = next && Object.entries(next).every(([k, v]) => current.get(k) === v);
  if (same) return { status: 'unchanged', id: live.id, version: live.version, problems: [] };
  if (m.baseVersion !== live.version) {
    const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
    return { status: 'conflict', problems: [{ code, params: { version: live.version } }] };
  }
  return m.op === 'delete' ? remove(run, live) : place(run, m, live);
}

/** The run reads the ledger of the rows' dealers and of the dealers owning their invoices. */
async function openRun(ctx: WriteContext, mutations: readonly Mutation[], stored: Stored) {
  const text = (key: 'invoiceId' | 'dealerCode') =>
    mutations.flatMap((m) => (m.values ? [m.values[key]] : []));
  const owners = await invoiceOwners(ctx.trx, text('invoiceId'));
  const storedDealers = [...stored.values()].map((row) => row.dealer_code);
  const codes = [...new Set([...text('dealerCode'), ...owners, ...storedDealers])].sort();
  const sources = await loadLedgerSources(ctx.trx, codes);
  return {
    ctx,
    state: creditNoteState(sources),
    numbers: await DocNumbers.open(ctx.trx, 'CN', ctx.today),
    writes: [],
    exposure: new ExposureBook(ctx.trx),
  };
}
async function pushCreditNotes(ctx: WriteContext, mutations: readonly Mutation[]) {
  const stored = await creditNotesByKey(
    ctx.trx,
    mutations.map((m) => m.rowKey),
  );
  const run: Run = await openRun(ctx, mutations, stored);
  const outcomes = mutations.map((m) => applyOne(run, m, stored.get(m.rowKey)));
  await saveCreditNotes(ctx.trx, run.writes);
  await run.exposure.flush();
  await run.numbers.flush();
  return outcomes;
}

export function creditNotesHandler(): DatasetHandler {
  return defineHandler(creditNotesDataset, { push: pushCreditNotes, pull: pullCreditNotes });
}
