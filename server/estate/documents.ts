// What holds, subscriptions and contracts share: one active document per unit (checked here with
// a conflict naming the holder, and again by the store's partial unique index), the version
// check, cancelling (退订, 退房, 换房, a hold let go) with the unit going back to 可售 in the same
// transaction, numbering per project, and the pull (ID numbers masked for roles that do not
// need them). See docs/estate.md.
import { maskIdNumber } from '../../shared/estate/pricing';
import type { CancelKind } from '../../shared/estate/rows';
import { checkMove, unitStatusLabels, type UnitMove } from '../../shared/estate/unit-status';
import type { Role } from '../../shared/roles';
import { toPullPage } from '../finance/table-pull';
import type { Db } from '../store/db';
import { takeNumber } from '../sync/doc-numbers';
import type { MutationOutcome, PullPage, PullRequest, WriteContext } from '../sync/handler';
import { activeDocument, saveDocument, setUnitStatus, unitByCode } from './store';
import { est, type DocumentKind, type EstDocumentsTable, type EstUnitsTable } from './tables';
import { stampFor } from './units';

type Problem = MutationOutcome['problems'][number];
export const rejected = (problem: Problem): MutationOutcome => ({
  status: 'rejected',
  problems: [problem],
});
export const applied = (doc: EstDocumentsTable): MutationOutcome => ({
  status: 'applied',
  id: doc.id,
  version: doc.version,
  problems: [],
});

const managerRoles: readonly Role[] = ['admin', 'manager'];
export const isManager = (ctx: WriteContext) => managerRoles.includes(ctx.actor.user.role);

/** The version check every update makes (docs/protocol.md, "Push"). */
export function staleCheck(
  stored: EstDocumentsTable,
  baseVersion: number | undefined,
): MutationOutcome | null {
  if (baseVersion === stored.version) return null;
  const code = baseVersion === undefined ? 'missing-base-version' : 'stale-version';
  return { status: 'conflict', problems: [{ code, params: { version: stored.version } }] };
}

/** A closed document (converted, expired, cancelled) no longer changes. */
export function closedCheck(ctx: WriteContext, stored: EstDocumentsTable): MutationOutcome | null {
  if (stored.state === 'active') return null;
  const words = {
    converted: { 'zh-CN': '转下一环节', 'en-US': 'converted' },
    expired: { 'zh-CN': '过期', 'en-US': 'expired' },
    cancelled: { 'zh-CN': '撤销', 'en-US': 'cancelled' },
  }[stored.state];
  return rejected({
    code: 'estate-document-closed',
    params: { document: stored.id, state: words[ctx.locale] },
  });
}

/** A conflict naming who holds the unit and with which document. */
export function takenBy(
  ctx: WriteContext,
  unit: EstUnitsTable,
  holder: EstDocumentsTable,
): MutationOutcome {
  const name = (JSON.parse(holder.values_json) as { consultantName?: string }).consultantName;
  const params = {
    unit: unit.code,
    holder: name ? `${name} (${holder.consultant})` : holder.consultant,
    document: holder.id,
    status: unitStatusLabels[holder.stage][ctx.locale],
  };
  return {
    status: 'conflict',
    problems: [{ field: 'unitCode', code: 'estate-unit-taken', params }],
    serverValues: { unitCode: unit.code, holder: holder.consultant, document: holder.id },
  };
}

/** The unit and the document holding it, or the refusal when the unit does not exist. */
export async function unitAndHolder(ctx: WriteContext, unitCode: string) {
  const unit = await unitByCode(ctx.trx, unitCode);
  if (!unit || unit.deleted)
    return {
      refusal: rejected({
        field: 'unitCode',
        code: 'estate-unit-unknown',
        params: { value: unitCode },
      }),
    };
  return { unit, holder: await activeDocument(ctx.trx, unitCode) };
}

/**
 * Checks a unit's move against the state machine and returns the function that makes it, or the
 * refusal. Callers check before they write anything, so a refused row leaves nothing behind.
 */
export function planMove(
  ctx: WriteContext,
  unit: EstUnitsTable,
  move: UnitMove,
): { refusal: MutationOutcome } | { apply: () => Promise<EstUnitsTable> } {
  const check = checkMove(unit.status, move, { role: ctx.actor.user.role, locale: ctx.locale });
  if (!check.ok) {
    const field = move === 'hold' || move === 'subscribe' ? 'unitCode' : 'cancel';
    return { refusal: rejected({ field, code: check.code, params: check.params }) };
  }
  return { apply: () => setUnitStatus(ctx.trx, stampFor(ctx), unit, check.to) };
}

/** 退订 / 退房 / 换房 / a hold let go: the document closes and its unit is 可售 again, together. */
export async function cancelDocument(
  ctx: WriteContext,
  stored: EstDocumentsTable,
  cancel: { kind: CancelKind; reason?: string | undefined },
): Promise<MutationOutcome> {
  const unit = await unitByCode(ctx.trx, stored.unit_code);
  if (!unit) throw new Error(`document ${stored.id}: unit ${stored.unit_code} is missing`);
  const move = planMove(ctx, unit, cancel.kind === 'release' ? 'release-hold' : cancel.kind);
  if ('refusal' in move) return move.refusal;
  const values = {
    ...(JSON.parse(stored.values_json) as object),
    cancel: cancel.kind,
    ...(cancel.reason ? { cancelReason: cancel.reason } : {}),
  };
  const doc = await saveDocument(
    ctx.trx,
    stampFor(ctx),
    {
      ...stored,
      values_json: JSON.stringify(values),
      state: 'cancelled',
      active: 0,
      closed_on: ctx.today,
    },
    stored,
  );
  await move.apply();
  return applied(doc);
}

/** The next number of a project's documents: XD-<project>-0001 (holds), RG- (subscriptions), HT- (contracts). */
export function nextNumber(db: Db, prefix: 'XD' | 'RG' | 'HT', project: string): Promise<string> {
  return takeNumber(db, `${prefix}-${project}`);
}

/** Roles that see buyers' ID numbers whole; the rest see them masked. */
const seesIdNumbers: readonly Role[] = ['admin', 'manager', 'finance'];

function documentValues(doc: EstDocumentsTable, role: Role): Record<string, unknown> {
  const values = JSON.parse(doc.values_json) as Record<string, unknown>;
  delete values.consultantName;
  const id = values.buyerIdNumber;
  if (typeof id === 'string' && !seesIdNumbers.includes(role))
    values.buyerIdNumber = maskIdNumber(id);
  return {
    ...values,
    id: doc.id,
    state: doc.state,
    consultant: doc.consultant,
    projectCode: doc.project_code,
  };
}

export async function pullDocuments(
  request: PullRequest,
  kind: DocumentKind,
  extra: (doc: EstDocumentsTable) => Record<string, unknown>,
): Promise<PullPage> {
  const rows = await est(request.db)
    .selectFrom('est_documents')
    .selectAll()
    .where('kind', '=', kind)
    .where('change_seq', '>', request.afterSeq)
    .orderBy('change_seq')
    .limit(request.limit)
    .execute();
  return toPullPage(rows, request, (doc) => ({
    ...documentValues(doc, request.user.role),
    ...extra(doc),
  }));
}
