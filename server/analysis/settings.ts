// The `analysis-settings` dataset (shared/analysis/settings-dataset.ts): kept in `records` like
// master data (versions, conflicts, audit) behind a range check per setting, and read by the
// replenishment and fair-guidance pulls; a setting never pushed keeps its default.
import type { RowProblem } from '../../shared/row-errors';
import {
  analysisSettingsDataset,
  settingProblems,
  settingsFrom,
  type AnalysisSettings,
} from '../../shared/analysis/settings-dataset';
import type { PushValues } from '../../shared/dataset-def';
import { allRecords } from '../datasets/records-store';
import { masterHandler, pullRecords } from '../datasets/master';
import type { Db } from '../store/db';
import { defineHandler, type DatasetHandler } from '../sync/handler';
import { pushThroughGate } from './gate';

type AnalysisSettingRow = PushValues<typeof analysisSettingsDataset>;

export async function loadAnalysisSettings(db: Db): Promise<AnalysisSettings> {
  const records = await allRecords(db, 'analysis-settings');
  return settingsFrom(new Map([...records].map(([name, r]) => [name, r.values.value])));
}

export function analysisSettingsHandler(): DatasetHandler {
  const inner = masterHandler(analysisSettingsDataset);
  return defineHandler(analysisSettingsDataset, {
    async push(ctx, mutations) {
      const check = (m: { values: AnalysisSettingRow }): RowProblem[] => settingProblems(m.values);
      return (await pushThroughGate(ctx, mutations, { inner, check })).outcomes;
    },
    pull: (request) => pullRecords('analysis-settings', request),
  });
}
