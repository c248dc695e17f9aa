// Data functions over `fin_receipts`. A receipt is a bank statement line with its canonical id
// (RC-YYYYMMDD-NNNN), its fingerprint (unique: the same line is never booked twice) and what is
// allocated of it so far, kept here so the bank-receipts pull and the immutability rule need no
// join.
import type { Receipt } from '../../shared/finance/bank-line';
import type { Db } from '../store/db';
import type { PullPage, PullRequest } from '../sync/handler';
import { fin, type FinReceiptsTable } from './tables';

const CHUNK = 500;

async function receiptsBy(db: Db, column: 'row_key' | 'fingerprint' | 'id', keys: string[]) {
  const unique = [...new Set(keys)];
  const found: FinReceiptsTable[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await fin(db)
      .selectFrom('fin_receipts')
      .selectAll()
      .where(column, 'in', unique.slice(i, i + CHUNK))
      .execute();
    found.push(...rows);
  }
  return found;
}

export async function receiptsByKey(db: Db, keys: string[]) {
  return new Map((await receiptsBy(db, 'row_key', keys)).map((r) => [r.row_key, r]));
}

export async function receiptsByFingerprint(db: Db, fingerprints: string[]) {
  return new Map(
    (await receiptsBy(db, 'fingerprint', fingerprints)).map((r) => [r.fingerprint, r]),
  );
}

export async function receiptsById(db: Db, ids: string[]) {
  return new Map((await receiptsBy(db, 'id', ids)).map((r) => [r.id, r]));
}

/** Live receipts with something left to allocate, oldest first. */
export async function openReceipts(db: Db): Promise<FinReceiptsTable[]> {
  return fin(db)
    .selectFrom('fin_receipts')
    .selectAll()
    .where('deleted', '=', 0)
    .whereRef('allocated', '<', 'amount')
    .orderBy('date')
    .orderBy('id')
    .execute();
}

export async function saveReceipts(db: Db, rows: readonly FinReceiptsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await fin(db)
      .insertInto('fin_receipts')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          fingerprint: eb.ref('excluded.fingerprint'),
          date: eb.ref('excluded.date'),
          payer_name: eb.ref('excluded.payer_name'),
          payer_account: eb.ref('excluded.payer_account'),
          amount: eb.ref('excluded.amount'),
          bank_ref: eb.ref('excluded.bank_ref'),
          remark: eb.ref('excluded.remark'),
          allocated: eb.ref('excluded.allocated'),
          dealer_codes: eb.ref('excluded.dealer_codes'),
          deleted: eb.ref('excluded.deleted'),
          version: eb.ref('excluded.version'),
          change_seq: eb.ref('excluded.change_seq'),
        })),
      )
      .execute();
  }
}

/** The bank line of a stored receipt, as the shared matching rules read it. */
export function receiptLine(row: FinReceiptsTable): Receipt {
  return {
    id: row.id,
    date: row.date,
    payerName: row.payer_name,
    amount: row.amount,
    ...(row.payer_account === null ? {} : { payerAccount: row.payer_account }),
    ...(row.bank_ref === null ? {} : { bankRef: row.bank_ref }),
    ...(row.remark === null ? {} : { remark: row.remark }),
  };
}

/** What the bank-receipts pull gives for a receipt (bankReceiptPullSchema). */
function receiptValues(row: FinReceiptsTable): Record<string, unknown> {
  const { id: _id, ...line } = receiptLine(row);
  const unallocated = row.amount - row.allocated;
  const status = row.allocated === 0 ? 'unmatched' : unallocated > 0 ? 'partial' : 'allocated';
  const dealers = row.dealer_codes === '' ? {} : { dealerCodes: row.dealer_codes };
  return { ...line, id: row.id, allocated: row.allocated, unallocated, status, ...dealers };
}

export async function pullReceipts(request: PullRequest): Promise<PullPage> {
  const rows = await fin(request.db)
    .selectFrom('fin_receipts')
    .selectAll()
    .where('change_seq', '>', request.afterSeq)
    .orderBy('change_seq')
    .limit(request.limit)
    .execute();
  const { from, to } = request.filter;
  const page: PullPage['rows'] = [];
  for (const row of rows) {
    const live = row.deleted === 0 && (!from || row.date >= from) && (!to || row.date <= to);
    if (!live && row.change_seq <= request.skipTombstonesUpTo) continue;
    const op = live ? 'upsert' : 'delete';
    const values = receiptValues(row);
    page.push({ key: row.row_key, version: row.version, op, values, seq: row.change_seq });
  }
  return { rows: page, hasMore: rows.length === request.limit };
}
