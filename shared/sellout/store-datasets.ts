// The self-operated store datasets (自营店): daily sales per store × SKU (typed, or imported from
// the POS export by the same headers), the markdown ladder a manager sets, and the computed
// pulls — sell-through per style × store, markdown proposals, the clearance list and the
// rebalancing list (docs/sell-out.md, "Self-operated stores").
import { z } from 'zod';
import { defineDataset, type DatasetDef } from '../dataset-def';
import { field } from '../field';
import type { Label } from '../locale';
import type { Role } from '../roles';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const optional = { required: false } as const;
const count = (zh: string, en: string) => field.integer({ label: label(zh, en) }, optional);
const percent = (zh: string, en: string, synonyms: string[], min = 0) =>
  field.integer({
    label: label(zh, en),
    synonyms,
    min,
    check: { test: (n) => n <= 100, error: 'invalid-value' },
  });

const storeField = () =>
  field.code({
    label: label('门店编码', 'Store'),
    synonyms: ['门店', '店铺编码', '库位编码'],
    ref: 'locations',
  });
const styleField = () => field.code({ label: label('款号', 'Style'), synonyms: ['款式'] });

/** One POS line: units of a SKU a store sold on a day (re-pushing the day replaces it). */
const storeSaleSchema = z.object({
  date: field.date({ label: label('销售日期', 'Date'), synonyms: ['日期', '营业日期'] }),
  locationCode: storeField(),
  skuCode: field.code({
    label: label('SKU', 'SKU'),
    synonyms: ['产品编码', '货号', '条码'],
    ref: 'products',
  }),
  quantity: field.integer({ label: label('销售数量', 'Units sold'), synonyms: ['数量', '销量'] }),
  amount: field.money(
    { label: label('销售金额', 'Amount'), synonyms: ['金额', '实收金额'] },
    optional,
  ),
});

/** One step of the markdown ladder: at week N, below X % sell-through, propose Y % off. */
const markdownStepSchema = z.object({
  step: field.integer({ label: label('步骤', 'Step'), synonyms: ['序号'], min: 1 }),
  week: field.integer({ label: label('上市第几周', 'Week'), synonyms: ['周次', '第几周'], min: 1 }),
  belowPercent: percent('售罄率低于%', 'Sell-through below %', ['售罄率低于']),
  discountPercent: percent('折扣%', 'Markdown %', ['降价%', '折让%'], 1),
});

const common = {
  styleCode: styleField(),
  locationCode: field.code({ label: label('门店编码', 'Store'), ref: 'locations' }, optional),
  firstReceipt: field.date({ label: label('首次到货', 'First receipt') }, optional),
  week: count('上市周次', 'Week'),
  received: count('到货数量', 'Received'),
  sold: count('销售数量', 'Sold'),
  onHand: count('门店库存', 'Store stock'),
  sellThroughBp: count('售罄率（基点）', 'Sell-through (bp)'),
};

const storeSellThroughSchema = z.object({
  kind: field.enum(
    {
      label: label('层级', 'Level'),
      options: [
        { value: 'store', label: label('款式×门店', 'Style × store') },
        { value: 'style', label: label('款式合计', 'Style overall') },
      ],
    },
    ['store', 'style'],
  ),
  ...common,
});

const markdownProposalSchema = z.object({
  ...common,
  step: count('触发步骤', 'Step'),
  stepWeek: count('步骤周次', 'Step week'),
  belowPercent: count('售罄率低于%', 'Below %'),
  discountPercent: count('建议折扣%', 'Markdown %'),
  clearance: field.boolean({ label: label('清仓', 'Clearance') }, optional),
});

const storeRebalanceSchema = z.object({
  styleCode: styleField(),
  fromLocation: field.code({ label: label('调出门店', 'From store'), ref: 'locations' }),
  toLocation: field.code({ label: label('调入门店', 'To store'), ref: 'locations' }),
  quantity: count('建议调拨数量', 'Quantity'),
  fromSellThroughBp: count('调出店售罄率（基点）', 'From sell-through (bp)'),
  toSellThroughBp: count('调入店售罄率（基点）', 'To sell-through (bp)'),
});

const storeStaff: readonly Role[] = ['admin', 'manager', 'sales'];
const readers: readonly Role[] = ['admin', 'manager', 'sales', 'analyst'];

export const storeSalesDataset = defineDataset({
  name: 'store-sales',
  label: label('自营店销售', 'Store sales'),
  push: { schema: storeSaleSchema, roles: storeStaff },
  pull: {
    schema: storeSaleSchema.extend({ id: field.code({ label: label('编号', 'Id') }) }),
    roles: readers,
    filters: ['location'],
  },
});

export const markdownLadderDataset = defineDataset({
  name: 'markdown-ladder',
  label: label('降价阶梯', 'Markdown ladder'),
  push: { schema: markdownStepSchema, roles: ['admin', 'manager'] },
  pull: {
    schema: markdownStepSchema.extend({ id: field.code({ label: label('编号', 'Id') }) }),
    roles: readers,
  },
});

const computed = (name: string, names: [string, string], schema: z.ZodObject) =>
  defineDataset({
    name,
    label: label(...names),
    pull: { schema, roles: readers, filters: ['to', 'location'] },
  });

export const storeSellThroughDataset = computed(
  'store-sell-through',
  ['自营店售罄率', 'Store sell-through'],
  storeSellThroughSchema,
);
export const markdownProposalsDataset = computed(
  'markdown-proposals',
  ['降价建议', 'Markdown proposals'],
  markdownProposalSchema,
);
export const storeClearanceDataset = computed(
  'store-clearance',
  ['清仓清单', 'Clearance list'],
  markdownProposalSchema,
);
export const storeRebalancingDataset = computed(
  'store-rebalancing',
  ['门店调拨建议', 'Store rebalancing'],
  storeRebalanceSchema,
);

export const storeDatasets: readonly DatasetDef[] = [
  storeSalesDataset,
  markdownLadderDataset,
  storeSellThroughDataset,
  markdownProposalsDataset,
  storeClearanceDataset,
  storeRebalancingDataset,
];
