// 佣金确认: a manager confirms (closes) a consultant's statement for a month. Confirming stores
// the month's lines as they are — they never change again — and is what "paid" means: a 退房
// after it claws back what confirmed statements paid, on the next open statement. A confirmed
// statement cannot be changed or reopened (docs/estate.md, "Commission").
import type { z } from 'zod';
import {
  estateCommissionStatementsDataset,
  type commissionStatementSchema,
} from '../../shared/estate/commission';
import { toPullPage } from '../finance/table-pull';
import { lockKeys, lockSpace } from '../store/locks';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { allCommissionLines } from './commission';
import { rejected } from './documents';
import { estMoney } from './money-tables';

type StatementValues = z.output<typeof commissionStatementSchema>;

async function confirm(
  ctx: WriteContext,
  m: ParsedMutation<StatementValues>,
): Promise<MutationOutcome> {
  const stored = await estMoney(ctx.trx)
    .selectFrom('est_commission_statements')
    .selectAll()
    .where('row_key', '=', m.rowKey)
    .executeTakeFirst();
  const named = m.op === 'upsert' ? m.values : stored;
  if (!named) return { status: 'unchanged', problems: [] };
  const { consultant, month } = named;
  // Confirmations of one consultant take turns, so two cannot fix the same lines twice.
  await lockKeys(ctx.trx, lockSpace.rowKey, [`estate-commission:${consultant}`]);
  const id = `${consultant}:${month}`;
  const confirmed =
    stored ??
    (await estMoney(ctx.trx)
      .selectFrom('est_commission_statements')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst());
  if (confirmed) {
    const same = m.op === 'upsert' && confirmed.id === id && confirmed.row_key === m.rowKey;
    if (same) return { status: 'unchanged', id, version: confirmed.version, problems: [] };
    return rejected({
      code: 'estate-statement-confirmed',
      params: { consultant: confirmed.consultant, month: confirmed.month, document: confirmed.id },
    });
  }
  const user = await ctx.trx
    .selectFrom('users')
    .select('username')
    .where('username', '=', consultant)
    .executeTakeFirst();
  if (!user)
    return rejected({ field: 'consultant', code: 'invalid-value', params: { value: consultant } });
  const lines = (await allCommissionLines(ctx.trx)).filter(
    (l) => l.consultant === consultant && l.month === month,
  );
  for (const l of lines)
    await estMoney(ctx.trx)
      .insertInto('est_commission_lines')
      .values({
        statement_id: id,
        contract_id: l.contractId,
        stage: l.stage,
        consultant,
        month,
        due_month: l.dueMonth,
        project_code: l.projectCode,
        unit_code: l.unitCode,
        price: l.price,
        rate_bp: l.rateBp,
        amount: l.amount,
      })
      .execute();
  const row = {
    id,
    row_key: m.rowKey,
    consultant,
    month,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    deleted: 0,
    version: 1,
    change_seq: ctx.nextSeq(),
    updated_at: ctx.now.toISOString(),
    updated_by: ctx.actor.user.username,
  };
  await estMoney(ctx.trx).insertInto('est_commission_statements').values(row).execute();
  return { status: 'applied', id, version: 1, problems: [] };
}

export function commissionStatementsHandler() {
  return defineHandler(estateCommissionStatementsDataset, {
    push: async (ctx, mutations) => {
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) outcomes.push(await confirm(ctx, m));
      return outcomes;
    },
    pull: async (request) => {
      const rows = await estMoney(request.db)
        .selectFrom('est_commission_statements')
        .selectAll()
        .where('change_seq', '>', request.afterSeq)
        .orderBy('change_seq')
        .limit(request.limit)
        .execute();
      return toPullPage(rows, request, (row) => ({
        id: row.id,
        consultant: row.consultant,
        month: row.month,
        total: row.total,
        confirmedAt: row.updated_at,
        confirmedBy: row.updated_by,
      }));
    },
  });
}
