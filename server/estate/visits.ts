// 来电/来访: calls and visits typed by consultants (their own; a manager any), counted in the
// daily report and the weekly summary. Customers' names and phones are pulled masked for roles
// that do not need them (docs/estate-roster.md, "Calls and visits").
import { estateVisitsDataset } from '../../shared/estate/roster-datasets';
import type { VisitValues } from '../../shared/estate/roster-rows';
import { shanghaiToUtc, utcToShanghai } from '../../shared/local-time';
import { toPullPage } from '../finance/table-pull';
import type { Db } from '../store/db';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type PullRequest,
  type WriteContext,
} from '../sync/handler';
import {
  consultantFor,
  liveCodes,
  maskName,
  maskPhone,
  refused,
  seesContacts,
  unchanged,
  versionCheck,
  written,
} from './roster-sync';
import { roster, stamped, type EstVisitsTable } from './roster-tables';

async function visitByKey(db: Db, rowKey: string) {
  return roster(db)
    .selectFrom('est_visits')
    .selectAll()
    .where('row_key', '=', rowKey)
    .executeTakeFirst();
}

async function saveVisit(db: Db, row: EstVisitsTable) {
  await roster(db)
    .insertInto('est_visits')
    .values(row)
    .onConflict((oc) => oc.column('row_key').doUpdateSet(row))
    .execute();
  return row;
}

async function applyVisit(
  ctx: WriteContext,
  m: ParsedMutation<VisitValues>,
  projects: Map<string, unknown>,
): Promise<MutationOutcome> {
  const stored = await visitByKey(ctx.trx, m.rowKey);
  const live = stored && stored.deleted === 0 ? stored : undefined;
  const stale = versionCheck(stored, m.baseVersion);
  if (stale) return stale;
  const who = consultantFor(
    ctx,
    m.op === 'upsert' ? m.values.consultant : undefined,
    live?.consultant,
  );
  if ('refusal' in who) return who.refusal;
  if (m.op === 'delete') {
    if (!live) return unchanged;
    return written(
      await saveVisit(ctx.trx, { ...live, deleted: 1, ...stamped(ctx, live.version + 1) }),
    );
  }
  const v = m.values;
  if (!projects.has(v.projectCode))
    return refused({
      field: 'projectCode',
      code: 'estate-project-unknown',
      params: { value: v.projectCode },
    });
  return written(
    await saveVisit(ctx.trx, {
      row_key: m.rowKey,
      at: shanghaiToUtc(v.at),
      visit_date: v.at.slice(0, 10),
      project_code: v.projectCode,
      consultant: who.consultant,
      kind: v.kind,
      customer_name: v.customerName ?? null,
      customer_phone: v.customerPhone ?? null,
      channel: v.channel ?? null,
      notes: v.notes ?? null,
      deleted: 0,
      ...stamped(ctx, (stored?.version ?? 0) + 1),
    }),
  );
}

function visitValues(row: EstVisitsTable, request: PullRequest): Record<string, unknown> {
  const whole = seesContacts(request.user, row.consultant);
  const optional = (name: string, value: string | null, mask: (s: string) => string) =>
    value === null ? {} : { [name]: whole ? value : mask(value) };
  return {
    at: utcToShanghai(row.at),
    projectCode: row.project_code,
    consultant: row.consultant,
    kind: row.kind,
    ...optional('customerName', row.customer_name, maskName),
    ...optional('customerPhone', row.customer_phone, maskPhone),
    ...(row.channel === null ? {} : { channel: row.channel }),
    ...(row.notes === null ? {} : { notes: row.notes }),
  };
}

/** Live calls and visits dated from `from` to `to` (inclusive), for the reports. */
export async function visitsBetween(db: Db, from: string, to: string) {
  return roster(db)
    .selectFrom('est_visits')
    .select(['visit_date', 'project_code', 'consultant', 'kind'])
    .where('deleted', '=', 0)
    .where('visit_date', '>=', from)
    .where('visit_date', '<=', to)
    .execute();
}

export function visitsHandler() {
  return defineHandler(estateVisitsDataset, {
    push: async (ctx, mutations) => {
      const projects = await liveCodes(ctx.trx, 'estate-projects');
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) outcomes.push(await applyVisit(ctx, m, projects));
      return outcomes;
    },
    pull: async (request) => {
      const rows = await roster(request.db)
        .selectFrom('est_visits')
        .selectAll()
        .where('change_seq', '>', request.afterSeq)
        .orderBy('change_seq')
        .limit(request.limit)
        .execute();
      return toPullPage(rows, request, (row) => visitValues(row, request));
    },
  });
}
