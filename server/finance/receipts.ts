// The "bank-receipts" dataset (银行到账): finance pushes bank statement lines from its sheet or
// the bank's export. A line gets RC-YYYYMMDD-NNNN. Duplicates: the same bank line pushed again —
// under another row key, from another workbook, or from the .xlsx export after the sheet — has
// the same fingerprint (shared bankLineFingerprint) and answers `unchanged` with the existing
// receipt's id and a `duplicate-bank-line` note naming it: nothing is booked twice, and the
// row still shows its canonical number. A statement that really holds two identical lines
// (same day, amount, payer, no bank reference) keeps both: the n-th copy within one push is
// fingerprinted "#n", so importing that statement again still books nothing new.
// A receipt may be corrected or deleted until something is allocated of it; then it is fixed.
import {
  bankLineFingerprint,
  bankReceiptSchema,
  type BankReceipt,
} from '../../shared/finance/bank-line';
import type { PushValues } from '../../shared/dataset-def';
import { bankReceiptsDataset } from '../../shared/finance/datasets';
import type { RowProblem } from '../../shared/row-errors';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { saveAllocations } from './allocations-store';
import { ExposureBook } from './exposure-book';
import { autoMatchReceipts, type FreshReceipt } from './auto-match';
import { DocNumbers } from '../sync/doc-numbers';
import { pullReceipts, receiptsByFingerprint, receiptsByKey, saveReceipts } from './receipts-store';
import type { FinReceiptsTable } from './tables';

interface Run {
  ctx: WriteContext;
  numbers: DocNumbers;
  byFingerprint: Map<string, FinReceiptsTable>;
  writes: FinReceiptsTable[];
  fresh: FreshReceipt[];
}

type Mutation = ParsedMutation<PushValues<typeof bankReceiptsDataset>>;

interface Row {
  m: Mutation;
  line: BankReceipt | undefined;
  fingerprint: string;
  stored: FinReceiptsTable | undefined;
}

const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });
const base = (fingerprint: string) => fingerprint.replace(/#\d+$/, '');

/** Parsed lines with their fingerprints; the n-th identical line of the push gets "#n". */
function toRows(mutations: readonly Mutation[]): Omit<Row, 'stored'>[] {
  const seen = new Map<string, number>();
  return mutations.map((m) => {
    const parsed = m.op === 'upsert' ? bankReceiptSchema.safeParse(m.values) : undefined;
    const line = parsed?.success ? parsed.data : undefined;
    if (line === undefined) return { m, line, fingerprint: '' };
    const print = bankLineFingerprint(line);
    const count = (seen.get(print) ?? 0) + 1;
    seen.set(print, count);
    return { m, line, fingerprint: `${print}#${count}` };
  });
}

function columns(line: BankReceipt) {
  return {
    date: line.date,
    payer_name: line.payerName,
    payer_account: line.payerAccount ?? null,
    amount: line.amount,
    bank_ref: line.bankRef ?? null,
    remark: line.remark ?? null,
  };
}

function write(run: Run, row: FinReceiptsTable, before: FinReceiptsTable | undefined) {
  const { ctx } = run;
  run.writes.push(row);
  if (before) run.byFingerprint.delete(before.fingerprint);
  if (row.deleted === 0) run.byFingerprint.set(row.fingerprint, row);
  const action = row.deleted ? 'delete' : before ? 'update' : 'create';
  const audit = { dataset: 'bank-receipts', recordKey: row.row_key, recordId: row.id };
  ctx.audit({ ...audit, version: row.version, action, before: before ?? null, after: row });
  return { status: 'applied' as const, id: row.id, version: row.version, problems: [] };
}

function create(run: Run, row: Row & { line: BankReceipt }): MutationOutcome {
  const { ctx } = run;
  const holder = run.byFingerprint.get(row.fingerprint);
  if (holder) {
    const problems: RowProblem[] = [{ code: 'duplicate-bank-line', params: { id: holder.id } }];
    return { status: 'unchanged', id: holder.id, version: holder.version, problems };
  }
  const stamp = { change_seq: ctx.nextSeq(), created_at: ctx.now.toISOString() };
  const who = { created_by: ctx.actor.user.username, workbook_id: ctx.actor.workbookId };
  const id = row.stored?.id ?? run.numbers.take();
  const next: FinReceiptsTable = {
    ...{ id, row_key: row.m.rowKey, fingerprint: row.fingerprint, ...columns(row.line) },
    ...{ allocated: 0, dealer_codes: '', deleted: 0, version: (row.stored?.version ?? 0) + 1 },
    ...stamp,
    ...who,
  };
  const outcome = write(run, next, row.stored);
  run.fresh.push({ row: next, outcome });
  return outcome;
}

function change(run: Run, row: Row, stored: FinReceiptsTable): MutationOutcome {
  const { m, line } = row;
  if (line && JSON.stringify(columns(line)) === JSON.stringify(pick(stored))) {
    return { status: 'unchanged', id: stored.id, version: stored.version, problems: [] };
  }
  if (stored.allocated > 0)
    return rejected([{ code: 'receipt-allocated', params: { id: stored.id } }]);
  if (m.baseVersion !== stored.version) {
    const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
    return { status: 'conflict', problems: [{ code, params: { version: stored.version } }] };
  }
  const stamp = { version: stored.version + 1, change_seq: run.ctx.nextSeq() };
  if (!line)
    return write(
      run,
      { ...stored, ...stamp, deleted: 1, fingerprint: `deleted:${stored.id}` },
      stored,
    );
  const keep = base(row.fingerprint) === base(stored.fingerprint);
  const fingerprint = keep ? stored.fingerprint : row.fingerprint;
  const holder = run.byFingerprint.get(fingerprint);
  if (holder && holder.id !== stored.id) {
    return rejected([{ code: 'duplicate-bank-line', params: { id: holder.id } }]);
  }
  return write(run, { ...stored, ...columns(line), ...stamp, fingerprint }, stored);
}

const pick = (row: FinReceiptsTable) => ({
  date: row.date,
  payer_name: row.payer_name,
  payer_account: row.payer_account,
  amount: row.amount,
  bank_ref: row.bank_ref,
  remark: row.remark,
});

function applyRow(run: Run, row: Row): MutationOutcome {
  const { m, line, stored } = row;
  const isLive = stored !== undefined && stored.deleted === 0;
  if (isLive) return change(run, row, stored);
  if (m.op === 'delete') return { status: 'unchanged', problems: [] };
  if (!line) return rejected([{ code: 'invalid-value' }]);
  return create(run, { ...row, line });
}

async function pushReceipts(ctx: WriteContext, mutations: readonly Mutation[]) {
  const stored = await receiptsByKey(
    ctx.trx,
    mutations.map((m) => m.rowKey),
  );
  const rows = toRows(mutations).map((r) => ({ ...r, stored: stored.get(r.m.rowKey) }));
  const prints = rows.flatMap((r) => (r.fingerprint === '' ? [] : [r.fingerprint]));
  const run: Run = {
    ctx,
    numbers: await DocNumbers.open(ctx.trx, 'RC', ctx.today),
    byFingerprint: await receiptsByFingerprint(ctx.trx, prints),
    writes: [],
    fresh: [],
  };
  const outcomes = rows.map((row) => applyRow(run, row));
  const autoRows = ctx.options.autoMatch === true ? await autoMatchReceipts(ctx, run.fresh) : [];
  await saveReceipts(ctx.trx, run.writes);
  await saveAllocations(ctx.trx, autoRows);
  const exposure = new ExposureBook(ctx.trx);
  for (const row of autoRows) exposure.allocation(undefined, row);
  await exposure.flush();
  await run.numbers.flush();
  return outcomes;
}

export function bankReceiptsHandler(): DatasetHandler {
  return defineHandler(bankReceiptsDataset, { push: pushReceipts, pull: pullReceipts });
}
