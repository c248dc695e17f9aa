// Data functions over `fin_allocations`: one row per confirmed (or automatic) allocation of a
// receipt — to an invoice, to an order as its deposit (订金), or to the dealer's credit balance
// (预收) — or of a credit balance to an invoice or order (receipt_id null).
import type { Db } from '../store/db';
import type { PullPage, PullRequest } from '../sync/handler';
import { fin, type FinAllocationsTable } from './tables';
import { toDealerScopedPage } from './table-pull';

export async function allocationsByKey(db: Db, keys: readonly string[]) {
  const found = new Map<string, FinAllocationsTable>();
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await fin(db)
      .selectFrom('fin_allocations')
      .selectAll()
      .where('row_key', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.row_key, row);
  }
  return found;
}

export async function saveAllocations(db: Db, rows: readonly FinAllocationsTable[]) {
  for (let i = 0; i < rows.length; i += 100) {
    await fin(db)
      .insertInto('fin_allocations')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          receipt_id: eb.ref('excluded.receipt_id'),
          target_kind: eb.ref('excluded.target_kind'),
          target_id: eb.ref('excluded.target_id'),
          dealer_code: eb.ref('excluded.dealer_code'),
          amount: eb.ref('excluded.amount'),
          write_off_amount: eb.ref('excluded.write_off_amount'),
          write_off_reason: eb.ref('excluded.write_off_reason'),
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

/** What the allocations pull gives for a row (allocationPullSchema); empty cells are absent. */
function allocationValues(row: FinAllocationsTable): Record<string, unknown> {
  const optional = {
    receiptId: row.receipt_id,
    targetId: row.target_id,
    writeOffAmount: row.write_off_amount > 0 ? row.write_off_amount : null,
    writeOffReason: row.write_off_reason,
    remark: row.remark,
  };
  const present = Object.entries(optional).filter(([, value]) => value !== null);
  return {
    id: row.id,
    targetKind: row.target_kind,
    dealerCode: row.dealer_code,
    amount: row.amount,
    source: row.source,
    ...Object.fromEntries(present),
  };
}

export async function pullAllocations(request: PullRequest): Promise<PullPage> {
  let query = fin(request.db)
    .selectFrom('fin_allocations')
    .selectAll()
    .where('change_seq', '>', request.afterSeq);
  const { dealer } = request.filter;
  if (dealer !== undefined) {
    query = query.where((eb) =>
      eb.or([eb('dealer_code', '=', dealer), eb('change_seq', '>', request.skipTombstonesUpTo)]),
    );
  }
  const rows = await query.orderBy('change_seq').limit(request.limit).execute();
  return toDealerScopedPage(rows, request, allocationValues);
}
