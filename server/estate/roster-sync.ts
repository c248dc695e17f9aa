// What the front-line datasets share (docs/estate-roster.md): rows keyed by the client's row key
// with the version check, consultants writing only their own rows (a manager any), tombstones
// for deletes, and contact details masked in pulls for roles that do not need them.
import type { Role } from '../../shared/roles';
import { allRecords } from '../datasets/records-store';
import type { Db } from '../store/db';
import type { MutationOutcome, WriteContext } from '../sync/handler';

type Problem = MutationOutcome['problems'][number];
export const refused = (problem: Problem): MutationOutcome => ({
  status: 'rejected',
  problems: [problem],
});
export const written = (row: { row_key: string; version: number }): MutationOutcome => ({
  status: 'applied',
  id: row.row_key,
  version: row.version,
  problems: [],
});
export const unchanged: MutationOutcome = { status: 'unchanged', problems: [] };

/** The version check every update and delete makes (docs/protocol.md, "Push"). */
export function versionCheck(
  stored: { version: number } | undefined,
  baseVersion: number | undefined,
): MutationOutcome | null {
  if (!stored || baseVersion === stored.version) return null;
  const code = baseVersion === undefined ? 'missing-base-version' : 'stale-version';
  return { status: 'conflict', problems: [{ code, params: { version: stored.version } }] };
}

const managerRoles: readonly Role[] = ['admin', 'manager'];
const isManagerRole = (role: Role) => managerRoles.includes(role);

/**
 * The consultant a row is for: a consultant (sales) records only their own rows and may leave the
 * field blank; a manager names anyone (blank = themselves). `owner` is the stored row's.
 */
export function consultantFor(
  ctx: WriteContext,
  given: string | undefined,
  owner?: string,
): { consultant: string } | { refusal: MutationOutcome } {
  const me = ctx.actor.user.username;
  const consultant = given ?? owner ?? me;
  if (isManagerRole(ctx.actor.user.role)) return { consultant };
  const other = [consultant, owner ?? me].find((c) => c !== me);
  if (other === undefined) return { consultant };
  return {
    refusal: refused({
      field: 'consultant',
      code: 'estate-not-your-row',
      params: { consultant: other },
    }),
  };
}

/** Live codes of a master dataset (estate-projects, estate-shifts). */
export async function liveCodes(
  db: Db,
  dataset: string,
): Promise<Map<string, Record<string, unknown>>> {
  const records = await allRecords(db, dataset);
  return new Map(
    [...records.values()].filter((r) => !r.deleted).map((r) => [String(r.values.code), r.values]),
  );
}

/** '13800001234' → '138****1234'; short numbers are starred whole. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** '张三丰' → '张**': the family name stays so the office can still greet the customer. */
export function maskName(name: string): string {
  const chars = Array.from(new Intl.Segmenter('zh').segment(name), (s) => s.segment);
  return `${chars[0] ?? ''}${'*'.repeat(Math.max(chars.length - 1, 0))}`;
}

/** Managers and the consultant who owns the row see contacts whole; everyone else masked. */
export function seesContacts(user: { role: Role; username: string }, owner: string): boolean {
  return isManagerRole(user.role) || user.username === owner;
}
