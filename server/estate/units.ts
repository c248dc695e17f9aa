// The units dataset (房源, the 销控表 as a flat table). Managers push units and the status moves
// the sheet may make (推盘, 销控保留 with a reason and end date, 解除保留); every other move
// happens through a hold, subscription or contract. Each change is checked against the state
// machine in shared/estate/unit-status.ts.
import type { z } from 'zod';
import { listTotal } from '../../shared/estate/pricing';
import { estateUnitsDataset } from '../../shared/estate/datasets';
import type { unitSchema } from '../../shared/estate/rows';
import {
  checkMove,
  moveInto,
  moveParams,
  sheetMove,
  type UnitStatus,
} from '../../shared/estate/unit-status';
import type { Role } from '../../shared/roles';
import { toPullPage } from '../finance/table-pull';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import {
  buildingProjects,
  expireHolds,
  saveUnit,
  unitByCode,
  unitByKey,
  type Stamp,
} from './store';
import { est, type EstUnitsTable } from './tables';

type UnitValues = z.output<typeof unitSchema>;
const ok = (row: EstUnitsTable): MutationOutcome => ({
  status: 'applied',
  id: row.code,
  version: row.version,
  problems: [],
});
const refuse = (
  code: MutationOutcome['problems'][number]['code'],
  params = {},
  field = 'status',
): MutationOutcome => ({
  status: 'rejected',
  problems: [{ field, code, params }],
});

export const stampFor = (ctx: WriteContext): Stamp => ({
  nextSeq: ctx.nextSeq,
  now: ctx.now,
  user: ctx.actor.user.username,
});

/** The status a push may set, or a refusal naming the move that is not allowed. */
function statusChange(
  from: UnitStatus,
  to: UnitStatus,
  ctx: { role: Role; locale: WriteContext['locale'] },
): MutationOutcome | null {
  if (from === to) return null;
  const move = sheetMove(from, to);
  if (!move) return refuse('estate-move-refused', checkMoveParams(from, to, ctx));
  const check = checkMove(from, move, ctx);
  return check.ok ? null : refuse(check.code, check.params);
}

/** A move the sheet cannot make (into 认购 …: that takes a document), named in words. */
function checkMoveParams(
  from: UnitStatus,
  to: UnitStatus,
  ctx: { locale: WriteContext['locale'] },
) {
  return moveParams(from, moveInto[to], ctx.locale);
}

function columns(values: UnitValues, projectCode: string) {
  return {
    project_code: projectCode,
    building_code: values.buildingCode,
    entrance: values.entrance ?? null,
    floor: values.floor,
    room: values.room,
    gross_area: values.grossArea,
    net_area: values.netArea,
    layout: values.layout ?? null,
    orientation: values.orientation ?? null,
    list_unit_price: values.listUnitPrice,
    list_total: listTotal(values.grossArea, values.listUnitPrice),
    status: values.status,
    reserve_reason: values.status === 'reserved' ? (values.reserveReason ?? null) : null,
    reserve_until: values.status === 'reserved' ? (values.reserveUntil ?? null) : null,
  };
}

async function applyUnit(
  ctx: WriteContext,
  m: ParsedMutation<UnitValues>,
  projects: Map<string, string>,
) {
  const stored = await unitByKey(ctx.trx, m.rowKey);
  if (stored && m.baseVersion !== stored.version) {
    const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
    return {
      status: 'conflict',
      problems: [{ code, params: { version: stored.version } }],
    } satisfies MutationOutcome;
  }
  const actor = { role: ctx.actor.user.role, locale: ctx.locale };
  if (m.op === 'delete') {
    if (!stored || stored.deleted)
      return { status: 'unchanged', problems: [] } satisfies MutationOutcome;
    if (stored.status !== 'unreleased' && stored.status !== 'available')
      return refuse('estate-move-refused', checkMoveParams(stored.status, 'unreleased', actor));
    return ok(await saveUnit(ctx.trx, stampFor(ctx), { ...stored, deleted: 1 }, stored));
  }
  const v = m.values;
  const projectCode = projects.get(v.buildingCode);
  if (!projectCode)
    return refuse('estate-building-unknown', { value: v.buildingCode }, 'buildingCode');
  const taken = await unitByCode(ctx.trx, v.code);
  if (taken && taken.row_key !== m.rowKey) return refuse('key-taken', { value: v.code }, 'code');
  if (stored && stored.code !== v.code) return refuse('invalid-value', {}, 'code');
  const refused = statusChange(stored?.status ?? 'unreleased', v.status, actor);
  if (refused) return refused;
  if (v.status === 'reserved' && (!v.reserveReason || !v.reserveUntil))
    return refuse('estate-reserve-reason', {}, 'reserveReason');
  const row = { code: v.code, row_key: m.rowKey, ...columns(v, projectCode), deleted: 0 };
  return ok(await saveUnit(ctx.trx, stampFor(ctx), row, stored));
}

export function unitsHandler() {
  return defineHandler(estateUnitsDataset, {
    push: async (ctx, mutations) => {
      await expireHolds(ctx.trx, stampFor(ctx));
      const projects = await buildingProjects(ctx.trx);
      const outcomes: MutationOutcome[] = [];
      for (const m of mutations) outcomes.push(await applyUnit(ctx, m, projects));
      return outcomes;
    },
    pull: async (request) => {
      const rows = await est(request.db)
        .selectFrom('est_units')
        .selectAll()
        .where('change_seq', '>', request.afterSeq)
        .orderBy('change_seq')
        .limit(request.limit)
        .execute();
      return toPullPage(rows, request, unitValues);
    },
  });
}

function unitValues(row: EstUnitsTable): Record<string, unknown> {
  return {
    code: row.code,
    projectCode: row.project_code,
    buildingCode: row.building_code,
    ...(row.entrance ? { entrance: row.entrance } : {}),
    floor: row.floor,
    room: row.room,
    grossArea: row.gross_area,
    netArea: row.net_area,
    ...(row.layout ? { layout: row.layout } : {}),
    ...(row.orientation ? { orientation: row.orientation } : {}),
    listUnitPrice: row.list_unit_price,
    listTotal: row.list_total,
    status: row.status,
    ...(row.reserve_reason ? { reserveReason: row.reserve_reason } : {}),
    ...(row.reserve_until ? { reserveUntil: row.reserve_until } : {}),
  };
}
