// The rows of the stock-operation datasets: a product's standard cost (成本价), the stocktake
// count sheet (盘点) as the keeper types it and as it is pulled with the system quantity, the
// variance and its value at cost, and a manager's approval with the count's totals
// (docs/stocktake.md). Money in fen, quantities whole units.
import { z } from 'zod';
import { choiceField, field } from '../field';
import type { Label } from '../locale';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

/** A quantity that may be negative (a variance). */
const signed = (zh: string, en: string) =>
  field.integer({ label: label(zh, en), min: -1_000_000_000 }, { required: false });

const locationField = field.code({
  label: label('库位编码', 'Location code'),
  synonyms: ['仓库', '仓库编码', '库位', '盘点库位', 'location'],
  ref: 'locations',
  refActive: true,
});

const countDateField = field.date({
  label: label('盘点日期', 'Count date'),
  synonyms: ['截止日期', '盘点截止日', 'cut-off'],
});

/** 成本价: the standard cost of one unit of a SKU. */
export const productCostSchema = z.object({
  skuCode: field.code({
    label: label('产品编码', 'SKU code'),
    synonyms: ['货号', 'SKU', '商品编码'],
    ref: 'products',
  }),
  cost: field.money({ label: label('成本价', 'Standard cost'), synonyms: ['标准成本', '成本'] }),
});

/** One counted line of a location's count sheet, as of the end of the count date. */
const countedMeta = {
  label: label('实盘数量', 'Counted quantity'),
  synonyms: ['盘点数量', '实盘数', '实际数量', 'counted'],
};

export const countLineSchema = z.object({
  locationCode: locationField,
  countDate: countDateField,
  // Any SKU, sold or no longer sold: stock of an inactive SKU still has to be counted.
  skuCode: field.code({
    label: label('产品编码', 'SKU code'),
    synonyms: ['货号', 'SKU', '商品编码', '产品代码', '条码'],
    ref: 'products',
  }),
  countedQuantity: field.integer(countedMeta),
});
export type CountLine = z.output<typeof countLineSchema>;

const statusField = choiceField(label('状态', 'Status'), [
  ['uncounted', '未盘', 'Not counted'],
  ['pending', '待审批', 'Awaiting approval'],
  ['posted', '已过账', 'Posted'],
]);

/** A line of the count sheet as pulled: the system quantity as of the cut-off and the variance. */
export const countLinePullSchema = countLineSchema.extend({
  countedQuantity: field.integer(countedMeta, { required: false }),
  productName: field.text(
    { label: label('产品名称', 'Product name'), max: 100 },
    { required: false },
  ),
  systemQuantity: signed('账面数量', 'System quantity'),
  variance: signed('差异数量', 'Variance'),
  unitCost: field.money({ label: label('成本价', 'Standard cost') }, { required: false }),
  varianceValue: field.money(
    { label: label('差异金额（成本）', 'Variance at cost'), min: Number.MIN_SAFE_INTEGER },
    { required: false },
  ),
  status: statusField,
});

/** A manager's approval of one location's count: its variances post to the ledger. */
export const stocktakeApprovalSchema = z.object({
  locationCode: locationField,
  countDate: countDateField,
  remark: field.text({ label: label('备注', 'Remark'), max: 500 }, { required: false }),
});
export type StocktakeApproval = z.output<typeof stocktakeApprovalSchema>;

/** One count (location × date) with its totals, before or after it posts. */
export const stocktakeSummarySchema = stocktakeApprovalSchema.extend({
  lines: field.integer({ label: label('盘点行数', 'Lines counted') }),
  varianceQuantity: signed('差异数量合计', 'Total variance'),
  varianceValue: field.money(
    {
      label: label('差异金额合计（成本）', 'Total variance at cost'),
      min: Number.MIN_SAFE_INTEGER,
    },
    { required: false },
  ),
  status: statusField,
  postedBy: field.text({ label: label('审批人', 'Approved by'), max: 50 }, { required: false }),
  postedAt: field.text({ label: label('过账时间', 'Posted at'), max: 40 }, { required: false }),
});
