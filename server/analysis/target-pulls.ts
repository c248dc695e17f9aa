// The two computed target pulls: `target-splits` (monthly targets per region and dealer) and
// `achievement` (target vs. actual per month and year to date). Actual = shipped amount in
// fen (see shipped.ts); a region's actual covers every dealer in it and below it. Both are
// snapshots (snapshot.ts): a refresh answers reset with the full current result.
import { computeAchievement, type AchievementRow } from '../../shared/analysis/achievement';
import { quarterOf } from '../../shared/analysis/calendar';
import { achievementDataset, targetSplitsDataset } from '../../shared/analysis/datasets';
import { defineHandler, type DatasetHandler, type PullRequest } from '../sync/handler';
import { shanghaiDate } from '../sync/changes';
import { regionsUnder, type Masters } from './masters';
import { monthlyByDealer, shippedByDealerMonth, yearRange } from './shipped';
import { compact, pageSnapshot, type DerivedRow } from './snapshot';
import { planTargets, yearOf, type PlanEntry } from './target-plan';

const monthText = (year: number, m: number) => `${year}-${String(m + 1).padStart(2, '0')}`;

function nameOf(masters: Masters, entry: PlanEntry): string | undefined {
  return entry.level === 'region'
    ? masters.regions.get(entry.code)?.name
    : masters.dealers.get(entry.code)?.name;
}

function splitRows(year: number, masters: Masters, entries: readonly PlanEntry[]): DerivedRow[] {
  return entries.flatMap((entry) =>
    entry.months.map((amount, m) => ({
      key: `${year}|${entry.level}|${entry.code}|${monthText(year, m)}`,
      values: compact({
        year,
        month: monthText(year, m),
        quarter: quarterOf(`${monthText(year, m)}-01`),
        level: entry.level,
        code: entry.code,
        name: nameOf(masters, entry),
        parentCode: entry.parentCode,
        amount,
        basis: entry.basis,
      }),
    })),
  );
}

function actualsOf(masters: Masters, entry: PlanEntry, byDealer: Map<string, number[]>): number[] {
  const dealers =
    entry.level === 'dealer'
      ? [entry.code]
      : [...masters.dealers.values()]
          .filter((d) => regionsUnder(masters, [entry.code]).has(d.regionCode))
          .map((d) => d.code);
  return Array.from({ length: 12 }, (_, m) =>
    dealers.reduce((acc, d) => acc + (byDealer.get(d)?.[m] ?? 0), 0),
  );
}

/** The target a row measures: its year, plan entry and the name people know it by. */
interface Measured {
  year: number;
  entry: PlanEntry;
  name: string | undefined;
}

function achievementRow(
  { year, entry, name }: Measured,
  scope: 'month' | 'ytd',
  row: AchievementRow,
): DerivedRow {
  return {
    key: `${year}|${entry.level}|${entry.code}|${row.period}|${scope}`,
    values: compact({
      year,
      month: row.period,
      scope,
      level: entry.level,
      code: entry.code,
      name,
      target: row.target,
      actual: row.actual,
      variance: row.variance,
      rateBp: row.rateBp,
    }),
  };
}

async function achievementRows(request: PullRequest, year: number): Promise<DerivedRow[]> {
  const { entries, masters } = await planTargets(request.db, year);
  const byDealer = monthlyByDealer(await shippedByDealerMonth(request.db, yearRange(year)));
  return entries.flatMap((entry) => {
    const outcome = computeAchievement({
      year,
      monthlyTargets: entry.months,
      monthlyActuals: actualsOf(masters, entry, byDealer),
    });
    if (!outcome.ok) return [];
    const measured = { year, entry, name: nameOf(masters, entry) };
    return [
      ...outcome.value.months.map((row) => achievementRow(measured, 'month', row)),
      ...outcome.value.yearToDate.map((row) => achievementRow(measured, 'ytd', row)),
    ];
  });
}

const matchesFilter = (request: PullRequest) => (row: DerivedRow) => {
  const { level, code } = row.values as { level: string; code: string };
  return !request.filter.dealer || (level === 'dealer' && code === request.filter.dealer);
};

export function targetSplitsHandler(): DatasetHandler {
  return defineHandler(targetSplitsDataset, {
    async pull(request) {
      const year = yearOf(request.filter, shanghaiDate(request.now));
      const { entries, masters } = await planTargets(request.db, year);
      return pageSnapshot(
        splitRows(year, masters, entries).filter(matchesFilter(request)),
        request,
      );
    },
  });
}

export function achievementHandler(): DatasetHandler {
  return defineHandler(achievementDataset, {
    async pull(request) {
      const year = yearOf(request.filter, shanghaiDate(request.now));
      const rows = await achievementRows(request, year);
      return pageSnapshot(rows.filter(matchesFilter(request)), request);
    },
  });
}
