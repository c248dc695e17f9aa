// The stock-operation datasets, each declared once (docs/adding-a-dataset.md): the standard
// cost per SKU (成本价), the stocktake count sheet (盘点) and its approval (docs/stocktake.md).
// Server handlers are in server/stock-ops/.
import { defineDataset, type DatasetDef } from '../dataset-def';
import { managers, type Role } from '../roles';
import {
  countLinePullSchema,
  countLineSchema,
  productCostSchema,
  stocktakeApprovalSchema,
  stocktakeSummarySchema,
} from './rows';

/** Who sees cost: managers edit it; analysts and the warehouse read it; sales never do. */
const costReaders: readonly Role[] = ['admin', 'manager', 'analyst', 'warehouse'];
/** The keeper (warehouse) counts; managers may count too. */
const counters: readonly Role[] = ['admin', 'manager', 'warehouse'];

export const productCostsDataset = defineDataset({
  name: 'product-costs',
  label: { 'zh-CN': '成本价', 'en-US': 'Standard costs' },
  push: { schema: productCostSchema, roles: managers },
  pull: { schema: productCostSchema, roles: costReaders },
  naturalKey: 'skuCode',
});

/**
 * The count sheet. Rows are not grouped: a location of thousands of SKUs is pushed in several
 * requests, and each line replaces the same location, date and SKU's earlier count.
 */
export const stocktakesDataset = defineDataset({
  name: 'stocktakes',
  label: { 'zh-CN': '盘点', 'en-US': 'Stocktakes' },
  push: { schema: countLineSchema, roles: counters },
  pull: { schema: countLinePullSchema, roles: costReaders, filters: ['location', 'from', 'to'] },
});

export const stocktakeApprovalsDataset = defineDataset({
  name: 'stocktake-approvals',
  label: { 'zh-CN': '盘点审批', 'en-US': 'Stocktake approvals' },
  push: { schema: stocktakeApprovalSchema, roles: managers },
  pull: { schema: stocktakeSummarySchema, roles: costReaders, filters: ['location', 'from', 'to'] },
});

export const stockOpsDatasets: readonly DatasetDef[] = [
  productCostsDataset,
  stocktakesDataset,
  stocktakeApprovalsDataset,
];
