// 接待登记: the front desk pushes a new reception (the server names the consultant: the head of
// the fair queue, server/estate/reception-queue.ts) and pushes it again with `ended` when the
// visitor leaves. A consultant has one open reception at a time (est_receptions_one_open). See
// docs/estate-roster.md, "Reception queue".
import type { z } from 'zod';
import { estateReceptionsDataset } from '../../shared/estate/roster-datasets';
import type { receptionSchema } from '../../shared/estate/roster-rows';
import { utcToShanghai } from '../../shared/local-time';
import { toPullPage } from '../finance/table-pull';
import type { Db } from '../store/db';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { dutyBoard } from './reception-queue';
import { liveCodes, refused, unchanged, versionCheck, written } from './roster-sync';
import { roster, stamped, type EstReceptionsTable } from './roster-tables';

type ReceptionValues = z.output<typeof receptionSchema>;

async function saveReception(db: Db, row: EstReceptionsTable) {
  await roster(db)
    .insertInto('est_receptions')
    .values(row)
    .onConflict((oc) => oc.column('row_key').doUpdateSet(row))
    .execute();
  return row;
}

async function startReception(
  ctx: WriteContext,
  m: ParsedMutation<ReceptionValues> & { op: 'upsert' },
) {
  if (m.values.ended) return refused({ field: 'ended', code: 'record-not-found' });
  const board = await dutyBoard(ctx.trx, ctx.today, ctx.now);
  const next = board.find((line) => line.position === 1);
  if (!next) return refused({ field: 'projectCode', code: 'estate-reception-nobody' });
  const row = {
    row_key: m.rowKey,
    project_code: m.values.projectCode,
    consultant: next.consultant,
    customer_name: m.values.customerName ?? null,
    started_at: ctx.now.toISOString(),
    ended_at: null,
    reception_date: ctx.today,
    open: 1,
    deleted: 0,
    ...stamped(ctx, 1),
  };
  const outcome = written(await saveReception(ctx.trx, row));
  return { ...outcome, serverValues: { consultant: next.consultant } };
}

async function applyReception(
  ctx: WriteContext,
  m: ParsedMutation<ReceptionValues>,
  projects: Map<string, unknown>,
): Promise<MutationOutcome> {
  const stored = await roster(ctx.trx)
    .selectFrom('est_receptions')
    .selectAll()
    .where('row_key', '=', m.rowKey)
    .executeTakeFirst();
  const stale = versionCheck(stored, m.baseVersion);
  if (stale) return stale;
  if (m.op === 'delete') {
    if (!stored || stored.deleted) return unchanged;
    const next = { ...stored, open: 0, deleted: 1, ...stamped(ctx, stored.version + 1) };
    return written(await saveReception(ctx.trx, next));
  }
  if (!projects.has(m.values.projectCode))
    return refused({
      field: 'projectCode',
      code: 'estate-project-unknown',
      params: { value: m.values.projectCode },
    });
  if (!stored || stored.deleted) return startReception(ctx, m);
  if (!stored.open)
    return refused({
      field: 'ended',
      code: 'estate-reception-ended',
      params: { document: stored.row_key },
    });
  const ended = m.values.ended === true;
  const next = {
    ...stored,
    customer_name: m.values.customerName ?? null,
    ...(ended ? { ended_at: ctx.now.toISOString(), open: 0 } : {}),
    ...stamped(ctx, stored.version + 1),
  };
  return written(await saveReception(ctx.trx, next));
}

export function receptionsHandler() {
  return defineHandler(estateReceptionsDataset, {
    push: async (ctx, mutations) => {
      const projects = await liveCodes(ctx.trx, 'estate-projects');
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) outcomes.push(await applyReception(ctx, m, projects));
      return outcomes;
    },
    pull: async (request) => {
      const rows = await roster(request.db)
        .selectFrom('est_receptions')
        .selectAll()
        .where('change_seq', '>', request.afterSeq)
        .orderBy('change_seq')
        .limit(request.limit)
        .execute();
      return toPullPage(rows, request, (r) => ({
        projectCode: r.project_code,
        consultant: r.consultant,
        ...(r.customer_name ? { customerName: r.customer_name } : {}),
        ended: r.open === 0,
        startedAt: utcToShanghai(r.started_at),
        ...(r.ended_at ? { endedAt: utcToShanghai(r.ended_at) } : {}),
      }));
    },
  });
}
