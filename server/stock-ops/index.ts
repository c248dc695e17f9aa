// The stock-operation datasets' handlers (shared/stock-ops/datasets.ts), named once in
// server/sync/registry.ts.
import {
  sampleRotationDataset,
  sampleStockDataset,
  samplesOverdueDataset,
  stocktakeApprovalsDataset,
  stocktakesDataset,
} from '../../shared/stock-ops/datasets';
import { defineHandler, type DatasetHandler } from '../sync/handler';
import { productCostsHandler } from './costs';
import { groupContractsHandler } from './group-contracts';
import { sampleMovesHandler } from './samples';
import { pullOverdueSamples, pullSampleStock } from './samples-pull';
import { pullSampleRotation } from './sample-rotation';
import { pushApprovals } from './stocktake-approve';
import { pullCountSheet, pullCountSummaries } from './stocktake-pull';
import { pushCountLines } from './stocktake-push';

export function stockOpsHandlers(): DatasetHandler[] {
  return [
    productCostsHandler(),
    defineHandler(stocktakesDataset, { push: pushCountLines, pull: pullCountSheet }),
    defineHandler(stocktakeApprovalsDataset, { push: pushApprovals, pull: pullCountSummaries }),
    sampleMovesHandler(),
    defineHandler(samplesOverdueDataset, { pull: pullOverdueSamples }),
    defineHandler(sampleStockDataset, { pull: pullSampleStock }),
    defineHandler(sampleRotationDataset, { pull: pullSampleRotation }),
    groupContractsHandler(),
  ];
}
