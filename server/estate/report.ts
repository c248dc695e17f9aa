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
import { est, type EstDocumentsTable } from './tables';

type Period = 'day' | 'month' | 'year';

function periods(day: string): [Period, string][] {
  return [
    ['day', day],
    ['month', `${day.slice(0, 7)}-01`],
    ['year', `${day.slice(0, 4)}-01-01`],
  ];
}

const emptyFigures = () => ({
  holds: 0,
  subscriptions: 0,
  subscribedArea: 0,
  subscribedAmount: 0,
  contracts: 0,
  contractedArea: 0,
  contractedAmount: 0,
  cancellations: 0,
});
type Figures = ReturnType<typeof emptyFigures>;

/** Adds one document's events between from and to (inclusive) to the figures. */
function count(figures: Figures, doc: EstDocumentsTable, from: string, to: string) {
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

export async function dailyReport(request: PullRequest): Promise<DerivedRow[]> {
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
  const rows = new Map<string, DerivedRow & { values: Figures & Record<string, unknown> }>();
  for (const [period, from] of periods(day)) {
    for (const doc of docs) {
      for (const consultant of [doc.consultant, '*']) {
        const key = `${period}|${doc.project_code}|${consultant}`;
        let row = rows.get(key);
        if (!row) {
          const head = { period, from, to: day, projectCode: doc.project_code, consultant };
          row = { key, values: { ...head, ...emptyFigures() } };
          rows.set(key, row);
        }
        count(row.values, doc, from, day);
      }
    }
  }
  return [...rows.values()];
}

export async function sellThrough(request: PullRequest): Promise<DerivedRow[]> {
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
