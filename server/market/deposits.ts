// Dealer deposits (保证金), docs/market-order.md: finance records payments in and refunds out
// (dataset "dealer-deposits"); a handled case's penalty is taken out once (the entry is unique
// per case). Each entry moves the dealer's kept balance in the same transaction, so the
// "deposit-balances" pull reads one row per dealer, never the history. Entries never change:
// a mistake is corrected by a further entry.
import { dealerDepositsDataset } from '../../shared/market/datasets';
import type { z } from 'zod';
import type { dealerDepositSchema } from '../../shared/market/case-rows';
import { recordsById } from '../datasets/records-store';
import { DocNumbers } from '../sync/doc-numbers';
import type { MutationOutcome, ParsedMutation, WriteContext } from '../sync/handler';
import { mkt, type MarketDepositsTable } from './tables';

type Values = z.output<typeof dealerDepositSchema>;

interface DepositEntry {
  rowKey: string;
  dealer: string;
  date: string;
  kind: 'paid' | 'refund' | 'penalty';
  amount: number;
  caseId?: string;
  remark?: string | undefined;
}

/** Writes one entry and moves the dealer's balance; returns the entry's id. */
export async function bookDeposit(ctx: WriteContext, numbers: DocNumbers, entry: DepositEntry) {
  const row: MarketDepositsTable = {
    id: numbers.take(),
    row_key: entry.rowKey,
    dealer_code: entry.dealer,
    date: entry.date,
    kind: entry.kind,
    amount: entry.amount,
    case_id: entry.caseId ?? null,
    remark: entry.remark ?? null,
    change_seq: ctx.nextSeq(),
    created_at: ctx.now.toISOString(),
    created_by: ctx.actor.user.username,
  };
  await mkt(ctx.trx).insertInto('market_deposits').values(row).execute();
  const paid = entry.kind === 'paid' ? entry.amount : 0;
  const refunded = entry.kind === 'refund' ? entry.amount : 0;
  const penalties = entry.kind === 'penalty' ? entry.amount : 0;
  const change_seq = ctx.nextSeq();
  await mkt(ctx.trx)
    .insertInto('market_deposit_balances')
    .values({
      dealer_code: entry.dealer,
      paid,
      refunded,
      penalties,
      balance: paid - refunded - penalties,
      change_seq,
    })
    .onConflict((oc) =>
      oc.column('dealer_code').doUpdateSet((eb) => ({
        paid: eb('market_deposit_balances.paid', '+', paid),
        refunded: eb('market_deposit_balances.refunded', '+', refunded),
        penalties: eb('market_deposit_balances.penalties', '+', penalties),
        balance: eb('market_deposit_balances.balance', '+', paid - refunded - penalties),
        change_seq,
      })),
    )
    .execute();
  const audit = { dataset: dealerDepositsDataset.name, recordKey: row.row_key, recordId: row.id };
  ctx.audit({ ...audit, version: 1, action: 'create', before: null, after: row });
  return row.id;
}

const isSameEntry = (row: MarketDepositsTable, v: Values) =>
  row.dealer_code === v.dealerCode &&
  row.date === v.date &&
  row.kind === v.kind &&
  row.amount === v.amount;

export async function pushDeposits(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<Values>[],
): Promise<MutationOutcome[]> {
  const stored = await mkt(ctx.trx)
    .selectFrom('market_deposits')
    .selectAll()
    .where(
      'row_key',
      'in',
      mutations.map((m) => m.rowKey),
    )
    .execute();
  const known = new Map(stored.map((r) => [r.row_key, r]));
  const dealers = await recordsById(
    ctx.trx,
    'dealers',
    mutations.flatMap((m) => (m.values ? [m.values.dealerCode] : [])),
  );
  const numbers = await DocNumbers.open(ctx.trx, 'DP', ctx.today);
  const outcomes: MutationOutcome[] = [];
  for (const m of mutations) {
    const before = known.get(m.rowKey);
    if (before && m.op === 'upsert' && isSameEntry(before, m.values)) {
      outcomes.push({ status: 'unchanged', id: before.id, version: 1, problems: [] });
    } else if (before) {
      outcomes.push({ status: 'rejected', problems: [{ code: 'market-deposit-immutable' }] });
    } else if (m.op === 'delete') {
      outcomes.push({ status: 'unchanged', problems: [] });
    } else if (!dealers.get(m.values.dealerCode) || dealers.get(m.values.dealerCode)?.deleted) {
      const params = { value: m.values.dealerCode };
      outcomes.push({
        status: 'rejected',
        problems: [{ field: 'dealerCode', code: 'unknown-dealer', params }],
      });
    } else {
      const v = m.values;
      const entry = {
        rowKey: m.rowKey,
        dealer: v.dealerCode,
        date: v.date,
        kind: v.kind,
        amount: v.amount,
      };
      const newId = await bookDeposit(ctx, numbers, { ...entry, remark: v.remark });
      outcomes.push({ status: 'applied', id: newId, version: 1, problems: [] });
    }
  }
  await numbers.flush();
  return outcomes;
}
