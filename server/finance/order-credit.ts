// The credit check of one order group inside the orders push (server/datasets/orders.ts calls
// it once per group, after the lines were checked and before they commit): the value the group
// adds to the dealer's open orders is checked against the credit limit. Over the limit, every
// line is rejected with the figures — and the group's stock reservation is rolled back by the
// caller's savepoint — unless a manager, finance or admin pushed with `releaseCredit: true`;
// then the release is audited (action 'release') and the order goes through.
import type { RowProblem } from '../../shared/row-errors';
import type { MutationOutcome, WriteContext } from '../sync/handler';
import type { ExposureBook } from './exposure-book';
import { checkOrderCredit } from './order-guards';

interface LineValues {
  dealerCode: string;
  orderRef: string;
  quantity: number;
  unitPrice: number;
  cancelled: boolean;
}

/** The part of an orders-handler entry this check reads and writes. */
interface CreditEntry {
  m: { rowKey: string };
  existing: { values: { quantity: number } } | undefined;
  plan?: { next: LineValues };
  outcome?: MutationOutcome;
}

/** What the group adds to open orders: new lines in full, increases of existing lines. */
function addedValue(group: readonly CreditEntry[]): number {
  let total = 0;
  for (const { plan, existing } of group) {
    if (!plan || plan.next.cancelled) continue;
    const extra = plan.next.quantity - (existing?.values.quantity ?? 0);
    if (extra > 0) total += extra * plan.next.unitPrice;
  }
  return total;
}

/** `exposure` is the push's book: the group is checked against what earlier groups took. */
export async function guardOrderCredit(
  ctx: WriteContext,
  group: readonly CreditEntry[],
  exposure: ExposureBook,
) {
  const first = group.find((e) => e.plan)?.plan?.next;
  if (!first) return;
  const { dealerCode, orderRef } = first;
  const role = ctx.actor.user.role;
  const release = ctx.options.releaseCredit === true;
  const orderValue = addedValue(group);
  const problem = await checkOrderCredit(exposure, { dealerCode, orderValue, role, release });
  if (!problem) return;
  const { released, ...rowProblem } = problem;
  if (released) {
    const recordKey = group[0]?.m.rowKey ?? '';
    const after = { dealerCode, orderRef, orderValue, ...problem.params };
    const audit = { dataset: 'orders', recordKey, recordId: `${dealerCode}/${orderRef}` };
    ctx.audit({ ...audit, version: 0, action: 'release', before: null, after });
    return;
  }
  const problems: RowProblem[] = [rowProblem];
  for (const entry of group)
    if (entry.plan && !entry.outcome) entry.outcome = { status: 'rejected', problems };
}
