// The 销控表 state machine: the statuses a unit (房源) goes through and the moves between them,
// each with the roles that may make it. The server checks every status change against this one
// table (docs/estate.md, "Unit status"); nothing else decides whether a unit may move.
import type { Label, Locale } from '../locale';
import type { Role } from '../roles';

export const unitStatuses = [
  'unreleased', // 未推
  'available', // 可售
  'reserved', // 销控保留
  'held', // 小订/预留
  'subscribed', // 认购
  'contracted', // 签约
  'filed', // 备案
  'paid', // 回款完成
] as const;
export type UnitStatus = (typeof unitStatuses)[number];

/** Sold (已售) for 去化率: subscribed and beyond (docs/estate.md, "Reports"). */
export const soldUnitStatuses: ReadonlySet<UnitStatus> = new Set([
  'subscribed',
  'contracted',
  'filed',
  'paid',
]);

export const unitStatusLabels: Record<UnitStatus, Label> = {
  unreleased: { 'zh-CN': '未推', 'en-US': 'Not released' },
  available: { 'zh-CN': '可售', 'en-US': 'Available' },
  reserved: { 'zh-CN': '销控保留', 'en-US': 'Held back' },
  held: { 'zh-CN': '小订', 'en-US': 'On hold' },
  subscribed: { 'zh-CN': '认购', 'en-US': 'Subscribed' },
  contracted: { 'zh-CN': '签约', 'en-US': 'Contracted' },
  filed: { 'zh-CN': '备案', 'en-US': 'Filed' },
  paid: { 'zh-CN': '回款完成', 'en-US': 'Fully paid' },
};

export type UnitMove =
  | 'release' // 推盘
  | 'reserve' // 销控保留
  | 'unreserve' // 解除保留
  | 'hold' // 小订
  | 'release-hold' // 小订取消
  | 'expire-hold' // 小订到期
  | 'subscribe' // 认购
  | 'sign' // 签约
  | 'file' // 备案
  | 'complete-payment' // 回款完成
  | 'withdraw' // 退订
  | 'exit' // 退房
  | 'swap'; // 换房

const unitMoveLabels: Record<UnitMove, Label> = {
  release: { 'zh-CN': '推盘', 'en-US': 'release' },
  reserve: { 'zh-CN': '销控保留', 'en-US': 'hold back' },
  unreserve: { 'zh-CN': '解除保留', 'en-US': 'end the hold-back' },
  hold: { 'zh-CN': '小订', 'en-US': 'put on hold' },
  'release-hold': { 'zh-CN': '取消小订', 'en-US': 'cancel the hold' },
  'expire-hold': { 'zh-CN': '小订到期', 'en-US': 'expire the hold' },
  subscribe: { 'zh-CN': '认购', 'en-US': 'subscribe' },
  sign: { 'zh-CN': '签约', 'en-US': 'sign' },
  file: { 'zh-CN': '备案', 'en-US': 'file' },
  'complete-payment': { 'zh-CN': '回款完成', 'en-US': 'mark fully paid' },
  withdraw: { 'zh-CN': '退订', 'en-US': 'withdraw the subscription' },
  exit: { 'zh-CN': '退房', 'en-US': 'cancel the contract' },
  swap: { 'zh-CN': '换房', 'en-US': 'swap units' },
};

const managers: readonly Role[] = ['admin', 'manager'];
const sellers: readonly Role[] = ['admin', 'manager', 'sales'];
const collectors: readonly Role[] = ['admin', 'manager', 'finance'];
/** The server itself (a hold expiring), never a user. */
const system: readonly Role[] = [];

interface MoveRule {
  from: readonly UnitStatus[];
  to: UnitStatus;
  roles: readonly Role[];
}

/** Every allowed move: from which statuses, to which status, and who may make it. */
const moveTable: Readonly<Record<UnitMove, MoveRule>> = {
  release: { from: ['unreleased'], to: 'available', roles: managers },
  reserve: { from: ['available'], to: 'reserved', roles: managers },
  unreserve: { from: ['reserved'], to: 'available', roles: managers },
  hold: { from: ['available'], to: 'held', roles: sellers },
  'release-hold': { from: ['held'], to: 'available', roles: sellers },
  'expire-hold': { from: ['held'], to: 'available', roles: system },
  subscribe: { from: ['available', 'held'], to: 'subscribed', roles: sellers },
  sign: { from: ['subscribed'], to: 'contracted', roles: sellers },
  file: { from: ['contracted'], to: 'filed', roles: sellers },
  'complete-payment': { from: ['contracted', 'filed'], to: 'paid', roles: collectors },
  withdraw: { from: ['subscribed'], to: 'available', roles: managers },
  exit: { from: ['contracted', 'filed', 'paid'], to: 'available', roles: managers },
  swap: { from: ['subscribed', 'contracted'], to: 'available', roles: managers },
};

export type MoveCheck =
  | { ok: true; to: UnitStatus }
  | {
      ok: false;
      code: 'estate-move-refused' | 'estate-move-needs-role';
      params: { from: string; move: string; roles: string };
    };

/**
 * Whether `role` may make `move` from `from`. The refusal names the status and the move in the
 * caller's language (message parameters are filled as given, so they are put into words here).
 */
export function checkMove(
  from: UnitStatus,
  move: UnitMove,
  actor: { role: Role | 'system'; locale: Locale },
): MoveCheck {
  const rule = moveTable[move];
  const { role } = actor;
  const params = moveParams(from, move, actor.locale);
  if (!rule.from.includes(from)) return { ok: false, code: 'estate-move-refused', params };
  const allowed = role === 'system' ? rule.roles.length === 0 : rule.roles.includes(role);
  if (!allowed) return { ok: false, code: 'estate-move-needs-role', params };
  return { ok: true, to: rule.to };
}

/** The parameters of a refused move's message, in the caller's language. */
export function moveParams(from: UnitStatus, move: UnitMove, locale: Locale) {
  return {
    from: unitStatusLabels[from][locale],
    move: unitMoveLabels[move][locale],
    roles: moveTable[move].roles.join(', '),
  };
}

/** The move that brings a unit into `to` (what a sheet asking for that status means). */
export const moveInto: Readonly<Record<UnitStatus, UnitMove>> = {
  unreleased: 'release',
  available: 'release',
  reserved: 'reserve',
  held: 'hold',
  subscribed: 'subscribe',
  contracted: 'sign',
  filed: 'file',
  paid: 'complete-payment',
};

/** The move the units sheet asks for when a pushed status differs from the stored one. */
export function sheetMove(from: UnitStatus, to: UnitStatus): UnitMove | null {
  if (from === 'unreleased' && to === 'available') return 'release';
  if (from === 'available' && to === 'reserved') return 'reserve';
  if (from === 'reserved' && to === 'available') return 'unreserve';
  return null;
}
