// The one list of datasets. Everything that needs to know the datasets — GET /meta, OpenAPI,
// import/export, the push engine, the add-in's Validate and the pane — reads it from here.
// Adding a dataset: declare it in its own file, name it below (docs/adding-a-dataset.md).
import { analysisDatasets } from './analysis/datasets';
import { complaintDatasets } from './complaints/datasets';
import type { DatasetDef } from './dataset-def';
import { coreDatasets } from './datasets';
import { estateDatasets } from './estate/datasets';
import { estateRosterDatasets } from './estate/roster-datasets';
import { financeDatasets } from './finance/datasets';
import { marketDatasets } from './market/datasets';
import { selloutDatasets } from './sellout/datasets';
import { returnDatasets } from './returns/datasets';
import { stockOpsDatasets } from './stock-ops/datasets';
import { supportDatasets } from './support/datasets';

/**
 * The datasets by module: `dealer` (the dealer network: master data, orders, stock, finance,
 * analysis) and `estate` (a developer's sales office). A deployment enables some of them
 * (SALES_SYNC_MODULES, docs/estate.md); each dataset belongs to exactly one.
 */
export const datasetModules = {
  dealer: [
    ...coreDatasets,
    ...financeDatasets,
    ...analysisDatasets,
    ...complaintDatasets,
    ...selloutDatasets,
    ...marketDatasets,
    ...returnDatasets,
    ...stockOpsDatasets,
    ...supportDatasets,
  ],
  estate: [...estateDatasets, ...estateRosterDatasets],
} as const satisfies Record<string, readonly DatasetDef[]>;
export type ModuleName = keyof typeof datasetModules;
export const moduleNames = Object.keys(datasetModules) as ModuleName[];

export const datasets: readonly DatasetDef[] = moduleNames.flatMap((m) => datasetModules[m]);

const byName = new Map(datasets.map((d) => [d.name, d]));

/** The dataset called `name`, or undefined when no dataset has that name. */
export function findDataset(name: string): DatasetDef | undefined {
  return byName.get(name);
}
