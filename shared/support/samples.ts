// Samples and promotional material (样品与宣传物料): quotas per dealer grade and season, each
// issue to a dealer (a zero-price issue charged to the dealer's marketing budget at the item's
// reference price, the dealer price), the marketing budgets, and the quota-use pull
// (docs/dealer-support.md, "Samples and promotional material").
import { z } from 'zod';
import { grades } from '../dealer';
import { field } from '../field';
import { skuRefField } from '../product';
import { label, option } from './labels';

const gradeField = field.enum(
  {
    label: label('经销商等级', 'Dealer grade'),
    synonyms: ['等级', '客户等级'],
    options: [option('A', ['A', 'A']), option('B', ['B', 'B']), option('C', ['C', 'C'])],
  },
  grades,
);

const seasonField = field.code({
  label: label('季度', 'Season'),
  synonyms: ['季节', '期间', '档期'],
});

const dealerField = field.code({
  label: label('经销商编码', 'Dealer code'),
  synonyms: ['客户编码'],
  ref: 'dealers',
});

/** How many units of an item each dealer of a grade may receive in a season. */
export const sampleQuotaSchema = z.object({
  grade: gradeField,
  season: seasonField,
  skuCode: skuRefField(),
  quantity: field.integer({ label: label('配额数量', 'Quota'), synonyms: ['配额', '数量'] }),
});

/** One issue of samples or material to a dealer. */
export const sampleIssueSchema = z.object({
  issueRef: field.code({
    label: label('发放单号', 'Issue no.'),
    synonyms: ['单号', '出库单号', '领用单号'],
  }),
  issueDate: field.date({ label: label('发放日期', 'Issue date'), synonyms: ['日期', '出库日期'] }),
  season: seasonField,
  dealerCode: dealerField,
  skuCode: skuRefField(),
  quantity: field.integer({ label: label('数量', 'Quantity'), synonyms: ['发放数量'], min: 1 }),
  locationCode: field.code({
    label: label('发货仓', 'Ship from'),
    synonyms: ['仓库', '出库仓'],
    ref: 'locations',
    refActive: true,
  }),
  remark: field.text({ label: label('备注', 'Remark'), max: 500 }, { required: false }),
});
export type SampleIssueValues = z.output<typeof sampleIssueSchema>;

/** As pulled: the reference price and the value charged to the marketing budget. */
export const sampleIssuePullSchema = sampleIssueSchema.extend({
  referencePrice: field.money({ label: label('参考价', 'Reference price') }),
  value: field.money({ label: label('计入费用', 'Charged value') }),
});

/** A dealer's marketing budget (市场费用预算) for a season. */
export const marketingBudgetSchema = z.object({
  dealerCode: dealerField,
  season: seasonField,
  budget: field.money({ label: label('市场费用预算', 'Marketing budget'), synonyms: ['预算'] }),
});

/** Per dealer, season and item: the quota, what was issued and what is left. */
export const sampleQuotaUseSchema = z.object({
  dealerCode: dealerField,
  grade: gradeField,
  season: seasonField,
  skuCode: skuRefField(),
  quota: field.integer({ label: label('配额', 'Quota') }),
  used: field.integer({ label: label('已用', 'Used') }),
  left: field.integer({ label: label('剩余', 'Left'), min: -1_000_000_000 }),
  value: field.money({ label: label('计入费用', 'Charged value') }),
  budget: field.money({ label: label('本季预算', 'Season budget') }),
  charged: field.money({ label: label('本季已计费用', 'Season charged') }),
  budgetLeft: field.money({
    label: label('预算余额', 'Budget left'),
    min: -Number.MAX_SAFE_INTEGER,
  }),
});
