// The workflow of a market-order case (窜货案件), docs/market-order.md: 待核实 (pending) →
// 成立 (confirmed) or 不成立 (dismissed); 成立 → 处理 (handled) with a penalty and measures.
// Who may make each move: the market assistant (role sales) records findings while a case is
// open; a manager decides whether it stands and sets the penalty. Dismissed and handled cases
// are closed. Pure: the handler asks, then writes.
import type { Role } from '../roles';
import type { CaseStatus } from './case-rows';

const deciders: readonly Role[] = ['admin', 'manager'];
const recorders: readonly Role[] = ['admin', 'manager', 'sales'];

/** The roles allowed each move `from → to`; a move not listed is refused. */
const moves: Partial<Record<CaseStatus, Partial<Record<CaseStatus, readonly Role[]>>>> = {
  pending: { pending: recorders, confirmed: deciders, dismissed: deciders },
  confirmed: { confirmed: recorders, handled: deciders },
};

export type MoveCheck =
  | { ok: true }
  | { ok: false; code: 'market-case-move-refused' }
  | { ok: false; code: 'market-case-needs-role'; roles: readonly Role[] };

export function checkCaseMove(from: CaseStatus, to: CaseStatus, role: Role): MoveCheck {
  const allowed = moves[from]?.[to];
  if (allowed === undefined) return { ok: false, code: 'market-case-move-refused' };
  return allowed.includes(role)
    ? { ok: true }
    : { ok: false, code: 'market-case-needs-role', roles: allowed };
}
