// The sell-out datasets: dealers' sell-out and stock reports and the 进销存 differences worked
// out from them (docs/sell-out.md). Declared once here; the handlers are in server/sellout/
// (docs/adding-a-dataset.md).
import { defineDataset, type DatasetDef } from '../dataset-def';
import type { Role } from '../roles';
import {
  dealerReportPullSchema,
  dealerReportSchema,
  stockDifferencePullSchema,
  stockDifferenceReasonSchema,
} from './rows';
import { fairInputsDataset } from './fair-inputs';
import { replenishmentRulesDataset } from './rule-datasets';
import { storeDatasets } from './store-datasets';

/** Sales assistants type the dealers' reports and explain differences; analysts read. */
const writers: readonly Role[] = ['admin', 'manager', 'sales'];
const readers: readonly Role[] = ['admin', 'manager', 'sales', 'analyst'];

export const dealerReportsDataset = defineDataset({
  name: 'dealer-reports',
  label: { 'zh-CN': '经销商销存报表', 'en-US': 'Dealer sell-out reports' },
  push: { schema: dealerReportSchema, roles: writers },
  pull: {
    schema: dealerReportPullSchema,
    roles: readers,
    filters: ['from', 'to', 'region', 'dealer'],
  },
});

export const stockDifferencesDataset = defineDataset({
  name: 'stock-differences',
  label: { 'zh-CN': '进销存差异', 'en-US': 'Stock differences' },
  push: { schema: stockDifferenceReasonSchema, roles: writers },
  pull: {
    schema: stockDifferencePullSchema,
    roles: readers,
    filters: ['from', 'to', 'region', 'dealer'],
  },
});

export const selloutDatasets: readonly DatasetDef[] = [
  dealerReportsDataset,
  stockDifferencesDataset,
  replenishmentRulesDataset,
  fairInputsDataset,
  ...storeDatasets,
];
