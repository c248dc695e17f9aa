// Data functions of the sample loans (table sample_loans, docs/samples.md): load the loans a
// push settles, write the loans it opens or settles, read the open ones for the pulls.
import { bulkWriter } from '../store/bulk';
import type { Db } from '../store/db';
import type { SampleLoansTable } from '../store/schema';

export type LoanRow = SampleLoansTable;

export const outstandingOf = (loan: LoanRow) => loan.quantity - loan.settled;

export async function loansByRef(db: Db, refs: readonly string[]): Promise<Map<string, LoanRow>> {
  const unique = [...new Set(refs)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('sample_loans')
    .selectAll()
    .where('loan_ref', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.loan_ref, r]));
}

/** Loans not fully back, optionally of one showroom. */
export async function openLoans(db: Db, showroom?: string): Promise<LoanRow[]> {
  let query = db.selectFrom('sample_loans').selectAll().where('is_open', '=', 1);
  if (showroom) query = query.where('showroom_code', '=', showroom);
  return query.orderBy('due_date').orderBy('loan_ref').execute();
}

export const saveLoans = bulkWriter({
  table: 'sample_loans',
  columns: [
    'loan_ref',
    'showroom_code',
    'sku_code',
    'borrower_kind',
    'borrower_code',
    'loan_date',
    'due_date',
    'quantity',
    'settled',
    'is_open',
    'change_seq',
  ],
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.column('loan_ref').doUpdateSet((eb) => ({
        settled: eb.ref('excluded.settled'),
        is_open: eb.ref('excluded.is_open'),
        change_seq: eb.ref('excluded.change_seq'),
      })),
    ),
});
