// The stock-operation datasets, each declared once (docs/adding-a-dataset.md): the standard
// cost per SKU (成本价), the stocktake count sheet (盘点) and its approval (docs/stocktake.md),
// the showroom's sample book (docs/samples.md) and group-buy contracts (docs/group-buy.md).
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
import { contractDatesInOrder, groupContractPullSchema, groupContractSchema } from './group-rows';
import {
  sampleMoveComplete,
  sampleMoveSchema,
  sampleOverdueSchema,
  sampleRotationSchema,
  sampleStockSchema,
} from './sample-rows';

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

/** The showroom's sample book is kept by the warehouse and the sales assistants. */
const sampleKeepers: readonly Role[] = ['admin', 'manager', 'warehouse', 'sales'];
const sampleReaders: readonly Role[] = [...sampleKeepers, 'analyst'];

export const sampleMovesDataset = defineDataset({
  name: 'sample-moves',
  label: { 'zh-CN': '展厅样品', 'en-US': 'Showroom samples' },
  push: { schema: sampleMoveSchema, roles: sampleKeepers },
  pull: { schema: sampleMoveSchema, roles: sampleReaders, filters: ['location', 'from', 'to'] },
  rules: [sampleMoveComplete],
});

/** Loans past their due date as of `to` (default today), with the days overdue. */
export const samplesOverdueDataset = defineDataset({
  name: 'samples-overdue',
  label: { 'zh-CN': '逾期借样', 'en-US': 'Overdue sample loans' },
  pull: { schema: sampleOverdueSchema, roles: sampleReaders, filters: ['location', 'to'] },
});

export const sampleStockDataset = defineDataset({
  name: 'sample-stock',
  label: { 'zh-CN': '样品库存', 'en-US': 'Sample stock' },
  pull: { schema: sampleStockSchema, roles: sampleReaders, filters: ['location'] },
});

/** Group-buy contracts: managers sign them; sales see what remains to call off. */
export const groupContractsDataset = defineDataset({
  name: 'group-contracts',
  label: { 'zh-CN': '团购合同', 'en-US': 'Group-buy contracts' },
  push: { schema: groupContractSchema, roles: managers },
  pull: {
    schema: groupContractPullSchema,
    roles: ['admin', 'manager', 'sales', 'analyst', 'finance'],
  },
  groupBy: ['contractCode'],
  rules: [contractDatesInOrder],
});

/** Slow styles on show beside best-sellers missing from the showroom, as of `to`. */
export const sampleRotationDataset = defineDataset({
  name: 'sample-rotation',
  label: { 'zh-CN': '样品轮换', 'en-US': 'Sample rotation' },
  pull: { schema: sampleRotationSchema, roles: sampleReaders, filters: ['location', 'to'] },
});

export const stockOpsDatasets: readonly DatasetDef[] = [
  productCostsDataset,
  stocktakesDataset,
  stocktakeApprovalsDataset,
  sampleMovesDataset,
  samplesOverdueDataset,
  sampleStockDataset,
  sampleRotationDataset,
  groupContractsDataset,
];
