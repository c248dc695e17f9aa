// 年度销售任务 (targets): managers push annual targets per region and per dealer.
// Stored in `records` like master data (versions, conflicts, audit, delta pulls), keyed by
// targetId `<year>-<level>-<code>` so a (year, level, code) has one target. The shared rule
// checks the monthly distribution: all twelve m01…m12 empty (split by last year's shares)
// or all twelve summing to exactly 100 — anything else is refused with `distribution-not-100`.
import { splitByDistribution } from '../../shared/analysis/split';
import { targetsDataset, type MonthField } from '../../shared/analysis/datasets';
import { isMessageCode } from '../../shared/messages';
import type { RowProblem } from '../../shared/row-errors';
import { masterHandler, pullRecords } from '../datasets/master';
import type { PushValues } from '../../shared/dataset-def';
import { defineHandler, type DatasetHandler } from '../sync/handler';
import { pushThroughGate } from './gate';
import { loadMasters, type Masters } from './masters';

const MONTH_FIELDS: readonly MonthField[] = [
  'm01',
  'm02',
  'm03',
  'm04',
  'm05',
  'm06',
  'm07',
  'm08',
  'm09',
  'm10',
  'm11',
  'm12',
];

/** The twelve percentages of a target row, or null when none is given. */
export function distributionOf(
  values: Readonly<Partial<Record<MonthField, number | undefined>>>,
): (number | undefined)[] | null {
  const months = MONTH_FIELDS.map((f) => values[f]);
  return months.every((m) => m === undefined) ? null : months;
}

type TargetValues = PushValues<typeof targetsDataset>;

function distributionProblems(values: TargetValues): RowProblem[] {
  const months = distributionOf(values);
  if (months === null) return [];
  const sum = months.reduce<number>((acc, m) => acc + (m ?? 0), 0);
  const split = splitByDistribution(
    values.amount,
    months.map((m) => m ?? -1),
  );
  if (split.ok) return [];
  const code =
    months.includes(undefined) || !isMessageCode(split.code) ? 'distribution-not-100' : split.code;
  return [{ code, params: { sum } }];
}

function referenceProblems(masters: Masters, values: TargetValues): RowProblem[] {
  const { code } = values;
  if (values.level === 'region' && !masters.regions.has(code)) {
    return [{ field: 'code', code: 'unknown-region', params: { value: code } }];
  }
  if (values.level === 'dealer' && !masters.dealers.has(code)) {
    return [{ field: 'code', code: 'unknown-dealer', params: { value: code } }];
  }
  return [];
}

const targetIdOf = (v: TargetValues) => `${v.year}-${v.level}-${v.code}`;

export function targetsHandler(): DatasetHandler {
  const def = targetsDataset;
  const inner = masterHandler({ ...def, naturalKey: 'targetId' });
  return defineHandler(def, {
    async push(ctx, mutations) {
      const masters = await loadMasters(ctx.trx);
      const gate = {
        inner,
        check: (m: { values: TargetValues }) => [
          ...referenceProblems(masters, m.values),
          ...distributionProblems(m.values),
        ],
        prepare: <M extends { values: TargetValues }>(m: M) => ({
          ...m,
          values: { ...m.values, targetId: targetIdOf(m.values) },
        }),
      };
      return (await pushThroughGate(ctx, mutations, gate)).outcomes;
    },
    pull: (request) => pullRecords('targets', request),
  });
}
