// 任务分解: a year's targets split over months and down to dealers, with the shared
// largest-remainder rules, so every split sums exactly to its parent in fen:
// - a region's annual target over months by its distribution, or by last year's monthly
//   shipped amounts of its dealers (all zero → equal);
// - each month of a region down to the dealers whose nearest region with a target it is,
//   by last year's shipped amount ('last-year', the default) or by the amounts of the
//   dealers' own target rows as weights ('weights'); no weight at all → equal shares;
// - a dealer target outside every region target is split over months on its own.
// Splitting month by month keeps dealers summing to the region in every month and the year.
import {
  splitAmongChildren,
  splitByDistribution,
  splitByLastYear,
} from '../../shared/analysis/split';
import type { Outcome } from '../../shared/analysis/outcome';
import { targetSchema, type TargetRow } from '../../shared/analysis/datasets';
import type { Db } from '../store/db';
import { allRecords } from '../datasets/records-store';
import { readStored } from '../datasets/stored-values';
import { loadMasters, type Masters } from './masters';
import { monthlyByDealer, shippedByDealerMonth, yearRange } from './shipped';
import { distributionOf } from './targets';

export interface PlanEntry {
  level: 'region' | 'dealer';
  code: string;
  parentCode?: string;
  basis: string;
  months: number[];
}

interface Context {
  masters: Masters;
  lastYear: Map<string, number[]>;
  targets: TargetRow[];
}

const zeros = () => Array.from({ length: 12 }, () => 0);
const sumOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** The region with a target of this year nearest at or above a region code. */
function nearestTargeted(
  c: Context,
  regionCode: string,
  targeted: Set<string>,
): string | undefined {
  const seen = new Set<string>();
  let code: string | undefined = regionCode;
  while (code !== undefined && !seen.has(code)) {
    if (targeted.has(code)) return code;
    seen.add(code);
    code = c.masters.regions.get(code)?.parentCode;
  }
  return undefined;
}

function monthsOf(target: TargetRow, lastYear: readonly number[]): Outcome<number[]> {
  const distribution = distributionOf(target);
  return distribution === null
    ? splitByLastYear(target.amount, lastYear)
    : splitByDistribution(
        target.amount,
        distribution.map((m) => m ?? 0),
      );
}

function dealerMonths(
  c: Context,
  region: PlanEntry,
  dealers: string[],
  method: string,
): PlanEntry[] {
  const own = new Map(c.targets.filter((t) => t.level === 'dealer').map((t) => [t.code, t.amount]));
  const weights = dealers.map((d) =>
    method === 'weights' ? (own.get(d) ?? 0) : sumOf(c.lastYear.get(d) ?? []),
  );
  const isEqual = weights.every((w) => w === 0);
  const basis = isEqual ? 'last-year' : method === 'weights' ? 'weights' : 'last-year';
  const children = dealers.map((id, i) => ({ id, weight: weights[i] ?? 0 }));
  const entries = dealers.map((code) => ({
    level: 'dealer' as const,
    code,
    parentCode: region.code,
    basis: isEqual ? 'equal' : method,
    months: zeros(),
  }));
  region.months.forEach((total, m) => {
    const split = splitAmongChildren({ total, basis, children });
    if (split.ok)
      split.value.forEach((part, i) => ((entries[i] as PlanEntry).months[m] = part.amount));
  });
  return entries;
}

function regionEntries(c: Context, covered: Set<string>): PlanEntry[] {
  const regionTargets = c.targets.filter((t) => t.level === 'region');
  const targeted = new Set(regionTargets.map((t) => t.code));
  const dealersOf = new Map<string, string[]>();
  for (const dealer of [...c.masters.dealers.values()].sort((a, b) =>
    a.code.localeCompare(b.code),
  )) {
    const home = nearestTargeted(c, dealer.regionCode, targeted);
    if (home !== undefined) dealersOf.set(home, [...(dealersOf.get(home) ?? []), dealer.code]);
  }
  return regionTargets.flatMap((target) => {
    const dealers = dealersOf.get(target.code) ?? [];
    const lastYear = zeros().map((_, m) => sumOf(dealers.map((d) => c.lastYear.get(d)?.[m] ?? 0)));
    const months = monthsOf(target, lastYear);
    if (!months.ok) return [];
    const basis = distributionOf(target) === null ? 'last-year' : 'distribution';
    const parent = c.masters.regions.get(target.code)?.parentCode;
    const region: PlanEntry = {
      level: 'region',
      code: target.code,
      basis,
      months: months.value,
      ...(parent ? { parentCode: parent } : {}),
    };
    dealers.forEach((d) => covered.add(d));
    return [region, ...dealerMonths(c, region, dealers, target.method ?? 'last-year')];
  });
}

function ownDealerEntries(c: Context, covered: Set<string>): PlanEntry[] {
  return c.targets
    .filter((t) => t.level === 'dealer' && !covered.has(t.code))
    .flatMap((t) => {
      const months = monthsOf(t, c.lastYear.get(t.code) ?? zeros());
      if (!months.ok) return [];
      const regionCode = c.masters.dealers.get(t.code)?.regionCode;
      return [
        {
          level: 'dealer' as const,
          code: t.code,
          basis: 'own',
          months: months.value,
          ...(regionCode ? { parentCode: regionCode } : {}),
        },
      ];
    });
}

/** Monthly targets of a year per region and per dealer. */
export async function planTargets(
  db: Db,
  year: number,
): Promise<{ entries: PlanEntry[]; masters: Masters }> {
  const masters = await loadMasters(db);
  const records = await allRecords(db, 'targets');
  const targets = [...records.values()]
    .map((r): TargetRow => readStored(targetSchema, r.values, { dataset: 'targets', id: r.id }))
    .filter((t) => t.year === year);
  const lastYear = monthlyByDealer(await shippedByDealerMonth(db, yearRange(year - 1)));
  const c: Context = { masters, lastYear, targets };
  const covered = new Set<string>();
  const entries = regionEntries(c, covered);
  return { entries: [...entries, ...ownDealerEntries(c, covered)], masters };
}

/** The year a pull is about: the `from` filter's year, else the current business year. */
export function yearOf(filter: { from?: string | undefined }, today: string): number {
  return Number((filter.from ?? today).slice(0, 4));
}
