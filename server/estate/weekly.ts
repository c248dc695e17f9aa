// 销售周报: the daily report's figures (calls, visits, holds, subscriptions, contracts,
// cancellations) per ISO week (Monday to Sunday, Asia/Shanghai business dates) × project ×
// consultant, with the project's total as consultant '*' carrying 去化率 at the week's end.
// The filter's `from`–`to` picks the weeks (default: the last eight to `to`, default today).
// See docs/estate-roster.md, "Weekly summary".
import { addDays, isoWeek, mondayOf } from '../../shared/estate/attendance';
import { sellThroughBp } from '../../shared/estate/pricing';
import { estateWeeklyDataset } from '../../shared/estate/roster-datasets';
import { pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { shanghaiDate } from '../sync/changes';
import type { Db } from '../store/db';
import { defineHandler, type PullRequest } from '../sync/handler';
import { count, countVisit, figureRow, type Figures } from './report';
import { est, type EstDocumentsTable } from './tables';
import { visitsBetween } from './visits';

const MAX_WEEKS = 53;
const kindRank = { hold: 0, subscription: 1, contract: 2 } as const;

function weeksOf(request: PullRequest): { monday: string; sunday: string }[] {
  const to = request.filter.to ?? shanghaiDate(request.now);
  const last = mondayOf(to);
  const first = mondayOf(request.filter.from ?? addDays(last, -7 * 7));
  const weeks: { monday: string; sunday: string }[] = [];
  for (let m = last; m >= first && weeks.length < MAX_WEEKS; m = addDays(m, -7))
    weeks.push({ monday: m, sunday: addDays(m, 6) });
  return weeks.reverse();
}

/**
 * Sold units per project at the end of `day`: a unit is sold when its latest document dated by
 * then (hold < subscription < contract on one day) is a subscription or contract not cancelled
 * by then. Released units are today's (a unit is seldom taken off sale again).
 */
function soldAt(docs: readonly EstDocumentsTable[], day: string): Map<string, number> {
  const latest = new Map<string, EstDocumentsTable>();
  for (const doc of docs) {
    if (doc.doc_date > day) continue;
    const before = latest.get(doc.unit_code);
    const later =
      !before ||
      doc.doc_date > before.doc_date ||
      (doc.doc_date === before.doc_date && kindRank[doc.kind] >= kindRank[before.kind]);
    if (later) latest.set(doc.unit_code, doc);
  }
  const sold = new Map<string, number>();
  for (const doc of latest.values()) {
    const cancelled = doc.state === 'cancelled' && doc.closed_on !== null && doc.closed_on <= day;
    if (doc.kind === 'hold' || cancelled) continue;
    sold.set(doc.project_code, (sold.get(doc.project_code) ?? 0) + 1);
  }
  return sold;
}

async function releasedByProject(db: Db): Promise<Map<string, number>> {
  const units = await est(db)
    .selectFrom('est_units')
    .select(['project_code', 'status'])
    .where('deleted', '=', 0)
    .execute();
  const released = new Map<string, number>();
  for (const u of units)
    released.set(
      u.project_code,
      (released.get(u.project_code) ?? 0) + (u.status === 'unreleased' ? 0 : 1),
    );
  return released;
}

export async function weekly(request: PullRequest): Promise<DerivedRow[]> {
  const weeks = weeksOf(request);
  const first = weeks[0]?.monday ?? '';
  const end = weeks[weeks.length - 1]?.sunday ?? '';
  const docs = await est(request.db)
    .selectFrom('est_documents')
    .selectAll()
    .where('deleted', '=', 0)
    .where('doc_date', '<=', end)
    .execute();
  const visits = await visitsBetween(request.db, first, end);
  const released = await releasedByProject(request.db);
  const rows = new Map<string, DerivedRow & { values: Figures & Record<string, unknown> }>();
  for (const { monday, sunday } of weeks) {
    const { week } = isoWeek(monday);
    const head = (projectCode: string, consultant: string) =>
      [
        `${week}|${projectCode}|${consultant}`,
        { week, from: monday, to: sunday, projectCode, consultant },
      ] as const;
    const touches = (date: string | null) => date !== null && date >= monday && date <= sunday;
    for (const doc of docs) {
      if (!touches(doc.doc_date) && !touches(doc.closed_on)) continue;
      for (const consultant of [doc.consultant, '*'])
        count(figureRow(rows, ...head(doc.project_code, consultant)).values, doc, monday, sunday);
    }
    for (const visit of visits) {
      if (!touches(visit.visit_date)) continue;
      for (const consultant of [visit.consultant, '*'])
        countVisit(
          figureRow(rows, ...head(visit.project_code, consultant)).values,
          visit,
          monday,
          sunday,
        );
    }
    const sold = soldAt(docs, sunday);
    for (const [project, units] of released) {
      const total = figureRow(rows, ...head(project, '*'));
      total.values.sellThroughBp = sellThroughBp(sold.get(project) ?? 0, units);
    }
  }
  return [...rows.values()];
}

export function weeklyHandler() {
  return defineHandler(estateWeeklyDataset, {
    pull: async (request) => pageSnapshot(await weekly(request), request),
  });
}
