// The rows of rebate policies (奖励政策) and their settlements per dealer: the base, the
// sections applied, the amount, and — once a manager confirms — the credit notes issued.
// docs/market-order.md.
import { z } from 'zod';
import { field } from '../field';
import { rebateMethods } from './rebate';
import { label, option } from './rows';

const rebateBases = ['net-sell-in', 'collected'] as const;

const baseField = field.enum(
  {
    label: label('返利基数', 'Base'),
    synonyms: ['计算基数'],
    options: [
      option('net-sell-in', ['净进货额', 'Net sell-in'], ['进货额', '净销售额']),
      option('collected', ['回款额', 'Amount collected'], ['回款']),
    ],
  },
  rebateBases,
);

const methodField = field.enum(
  {
    label: label('计算方式', 'Calculation'),
    options: [
      option('flat', ['固定比例', 'Flat rate'], ['固定']),
      option('reached', ['达档全额', 'Reached section on all'], ['达到档', '全额']),
      option('progressive', ['分段累进', 'Progressive sections'], ['累进']),
    ],
  },
  rebateMethods,
);

export const rebatePolicySchema = z.object({
  policyCode: field.code({ label: label('政策编码', 'Policy code'), synonyms: ['政策号'] }),
  name: field.text({ label: label('政策名称', 'Name'), max: 100 }),
  from: field.date({ label: label('开始日期', 'From'), synonyms: ['起始日期'] }),
  to: field.date({ label: label('结束日期', 'To'), synonyms: ['截止日期'] }),
  grade: field.text(
    { label: label('经销商等级', 'Dealer grade'), synonyms: ['等级'], max: 10 },
    { required: false },
  ),
  regionCode: field.code(
    { label: label('区域', 'Region'), synonyms: ['区域编码'], ref: 'regions' },
    { required: false },
  ),
  channel: field.text({ label: label('渠道', 'Channel'), max: 30 }, { required: false }),
  category: field.text(
    { label: label('产品类别', 'Product category'), synonyms: ['品类', '类别'], max: 30 },
    { required: false },
  ),
  base: baseField,
  method: methodField,
  rates: field.text({ label: label('返利比例', 'Rates'), synonyms: ['比例', '分段'], max: 500 }),
});
export type RebatePolicyValues = z.output<typeof rebatePolicySchema>;

/** A manager confirms one dealer's settlement of one policy. */
export const rebateSettlementSchema = z.object({
  policyCode: rebatePolicySchema.shape.policyCode,
  dealerCode: field.code({ label: label('经销商编码', 'Dealer code'), ref: 'dealers' }),
});

export const rebateSettlementPullSchema = rebateSettlementSchema.extend({
  from: rebatePolicySchema.shape.from,
  to: rebatePolicySchema.shape.to,
  base: field.money({ label: label('基数金额', 'Base amount') }),
  method: methodField,
  sections: field.text({ label: label('分段计算', 'Sections'), max: 2000 }, { required: false }),
  amount: field.money({ label: label('返利金额', 'Rebate') }),
  status: field.enum(
    {
      label: label('状态', 'Status'),
      options: [
        option('draft', ['待确认', 'To confirm']),
        option('confirmed', ['已结算', 'Settled']),
      ],
    },
    ['draft', 'confirmed'],
  ),
  creditNotes: field.text(
    { label: label('红字单号', 'Credit notes'), max: 2000 },
    { required: false },
  ),
});
