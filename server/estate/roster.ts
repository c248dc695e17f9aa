// 排班 and 打卡: a manager assigns consultants to shifts over date ranges that must not overlap
// (refused naming the assignment in the way), and check-ins and check-outs are typed or imported
// (a consultant's own; a manager's anyone's). See docs/estate-roster.md, "Roster".
import type { z } from 'zod';
import {
  estateAssignmentsDataset,
  estateCheckInsDataset,
} from '../../shared/estate/roster-datasets';
import type { assignmentSchema, checkInSchema } from '../../shared/estate/roster-rows';
import { shanghaiToUtc, utcToShanghai } from '../../shared/local-time';
import { toPullPage } from '../finance/table-pull';
import type { Db } from '../store/db';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { consultantFor, liveCodes, refused, unchanged, versionCheck, written } from './roster-sync';
import { roster, stamped, type EstAssignmentsTable, type EstCheckInsTable } from './roster-tables';

type AssignmentValues = z.output<typeof assignmentSchema>;
type CheckInValues = z.output<typeof checkInSchema>;

async function saveAssignment(db: Db, row: EstAssignmentsTable) {
  await roster(db)
    .insertInto('est_assignments')
    .values(row)
    .onConflict((oc) => oc.column('row_key').doUpdateSet(row))
    .execute();
  return row;
}

/** Another live assignment of the consultant whose dates meet [from, to], if any. */
async function overlapping(db: Db, rowKey: string, v: AssignmentValues) {
  return roster(db)
    .selectFrom('est_assignments')
    .selectAll()
    .where('consultant', '=', v.consultant)
    .where('deleted', '=', 0)
    .where('row_key', '!=', rowKey)
    .where('from_date', '<=', v.toDate)
    .where('to_date', '>=', v.fromDate)
    .orderBy('from_date')
    .executeTakeFirst();
}

async function applyAssignment(
  ctx: WriteContext,
  m: ParsedMutation<AssignmentValues>,
  shifts: Map<string, unknown>,
): Promise<MutationOutcome> {
  const stored = await roster(ctx.trx)
    .selectFrom('est_assignments')
    .selectAll()
    .where('row_key', '=', m.rowKey)
    .executeTakeFirst();
  const stale = versionCheck(stored, m.baseVersion);
  if (stale) return stale;
  if (m.op === 'delete') {
    if (!stored || stored.deleted) return unchanged;
    const next = { ...stored, deleted: 1, ...stamped(ctx, stored.version + 1) };
    return written(await saveAssignment(ctx.trx, next));
  }
  const v = m.values;
  if (!shifts.has(v.shiftCode))
    return refused({
      field: 'shiftCode',
      code: 'estate-shift-unknown',
      params: { value: v.shiftCode },
    });
  if (v.toDate < v.fromDate)
    return refused({
      field: 'toDate',
      code: 'estate-date-range',
      params: { from: v.fromDate, to: v.toDate },
    });
  const other = await overlapping(ctx.trx, m.rowKey, v);
  if (other)
    return {
      status: 'rejected',
      problems: [
        {
          field: 'fromDate',
          code: 'estate-assignment-overlap',
          params: {
            consultant: other.consultant,
            from: other.from_date,
            to: other.to_date,
            shift: other.shift_code,
          },
        },
      ],
      serverValues: { overlapsRowKey: other.row_key },
    };
  const row = {
    row_key: m.rowKey,
    consultant: v.consultant,
    shift_code: v.shiftCode,
    from_date: v.fromDate,
    to_date: v.toDate,
    deleted: 0,
    ...stamped(ctx, (stored?.version ?? 0) + 1),
  };
  return written(await saveAssignment(ctx.trx, row));
}

async function saveCheckIn(db: Db, row: EstCheckInsTable) {
  await roster(db)
    .insertInto('est_check_ins')
    .values(row)
    .onConflict((oc) => oc.column('row_key').doUpdateSet(row))
    .execute();
  return row;
}

async function applyCheckIn(
  ctx: WriteContext,
  m: ParsedMutation<CheckInValues>,
): Promise<MutationOutcome> {
  const stored = await roster(ctx.trx)
    .selectFrom('est_check_ins')
    .selectAll()
    .where('row_key', '=', m.rowKey)
    .executeTakeFirst();
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
      await saveCheckIn(ctx.trx, { ...live, deleted: 1, ...stamped(ctx, live.version + 1) }),
    );
  }
  const row = {
    row_key: m.rowKey,
    consultant: who.consultant,
    at: shanghaiToUtc(m.values.at),
    punch_date: m.values.at.slice(0, 10),
    direction: m.values.direction,
    deleted: 0,
    ...stamped(ctx, (stored?.version ?? 0) + 1),
  };
  return written(await saveCheckIn(ctx.trx, row));
}

export function rosterHandlers() {
  return [
    defineHandler(estateAssignmentsDataset, {
      push: async (ctx, mutations) => {
        const shifts = await liveCodes(ctx.trx, 'estate-shifts');
        const outcomes: MutationOutcome[] = [];
        for (const m of mutations) outcomes.push(await applyAssignment(ctx, m, shifts));
        return outcomes;
      },
      pull: async (request) => {
        const rows = await roster(request.db)
          .selectFrom('est_assignments')
          .selectAll()
          .where('change_seq', '>', request.afterSeq)
          .orderBy('change_seq')
          .limit(request.limit)
          .execute();
        return toPullPage(rows, request, (r) => ({
          consultant: r.consultant,
          shiftCode: r.shift_code,
          fromDate: r.from_date,
          toDate: r.to_date,
        }));
      },
    }),
    defineHandler(estateCheckInsDataset, {
      push: async (ctx, mutations) => {
        const outcomes: MutationOutcome[] = [];
        for (const m of mutations) outcomes.push(await applyCheckIn(ctx, m));
        return outcomes;
      },
      pull: async (request) => {
        const rows = await roster(request.db)
          .selectFrom('est_check_ins')
          .selectAll()
          .where('change_seq', '>', request.afterSeq)
          .orderBy('change_seq')
          .limit(request.limit)
          .execute();
        return toPullPage(rows, request, (r) => ({
          consultant: r.consultant,
          at: utcToShanghai(r.at),
          direction: r.direction,
        }));
      },
    }),
  ];
}
