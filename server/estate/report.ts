// The computed pulls: 销售日报 (for a day, month to date and year to date, per project and
// consultant, plus the project's total as consultant '*') and 去化率 (sold ÷ released per building
// and project, basis points, half up). Computed on every pull and paged as a snapshot
// (server/analysis/snapshot.ts), so a refresh reloads them whole.
import { estateDailyReportDataset, estateSellThroughDataset } from '../../shared/estate/datasets';
import { sellThroughBp } from '../../shared/estate/pricing';
import { soldUnitStatuses } from '../../shared/estate/unit-status';
import { pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { shanghaiDate } from '../sync/changes';
import { defineHandler, type PullRequest } from '../sync/handler';
import { collectionsBetween } from './collections';
import { est, type EstDocumentsTable } from './tables';
import { visitsBetween } from './visits';

type Period = 'day' | 'month' | 'year';

function periods(day: string): [Period, string][] {
  return [
    ['day', day],
    ['month', `${day.slice(0, 7)}-01`],
    ['year', `${day.slice(0, 4)}-01-01`],
  ];
}

const emptyFigures = () => ({
  calls: 0,
  visits: 0,
  holds: 0,
  subscriptions: 0,
  subscribedArea: 0,
  subscribedAmount: 0,
  contracts: 0,
  contractedArea: 0,
  contractedAmount: 0,
  cancellations: 0,
  collectedAmount: 0,
});
export type Figures = ReturnType<typeof emptyFigures>;
type FigureRow = DerivedRow & { values: Figures & Record<string, unknown> };

/** The row of `key`, made with `head` and zero figures when it is not there yet. */
export function figureRow(
  rows: Map<string, FigureRow>,
  key: string,
  head: Record<string, unknown>,
) {
  let row = rows.get(key);
  if (!row) {
    row = { key, values: { ...head, ...emptyFigures() } };
    rows.set(key, row);
  }
  return row;
}

/** Adds one call or visit (来电/来访, docs/estate-roster.md) dated within from–to. */
export function countVisit(
  figures: Figures,
  visit: { visit_date: string; kind: string },
  from: string,
  to: string,
) {
  if (visit.visit_date < from || visit.visit_date > to) return;
  if (visit.kind === 'call') figures.calls += 1;
  else figures.visits += 1;
}

/** Adds one document's events between from and to (inclusive) to the figures. */
export function count(figures: Figures, doc: EstDocumentsTable, from: string, to: string) {
  const within = (date: string | null) => date !== null && date >= from && date <= to;
  if (within(doc.doc_date)) {
    if (doc.kind === 'hold') figures.holds += 1;
    if (doc.kind === 'subscription') {
      figures.subscriptions += 1;
      figures.subscribedArea += doc.gross_area;
      figures.subscribedAmount += doc.price;
    }
    if (doc.kind === 'contract') {
      figures.contracts += 1;
      figures.contractedArea += doc.gross_area;
      figures.contractedAmount += doc.price;
    }
  }
  if (doc.kind !== 'hold' && doc.state === 'cancelled' && within(doc.closed_on))
    figures.cancellations += 1;
}

async function dailyReport(request: PullRequest): Promise<DerivedRow[]> {
  const day = request.filter.to ?? shanghaiDate(request.now);
  const docs = await est(request.db)
    .selectFrom('est_documents')
    .selectAll()
    .where('deleted', '=', 0)
    .where((eb) =>
      eb.or([
        eb.and([eb('doc_date', '>=', `${day.slice(0, 4)}-01-01`), eb('doc_date', '<=', day)]),
        eb.and([eb('closed_on', '>=', `${day.slice(0, 4)}-01-01`), eb('closed_on', '<=', day)]),
      ]),
    )
    .execute();
  const visits = await visitsBetween(request.db, `${day.slice(0, 4)}-01-01`, day);
  const collections = await collectionsBetween(request.db, `${day.slice(0, 4)}-01-01`, day);
  const rows = new Map<string, FigureRow>();
  for (const [period, from] of periods(day)) {
    const at = (projectCode: string, consultant: string) =>
      figureRow(rows, `${period}|${projectCode}|${consultant}`, {
        period,
        from,
        to: day,
        projectCode,
        consultant,
      }).values;
    for (const doc of docs)
      for (const consultant of [doc.consultant, '*'])
        count(at(doc.project_code, consultant), doc, from, day);
    for (const visit of visits)
      for (const consultant of [visit.consultant, '*'])
        countVisit(at(visit.project_code, consultant), visit, from, day);
    // 回款 counts on the day it was received (docs/estate.md, "Collections").
    for (const c of collections.filter((c) => c.collected_on >= from))
      for (const consultant of [c.consultant, '*'])
        at(c.project_code, consultant).collectedAmount += c.amount;
  }
  return [...rows.values()];
}

async function sellThrough(request: PullRequest): Promise<DerivedRow[]> {
  const units = await est(request.db)
    .selectFrom('est_units')
    .select(['project_code', 'building_code', 'status'])
    .where('deleted', '=', 0)
    .execute();
  const rows = new Map<
    string,
    {
      projectCode: string;
      buildingCode: string;
      units: number;
      released: number;
      reserved: number;
      sold: number;
    }
  >();
  for (const unit of units) {
    for (const building of [unit.building_code, '*']) {
      const key = `${unit.project_code}|${building}`;
      const row = rows.get(key) ?? {
        projectCode: unit.project_code,
        buildingCode: building,
        units: 0,
        released: 0,
        reserved: 0,
        sold: 0,
      };
      row.units += 1;
      if (unit.status !== 'unreleased') row.released += 1;
      if (unit.status === 'reserved') row.reserved += 1;
      if (soldUnitStatuses.has(unit.status)) row.sold += 1;
      rows.set(key, row);
    }
  }
  return [...rows].map(([key, row]) => ({
    key,
    values: { ...row, sellThroughBp: sellThroughBp(row.sold, row.released) },
  }));
}

export function reportHandlers() {
  return [
    defineHandler(estateDailyReportDataset, {
      pull: async (request) => {
        return pageSnapshot(await dailyReport(request), request);
      },
    }),
    defineHandler(estateSellThroughDataset, {
      pull: async (request) => {
        return pageSnapshot(await sellThrough(request), request);
      },
    }),
  ];
}
