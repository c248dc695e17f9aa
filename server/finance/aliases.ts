// Payer aliases: a payer account or name that pays for a dealer.
// Finance enters them in the "payer-aliases" sheet (source 'confirmed'), and every confirmed
// allocation of a receipt teaches one (source 'learned'): the receipt's payer account, or its
// payer name when the bank line has no account. Later receipts from that payer then match the
// dealer by party (shared/finance/matching.ts, reason 'payer-alias').
import { payerAliasesDataset } from '../../shared/finance/datasets';
import { normalizeAccount, normalizePartyName, type PayerAlias } from '../../shared/finance/party';
import type { Db } from '../store/db';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { DocNumbers } from '../sync/doc-numbers';
import { fin, type FinPayerAliasesTable } from './tables';
import { toPullPage } from './table-pull';

type AliasValues = {
  dealerCode: string;
  payerAccount?: string | undefined;
  payerName?: string | undefined;
};

const identity = (v: AliasValues) =>
  `${v.dealerCode}|${normalizeAccount(v.payerAccount ?? '')}|${normalizePartyName(v.payerName ?? '')}`;

const rowValues = (row: FinPayerAliasesTable): AliasValues => ({
  dealerCode: row.dealer_code,
  ...(row.payer_account === null ? {} : { payerAccount: row.payer_account }),
  ...(row.payer_name === null ? {} : { payerName: row.payer_name }),
});

export async function liveAliases(db: Db): Promise<FinPayerAliasesTable[]> {
  return fin(db).selectFrom('fin_payer_aliases').selectAll().where('deleted', '=', 0).execute();
}

export const toPayerAlias = (row: FinPayerAliasesTable): PayerAlias => rowValues(row);

/** Aliases written in one push: known identities, new rows, numbering. */
export class AliasBook {
  private readonly byIdentity: Map<string, FinPayerAliasesTable>;
  readonly writes: FinPayerAliasesTable[] = [];

  private constructor(
    private readonly ctx: WriteContext,
    rows: FinPayerAliasesTable[],
    private readonly numbers: DocNumbers,
  ) {
    this.byIdentity = new Map(rows.map((row) => [identity(rowValues(row)), row]));
  }

  static async open(ctx: WriteContext): Promise<AliasBook> {
    const numbers = await DocNumbers.open(ctx.trx, 'PA', ctx.today);
    return new AliasBook(ctx, await liveAliases(ctx.trx), numbers);
  }

  find(values: AliasValues): FinPayerAliasesTable | undefined {
    return this.byIdentity.get(identity(values));
  }

  /** Writes an alias (new, changed or deleted) and keeps the identity index in step. */
  put(
    row: Omit<FinPayerAliasesTable, 'id' | 'change_seq' | 'updated_at' | 'updated_by'> & {
      id?: string;
    },
  ) {
    const { ctx } = this;
    const id = row.id ?? this.numbers.take();
    const at = ctx.now.toISOString();
    const full = {
      ...row,
      id,
      change_seq: ctx.nextSeq(),
      updated_at: at,
      updated_by: ctx.actor.user.username,
    };
    this.writes.push(full);
    if (full.deleted === 0) this.byIdentity.set(identity(rowValues(full)), full);
    const action = full.version === 1 ? 'create' : full.deleted ? 'delete' : 'update';
    const audit = { dataset: 'payer-aliases', recordKey: full.row_key, recordId: id };
    ctx.audit({ ...audit, version: full.version, action, before: null, after: rowValues(full) });
    return full;
  }

  /** Learns the payer of a confirmed receipt for a dealer, unless it is known already. */
  learn(dealerCode: string, payer: { payerAccount: string | null; payerName: string }) {
    const values: AliasValues =
      payer.payerAccount === null
        ? { dealerCode, payerName: payer.payerName }
        : { dealerCode, payerAccount: payer.payerAccount };
    if (this.find(values)) return;
    const rowKey = `learned:${identity(values)}`;
    this.put({ ...toColumns(values), row_key: rowKey, source: 'learned', deleted: 0, version: 1 });
  }

  async flush(): Promise<void> {
    for (const row of this.writes) {
      await fin(this.ctx.trx)
        .insertInto('fin_payer_aliases')
        .values(row)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            dealer_code: row.dealer_code,
            payer_account: row.payer_account,
            payer_name: row.payer_name,
            deleted: row.deleted,
            version: row.version,
            change_seq: row.change_seq,
            updated_at: row.updated_at,
            updated_by: row.updated_by,
          }),
        )
        .execute();
    }
    await this.numbers.flush();
  }
}

const toColumns = (v: AliasValues) => ({
  dealer_code: v.dealerCode,
  payer_account: v.payerAccount ?? null,
  payer_name: v.payerName ?? null,
});

async function storedByKey(db: Db, keys: string[]) {
  const rows = await fin(db)
    .selectFrom('fin_payer_aliases')
    .selectAll()
    .where('row_key', 'in', keys)
    .execute();
  return new Map(rows.map((row) => [row.row_key, row]));
}

function applyAlias(
  book: AliasBook,
  m: ParsedMutation<AliasValues>,
  stored?: FinPayerAliasesTable,
): MutationOutcome {
  if (m.op === 'delete') {
    if (!stored || stored.deleted) return { status: 'unchanged', problems: [] };
    const gone = book.put({ ...stored, deleted: 1, version: stored.version + 1 });
    return { status: 'applied', id: gone.id, version: gone.version, problems: [] };
  }
  const { values } = m;
  const twin = book.find(values);
  if (twin) return { status: 'unchanged', id: twin.id, version: twin.version, problems: [] };
  const version = (stored?.version ?? 0) + 1;
  const base = {
    ...toColumns(values),
    row_key: m.rowKey,
    source: 'confirmed',
    deleted: 0,
    version,
  };
  const row = book.put(stored ? { ...base, id: stored.id } : base);
  return { status: 'applied', id: row.id, version: row.version, problems: [] };
}

export function payerAliasesHandler(): DatasetHandler {
  return defineHandler(payerAliasesDataset, {
    async push(ctx, mutations) {
      const book = await AliasBook.open(ctx);
      const stored = await storedByKey(
        ctx.trx,
        mutations.map((m) => m.rowKey),
      );
      const outcomes = mutations.map((m) => applyAlias(book, m, stored.get(m.rowKey)));
      await book.flush();
      return outcomes;
    },
    async pull(request) {
      const rows = await fin(request.db)
        .selectFrom('fin_payer_aliases')
        .selectAll()
        .where('change_seq', '>', request.afterSeq)
        .orderBy('change_seq')
        .limit(request.limit)
        .execute();
      return toPullPage(rows, request, (row) => ({
        ...rowValues(row),
        id: row.id,
        source: row.source,
      }));
    },
  });
}
