// Data functions over `fin_credit_notes` (migration 006): one row per credit note (红字/贷项)
// against one invoice, versioned like every finance table.
import type { Db } from '../store/db';
import type { PullPage, PullRequest } from '../sync/handler';
import { inChunks } from '../store/chunks';
import { fin, type FinCreditNotesTable } from './tables';
import { toDealerScopedPage } from './table-pull';

export async function creditNotesByKey(db: Db, keys: readonly string[]) {
  const rows = await inChunks(keys, (chunk) =>
    fin(db).selectFrom('fin_credit_notes').selectAll().where('row_key', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [row.row_key, row]));
}

export async function saveCreditNotes(db: Db, rows: readonly FinCreditNotesTable[]) {
  for (let i = 0; i < rows.length; i += 100) {
    await fin(db)
      .insertInto('fin_credit_notes')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          date: eb.ref('excluded.date'),
          dealer_code: eb.ref('excluded.dealer_code'),
          invoice_id: eb.ref('excluded.invoice_id'),
          amount: eb.ref('excluded.amount'),
          reason: eb.ref('excluded.reason'),
          remark: eb.ref('excluded.remark'),
          deleted: eb.ref('excluded.deleted'),
          version: eb.ref('excluded.version'),
          change_seq: eb.ref('excluded.change_seq'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
}

/** What the credit-notes pull gives for a row (creditNotePullSchema); no remark = absent. */
function creditNoteValues(row: FinCreditNotesTable): Record<string, unknown> {
  return {
    id: row.id,
    date: row.date,
    dealerCode: row.dealer_code,
    invoiceId: row.invoice_id,
    amount: row.amount,
    reason: row.reason,
    ...(row.remark === null ? {} : { remark: row.remark }),
  };
}

export async function pullCreditNotes(request: PullRequest): Promise<PullPage> {
  let query = fin(request.db)
    .selectFrom('fin_credit_notes')
    .selectAll()
    .where('change_seq', '>', request.afterSeq);
  const { dealer } = request.filter;
  if (dealer !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('dealer_code', '=', dealer), eb('change_seq', '>', request.skipTombstonesUpTo)]),
    );
  }
  const rows = await query.orderBy('change_seq').limit(request.limit).execute();
  return toDealerScopedPage(rows, request, creditNoteValues);
}
