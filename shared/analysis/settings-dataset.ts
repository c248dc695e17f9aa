// 分析设置 (dataset "analysis-settings", kept in `records` like master data, one row per
// setting): the planning inputs managers set instead of fixed constants — the order fair's
// planned growth, sell-through and target sell-through (订货会), and replenishment's lead time, sales window, slow
// mover and overstock thresholds (补货). Unset settings keep the defaults below. Each value has
// a range; `settingProblems` says why a value outside it is refused.
import { z } from 'zod';
import { defineDataset } from '../dataset-def';
import { field, type FieldOption } from '../field';
import type { Role } from '../roles';
import type { RowProblem } from '../row-errors';
import { label } from './dataset-fields';

const analysisSettingNames = [
  'fair-growth-percent',
  'fair-sell-through-percent',
  'fair-target-sell-through-percent',
  'lead-time-days',
  'sales-window-days',
  'slow-mover-days',
  'overstock-cover-days',
] as const;
type AnalysisSettingName = (typeof analysisSettingNames)[number];
export type AnalysisSettings = Record<AnalysisSettingName, number>;

export const analysisSettingDefaults: Readonly<AnalysisSettings> = {
  'fair-growth-percent': 10,
  'fair-sell-through-percent': 100,
  'fair-target-sell-through-percent': 100,
  'lead-time-days': 14,
  'sales-window-days': 28,
  'slow-mover-days': 60,
  'overstock-cover-days': 90,
};

/**
 * Inclusive ranges. Growth above −100 % (the fair rule's own bound) and at most tripling;
 * sell-through is a share; days stay within two years (a window of 0 days has no rate).
 */
const analysisSettingRanges: Readonly<Record<AnalysisSettingName, [number, number]>> = {
  'fair-growth-percent': [-99, 200],
  'fair-sell-through-percent': [0, 100],
  'fair-target-sell-through-percent': [1, 100],
  'lead-time-days': [0, 365],
  'sales-window-days': [1, 365],
  'slow-mover-days': [1, 730],
  'overstock-cover-days': [1, 730],
};

const option = (value: AnalysisSettingName, zh: string, en: string): FieldOption => ({
  value,
  label: label(zh, en),
});
const settingOptions = [
  option('fair-growth-percent', '订货会计划增长%', 'Fair planned growth %'),
  option('fair-sell-through-percent', '订货会售罄率%', 'Fair sell-through %'),
  option('fair-target-sell-through-percent', '订货会目标售罄率%', 'Fair target sell-through %'),
  option('lead-time-days', '补货周期（天）', 'Lead time (days)'),
  option('sales-window-days', '销售统计天数', 'Sales window (days)'),
  option('slow-mover-days', '滞销天数', 'Slow mover after (days)'),
  option('overstock-cover-days', '积压可售天数', 'Overstock above cover (days)'),
] as const;

const analysisSettingSchema = z.object({
  setting: field.enum(
    { label: label('设置项', 'Setting'), options: settingOptions },
    analysisSettingNames,
  ),
  // The range depends on the setting: `settingProblems` checks it, with the range in the reason.
  value: field.integer({ label: label('值', 'Value'), synonyms: ['数值'], min: -1_000_000 }),
});

/** Why a setting row is refused: its value outside the setting's range (none otherwise). */
export function settingProblems(row: { setting?: string; value?: number }): RowProblem[] {
  const range = analysisSettingRanges[row.setting as AnalysisSettingName] as
    [number, number] | undefined;
  if (range === undefined || row.value === undefined) return [];
  const [min, max] = range;
  if (row.value >= min && row.value <= max) return [];
  return [
    {
      field: 'value',
      code: 'setting-out-of-range',
      params: { setting: row.setting ?? '', min, max },
    },
  ];
}

/** The settings in force: stored values over the defaults (unknown names are ignored). */
export function settingsFrom(stored: ReadonlyMap<string, unknown>): AnalysisSettings {
  const settings = { ...analysisSettingDefaults };
  for (const name of analysisSettingNames) {
    const value = stored.get(name);
    if (typeof value === 'number') settings[name] = value;
  }
  return settings;
}

const writers: readonly Role[] = ['admin', 'manager'];
const readers: readonly Role[] = ['admin', 'manager', 'analyst', 'sales'];

export const analysisSettingsDataset = defineDataset({
  name: 'analysis-settings',
  label: label('分析设置', 'Analysis settings'),
  push: { schema: analysisSettingSchema, roles: writers },
  pull: { schema: analysisSettingSchema, roles: readers },
  naturalKey: 'setting',
});
