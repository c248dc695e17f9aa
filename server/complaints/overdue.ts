// Pull "complaints-overdue": open complaints past a due time they have not met, as of the pull,
// with the due time missed and the whole hours since (shared/complaints/sla.ts `overdueOf`).
// Only open complaints are read — resolved ones never are — so the cost follows the open
// backlog, not the history. A computed result: paged as a snapshot (server/analysis/snapshot.ts),
// so every refresh sends the list as it is now.
import { overdueOf } from '../../shared/complaints/sla';
import { utcToShanghai } from '../../shared/local-time';
import { compact, pageSnapshot } from '../analysis/snapshot';
import type { PullPage, PullRequest } from '../sync/handler';
import { inScope, scopeOf } from './scope';
import { clockOf } from './store';

export async function pullOverdue(request: PullRequest): Promise<PullPage> {
  const now = request.now.toISOString();
  const open = await request.db
    .selectFrom('complaints')
    .selectAll()
    .where('deleted', '=', 0)
    .where('resolved_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('first_response_at', 'is', null), eb('first_response_due', '<', now)]),
        eb('resolution_due', '<', now),
      ]),
    )
    .execute();
  const scope = await scopeOf(request);
  const rows = open.flatMap((row) => {
    const overdue = inScope(row, scope) ? overdueOf(clockOf(row), request.now.getTime()) : null;
    if (!overdue) return [];
    const values = compact({
      id: row.id,
      openedAt: utcToShanghai(row.opened_at),
      priority: row.priority,
      dealerCode: row.dealer_code,
      consumerName: row.consumer_name,
      regionCode: row.scope_region,
      skuCode: row.sku_code,
      missed: overdue.stage,
      dueAt: utcToShanghai(overdue.due),
      hoursOverdue: overdue.hoursOverdue,
      asOf: utcToShanghai(request.now.getTime()),
    });
    return [{ key: row.id, values }];
  });
  return pageSnapshot(rows, request);
}
