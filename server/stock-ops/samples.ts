// The showroom's sample book (`sample-moves`, docs/samples.md), kept through the stock ledger so
// the showroom is a location like any other (its monthly count is a stocktake): samples in move
// from a warehouse to the showroom; a loan takes them out of the showroom and opens a loan; a
// return brings them back and settles the loan; a write-off takes them out of the showroom, or —
// naming a loan — settles what the borrower lost. Documents are numbered SM-YYYYMMDD-NNNN.
import { sampleMovesDataset } from '../../shared/stock-ops/datasets';
import { sampleMoveComplete, type SampleMove } from '../../shared/stock-ops/sample-rows';
import type { RowProblem } from '../../shared/row-errors';
import { recordsById } from '../datasets/records-store';
import { inDateRange, movementHandler, type MovementEnv } from '../datasets/movements';
import { StockBook } from '../datasets/stock-book';
import {
  checkLocation,
  checkSku,
  loadRefs,
  userMayServe,
  type MasterRefs,
} from '../datasets/stock-refs';
import type { WriteContext } from '../sync/handler';
import { loansByRef, outstandingOf, saveLoans, type LoanRow } from './sample-loans';

interface SampleEnv extends MovementEnv {
  refs: MasterRefs;
  kinds: Map<string, unknown>;
  staff: Set<string>;
  loans: Map<string, LoanRow>;
  touched: Set<string>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

async function prepare(ctx: WriteContext, rows: readonly SampleMove[]): Promise<SampleEnv> {
  const locations = rows.flatMap((r) => [r.showroomCode, text(r.fromLocationCode)]);
  const refs = await loadRefs(ctx.trx, {
    skus: rows.map((r) => r.skuCode),
    locations,
    dealers: rows.map((r) => text(r.dealerCode)),
  });
  const records = await recordsById(ctx.trx, 'locations', locations);
  const kinds = new Map([...records.values()].map((r) => [r.id, r.values.kind]));
  const staffRecords = await recordsById(
    ctx.trx,
    'staff',
    rows.map((r) => text(r.staffCode)),
  );
  const staff = new Set([...staffRecords.values()].filter((r) => !r.deleted).map((r) => r.id));
  const pairs = rows.flatMap((r) => [
    { location: r.showroomCode, sku: r.skuCode },
    ...(r.fromLocationCode ? [{ location: r.fromLocationCode, sku: r.skuCode }] : []),
  ]);
  const book = await StockBook.load(ctx.trx, pairs);
  const loans = await loansByRef(
    ctx.trx,
    rows.map((r) => text(r.loanRef)),
  );
  return { ctx, book, refs, kinds, staff, loans, touched: new Set() };
}

const short = (available: number): RowProblem[] => [
  { field: 'quantity', code: 'insufficient-stock', params: { available: Math.max(0, available) } },
];

function loanOf(env: SampleEnv, m: SampleMove): LoanRow | RowProblem[] {
  const loan = env.loans.get(text(m.loanRef));
  if (!loan || loan.showroom_code !== m.showroomCode || loan.sku_code !== m.skuCode) {
    const params = { value: text(m.loanRef), showroom: m.showroomCode, sku: m.skuCode };
    return [{ field: 'loanRef', code: 'sample-loan-unknown', params }];
  }
  const outstanding = outstandingOf(loan);
  if (m.quantity > outstanding) {
    const params = { loan: loan.loan_ref, outstanding };
    return [{ field: 'quantity', code: 'sample-over-outstanding', params }];
  }
  return loan;
}

function settle(env: SampleEnv, loan: LoanRow, quantity: number): void {
  loan.settled += quantity;
  loan.is_open = loan.settled < loan.quantity ? 1 : 0;
  env.touched.add(loan.loan_ref);
}

function borrowerProblems(env: SampleEnv, m: SampleMove): RowProblem[] {
  if (m.staffCode && !env.staff.has(m.staffCode))
    return [{ field: 'staffCode', code: 'invalid-value', params: { value: m.staffCode } }];
  const dealer = m.dealerCode ? env.refs.dealers.get(m.dealerCode) : undefined;
  if (m.dealerCode && !dealer)
    return [{ field: 'dealerCode', code: 'unknown-dealer', params: { value: m.dealerCode } }];
  // A sales assistant limited to regions lends only to dealers in them, as with orders.
  if (dealer && !userMayServe(env.ctx.actor.user, dealer.regionCode, env.refs.regions))
    return [
      { field: 'dealerCode', code: 'region-not-allowed', params: { region: dealer.regionCode } },
    ];
  return [];
}

function openLoan(env: SampleEnv, m: SampleMove, id: string): void {
  const staff = m.staffCode !== undefined;
  const loan: LoanRow = {
    loan_ref: id,
    showroom_code: m.showroomCode,
    sku_code: m.skuCode,
    borrower_kind: staff ? 'staff' : 'dealer',
    borrower_code: staff ? text(m.staffCode) : text(m.dealerCode),
    loan_date: m.moveDate,
    due_date: text(m.dueDate),
    quantity: m.quantity,
    settled: 0,
    is_open: 1,
    change_seq: 0,
  };
  env.loans.set(id, loan);
  env.touched.add(id);
}

function basics(env: SampleEnv, m: SampleMove): RowProblem[] {
  const problems = [
    ...sampleMoveComplete(m, { attribute: () => undefined, role: env.ctx.actor.user.role }),
    ...checkLocation(env.refs, m.showroomCode, 'showroomCode'),
    ...checkSku(env.refs, m.skuCode),
  ];
  if (problems.length === 0 && env.kinds.get(m.showroomCode) !== 'showroom')
    problems.push({
      field: 'showroomCode',
      code: 'sample-not-showroom',
      params: { value: m.showroomCode },
    });
  return problems;
}

function create(env: SampleEnv, doc: { id: string; values: SampleMove }): RowProblem[] {
  const m = doc.values;
  const problems = basics(env, m);
  if (problems.length > 0) return problems;
  const at = { sku: m.skuCode, date: m.moveDate, ref: doc.id };
  const showroom = { ...at, location: m.showroomCode };
  const inShowroom = env.book.available(m.showroomCode, m.skuCode);
  if (m.kind === 'in') {
    const from = text(m.fromLocationCode);
    const fromProblems = checkLocation(env.refs, from, 'fromLocationCode');
    if (fromProblems.length > 0) return fromProblems;
    const available = env.book.available(from, m.skuCode);
    if (m.quantity > available) return short(available);
    env.book.change({ ...at, kind: 'sample-out', location: from, onHand: -m.quantity });
    env.book.change({ ...showroom, kind: 'sample-in', onHand: m.quantity });
  } else if (m.kind === 'loan') {
    const borrower = borrowerProblems(env, m);
    if (borrower.length > 0) return borrower;
    if (m.quantity > inShowroom) return short(inShowroom);
    env.book.change({ ...showroom, kind: 'sample-loan', onHand: -m.quantity });
    openLoan(env, m, doc.id);
  } else if (m.kind === 'return' || m.loanRef) {
    const loan = loanOf(env, m);
    if (Array.isArray(loan)) return loan;
    settle(env, loan, m.quantity);
    if (m.kind === 'return')
      env.book.change({ ...showroom, kind: 'sample-return', onHand: m.quantity });
  } else {
    if (m.quantity > inShowroom) return short(inShowroom);
    env.book.change({ ...showroom, kind: 'sample-write-off', onHand: -m.quantity });
  }
  return [];
}

async function finish(env: SampleEnv): Promise<void> {
  const rows = [...env.touched].flatMap((ref) => {
    const loan = env.loans.get(ref);
    return loan ? [{ ...loan, change_seq: env.ctx.nextSeq() }] : [];
  });
  await saveLoans(env.ctx.trx, rows);
}

export function sampleMovesHandler() {
  return movementHandler(sampleMovesDataset, {
    prefix: 'SM',
    prepare,
    create,
    finish,
    matches: (values, request) =>
      (!request.filter.location || values.showroomCode === request.filter.location) &&
      inDateRange(values.moveDate, request),
  });
}
