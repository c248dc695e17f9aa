// Data functions over `return_lines` (migration 040): by row key, by document, the write, and
// the returns pull (one row per line; lines are never deleted, a rejected return says so).
import type { Db } from '../store/db';
import type { PullPage, PullRequest } from '../sync/handler';
import { inChunks } from '../store/chunks';
import { toDealerScopedPage } from '../finance/table-pull';
import { rt, type ReturnLinesTable } from './tables';

export async function returnLinesByKey(db: Db, keys: readonly string[]) {
  const rows = await inChunks(keys, (chunk) =>
    rt(db).selectFrom('return_lines').selectAll().where('row_key', 'in', chunk).execute(),
  );
  return new Map(rows.map((row) => [row.row_key, row]));
}

export async function returnDocument(db: Db, dealerCode: string, returnRef: string) {
  return rt(db)
    .selectFrom('return_lines')
    .selectAll()
    .where('dealer_code', '=', dealerCode)
    .where('return_ref', '=', returnRef)
    .orderBy('id')
    .execute();
}

export async function saveReturnLines(db: Db, rows: readonly ReturnLinesTable[]) {
  for (let i = 0; i < rows.length; i += 100) {
    await rt(db)
      .insertInto('return_lines')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          credit_note_id: eb.ref('excluded.credit_note_id'),
          credit_balance: eb.ref('excluded.credit_balance'),
          version: eb.ref('excluded.version'),
          change_seq: eb.ref('excluded.change_seq'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
}

/** What the returns pull gives for a line (returnPullSchema); empty cells are absent. */
function returnValues(row: ReturnLinesTable): Record<string, unknown> {
  const optional = {
    locationCode: row.location_code,
    remark: row.remark,
    creditNoteId: row.credit_note_id,
    creditBalance: row.credit_balance > 0 ? row.credit_balance : null,
  };
  return {
    id: row.id,
    dealerCode: row.dealer_code,
    returnRef: row.return_ref,
    date: row.date,
    shipmentId: row.shipment_id,
    skuCode: row.sku_code,
    quantity: row.quantity,
    unitPrice: row.unit_price,
    value: row.quantity * row.unit_price,
    reason: row.reason,
    disposition: row.disposition,
    status: row.status,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== null)),
  };
}

export async function pullReturns(request: PullRequest): Promise<PullPage> {
  let query = rt(request.db)
    .selectFrom('return_lines')
    .selectAll()
    .where('change_seq', '>', request.afterSeq);
  const { from, to } = request.filter;
  if (from !== undefined) query = query.where('date', '>=', from);
  if (to !== undefined) query = query.where('date', '<=', to);
  const rows = await query.orderBy('change_seq').limit(request.limit).execute();
  return toDealerScopedPage(
    rows.map((row) => ({ ...row, deleted: 0 })),
    request,
    returnValues,
  );
}
