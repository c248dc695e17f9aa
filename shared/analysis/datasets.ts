// The analysis datasets: what managers push
// (targets, grading schemes, dealer scores) and the pivot-ready pulls computed from orders,
// shipments, stock and those pushes. Same push/pull protocol as every dataset, so the add-in
// needs no new code to serve them.
import { z } from 'zod';
import {
  defineDataset,
  type DatasetDef,
  type PullFilterName,
  type RowSchema,
} from '../dataset-def';
import { field } from '../field';
import type { Role } from '../roles';
import { everyone, managers } from '../roles';
import { col, dims, label } from './dataset-fields';
import {
  achievementRowSchema,
  dealerGradeSchema,
  deliveryVarianceSchema,
  fairGuidanceRowSchema,
  replenishmentRowSchema,
  salesFactSchema,
  targetSplitSchema,
} from './dataset-rows';
import { analysisSettingsDataset } from './settings-dataset';

const upTo100 = { test: (n: number) => n <= 100, error: 'invalid-value' } as const;
const percent = (zh: string, en: string) => field.integer({ label: label(zh, en), check: upTo100 });
const optionalPercent = (zh: string, en: string) =>
  field.integer({ label: label(zh, en), check: upTo100 }, { required: false });
const score = (zh: string, en: string) =>
  field.integer({
    label: label(zh, en),
    synonyms: [`${zh}得分`],
    check: { test: (n) => n <= 100, error: 'score-out-of-range' },
  });

/** The twelve monthly shares of a target, m01 … m12. */
export type MonthField = `m0${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}` | 'm10' | 'm11' | 'm12';

const monthColumns = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => {
    const m = String(i + 1).padStart(2, '0');
    return [`m${m}`, optionalPercent(`${i + 1}月比例%`, `Month ${m} %`)];
  }),
) as Record<MonthField, ReturnType<typeof optionalPercent>>;

/** 年度销售任务: one row per year, level and region or dealer code. */
export const targetSchema = z.object({
  year: field.integer({
    label: label('年度', 'Year'),
    synonyms: ['年份'],
    min: 2000,
    check: { test: (y) => y <= 9999, error: 'invalid-value' },
  }),
  level: dims.level(),
  code: field.code({
    label: label('区域/经销商编码', 'Region or dealer code'),
    synonyms: ['编码'],
  }),
  amount: field.money({
    label: label('年度任务', 'Annual target'),
    synonyms: ['任务金额', '目标'],
  }),
  ...monthColumns,
  method: field.enum(
    {
      label: label('下分方式', 'Split to dealers by'),
      synonyms: ['分解方式'],
      options: [
        { value: 'last-year', label: label('按上年占比', "Last year's share"), synonyms: ['上年'] },
        { value: 'weights', label: label('按权重', 'Weights'), synonyms: ['权重'] },
      ],
    },
    ['last-year', 'weights'] as const,
    { required: false },
  ),
});
/**
 * A parsed row with the named fields present. Needed where a column builder takes `required`
 * as a run-time boolean (`percent`), which leaves the inferred field possibly undefined.
 */
export type Present<T, K extends keyof T> = { [P in K]: Exclude<T[P], undefined> } & Omit<T, K>;

export type TargetRow = Present<z.infer<typeof targetSchema>, 'year' | 'level' | 'code' | 'amount'>;
const targetRowSchema = targetSchema.extend({ targetId: col.code('任务编号', 'Target id') });

/** 客户评估方案: criterion weights (sum 100) and the A/B/C bands (tile 0–100). */
export const gradingSchemeRowSchema = z.object({
  code: field.code({ label: label('方案编码', 'Scheme code'), synonyms: ['方案'] }),
  name: field.text({ label: label('方案名称', 'Scheme name') }, { required: false }),
  funds: percent('资金权重', 'Funds weight'),
  credit: percent('信用权重', 'Credit weight'),
  brandAwareness: percent('品牌意识权重', 'Brand awareness weight'),
  sales: percent('销量权重', 'Sales weight'),
  cooperation: percent('配合度权重', 'Cooperation weight'),
  aMin: percent('A级下限', 'A from'),
  aMax: percent('A级上限', 'A to'),
  bMin: percent('B级下限', 'B from'),
  bMax: percent('B级上限', 'B to'),
  cMin: percent('C级下限', 'C from'),
  cMax: percent('C级上限', 'C to'),
});
export type GradingSchemeRow = Present<
  z.infer<typeof gradingSchemeRowSchema>,
  Exclude<keyof z.infer<typeof gradingSchemeRowSchema>, 'name'>
>;

/** 客户评分: the manager's qualitative scores of one dealer for one period. */
const dealerScoreSchema = z.object({
  period: field.text({
    label: label('期间', 'Period'),
    synonyms: ['评估期间'],
    max: 10,
    check: {
      test: (p) => /^\d{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$/.test(p),
      error: 'invalid-period',
    },
  }),
  dealerCode: field.code({
    label: label('经销商编码', 'Dealer code'),
    synonyms: ['客户编码'],
    ref: 'dealers',
  }),
  funds: score('资金', 'Funds'),
  brandAwareness: score('品牌意识', 'Brand awareness'),
  cooperation: score('配合度', 'Cooperation'),
  schemeCode: field.code({ label: label('评分方案', 'Scheme') }, { required: false }),
  remark: field.text({ label: label('备注', 'Remark'), max: 500 }, { required: false }),
});
export type DealerScoreRow = Present<
  z.infer<typeof dealerScoreSchema>,
  'period' | 'dealerCode' | 'funds' | 'brandAwareness' | 'cooperation'
>;

const analysts: readonly Role[] = ['admin', 'manager', 'analyst'];
const withSales: readonly Role[] = ['admin', 'manager', 'analyst', 'sales'];

const pullOnly = <S extends RowSchema>(
  name: string,
  names: [string, string],
  schema: S,
  access: { roles: readonly Role[]; filters: readonly PullFilterName[]; regionBy?: string },
) => defineDataset({ name, label: label(...names), pull: { schema, ...access } });

/** Pulls scoped to dealers and SKUs (shared by the computed analysis pulls). */
const scoped: readonly PullFilterName[] = ['from', 'to', 'region', 'dealer', 'category'];

export const salesFactsDataset = pullOnly(
  'sales-facts',
  ['销售明细', 'Sales facts'],
  salesFactSchema,
  {
    roles: withSales,
    filters: scoped,
    // A call-off counts in the region of the dealer it is attributed to (docs/group-buy.md).
    regionBy: 'attributedDealerCode',
  },
);
export const targetsDataset = defineDataset({
  name: 'targets',
  label: label('销售任务', 'Targets'),
  push: { schema: targetSchema, roles: managers },
  pull: { schema: targetRowSchema, roles: analysts },
});
export const targetSplitsDataset = pullOnly(
  'target-splits',
  ['任务分解', 'Target splits'],
  targetSplitSchema,
  { roles: analysts, filters: ['from', 'dealer'] },
);
export const achievementDataset = pullOnly(
  'achievement',
  ['任务达成', 'Achievement'],
  achievementRowSchema,
  { roles: analysts, filters: ['from', 'dealer'] },
);
export const gradingSchemesDataset = defineDataset({
  name: 'grading-schemes',
  label: label('客户评估方案', 'Grading schemes'),
  push: { schema: gradingSchemeRowSchema, roles: managers },
  pull: { schema: gradingSchemeRowSchema, roles: everyone },
  naturalKey: 'code',
});
export const dealerScoresDataset = defineDataset({
  name: 'dealer-scores',
  label: label('客户评分', 'Dealer scores'),
  push: { schema: dealerScoreSchema, roles: managers },
  pull: { schema: dealerScoreSchema, roles: analysts, filters: ['from', 'to', 'dealer'] },
});
export const dealerGradesDataset = pullOnly(
  'dealer-grades',
  ['客户分级', 'Dealer grades'],
  dealerGradeSchema,
  { roles: analysts, filters: [] },
);
export const replenishmentDataset = pullOnly(
  'replenishment',
  ['补货建议', 'Replenishment'],
  replenishmentRowSchema,
  { roles: [...withSales, 'warehouse'], filters: [...scoped, 'location'] },
);
export const fairGuidanceDataset = pullOnly(
  'fair-guidance',
  ['订货会指导', 'Fair guidance'],
  fairGuidanceRowSchema,
  { roles: ['admin', 'manager', 'sales', 'analyst'], filters: scoped },
);
export const deliveryVarianceDataset = pullOnly(
  'delivery-variance',
  ['订单回货差异', 'Delivery variance'],
  deliveryVarianceSchema,
  { roles: withSales, filters: ['to', 'region', 'dealer', 'category'] },
);

export const analysisDatasets: readonly DatasetDef[] = [
  salesFactsDataset,
  targetsDataset,
  targetSplitsDataset,
  achievementDataset,
  gradingSchemesDataset,
  dealerScoresDataset,
  dealerGradesDataset,
  replenishmentDataset,
  fairGuidanceDataset,
  deliveryVarianceDataset,
  analysisSettingsDataset,
];
