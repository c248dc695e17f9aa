// Messages of the real-estate sales office's rules, merged into the one table in messages.ts.
import type { Label } from '../locale';

export const estateMessages = {
  'estate-move-refused': {
    'zh-CN': '房源当前为“{from}”，不能{move}。',
    'en-US': 'The unit is "{from}": it cannot {move}.',
  },
  'estate-move-needs-role': {
    'zh-CN': '“{move}”须由以下角色操作：{roles}。',
    'en-US': 'Only these roles may {move}: {roles}.',
  },
  'estate-unit-taken': {
    'zh-CN': '房源 {unit} 已被 {holder} 占用（{document}，{status}）。',
    'en-US': 'Unit {unit} is taken by {holder} ({document}, {status}).',
  },
  'estate-unit-unknown': {
    'zh-CN': '房源“{value}”不存在。',
    'en-US': 'There is no unit "{value}".',
  },
  'estate-project-unknown': {
    'zh-CN': '项目“{value}”不存在。',
    'en-US': 'Project "{value}" does not exist.',
  },
  'estate-building-unknown': {
    'zh-CN': '楼栋“{value}”不存在。',
    'en-US': 'Building "{value}" does not exist.',
  },
  'estate-reserve-reason': {
    'zh-CN': '销控保留须填写原因和保留期限。',
    'en-US': 'Holding a unit back needs a reason and an end date.',
  },
  'estate-price-mismatch': {
    'zh-CN': '成交总价应为 {expected} 元（面积 × 单价 × 折扣），填写的是 {given} 元。',
    'en-US': 'The price should be {expected} (area × unit price × discount), not {given}.',
  },
  'estate-schedule-mismatch': {
    'zh-CN': '付款计划合计 {sum} 元，与成交总价 {price} 元相差 {difference} 元。',
    'en-US':
      'The payment schedule sums to {sum}, the price is {price}: a difference of {difference}.',
  },
  'estate-schedule-method': {
    'zh-CN': '付款方式与“{field}”不符。',
    'en-US': 'The payment method does not match "{field}".',
  },
  'estate-document-closed': {
    'zh-CN': '单据 {document} 已{state}，不能修改。',
    'en-US': 'Document {document} is {state} and can no longer change.',
  },
  'estate-contract-signed': {
    'zh-CN': '合同已签约，修改须经理审批（approveChange）。',
    'en-US': 'The contract is signed: a change needs a manager’s approval (approveChange).',
  },
  'estate-subscription-unknown': {
    'zh-CN': '认购单 {document} 不存在或已失效。',
    'en-US': 'Subscription {document} does not exist or is no longer active.',
  },
  'estate-not-your-document': {
    'zh-CN': '单据 {document} 属于 {holder}。',
    'en-US': 'Document {document} belongs to {holder}.',
  },
  'estate-shift-unknown': {
    'zh-CN': '班次“{value}”不存在。',
    'en-US': 'Shift "{value}" does not exist.',
  },
  'estate-assignment-overlap': {
    'zh-CN': '{consultant} 在 {from} 至 {to} 已排班（{shift}），与本行日期重叠。',
    'en-US':
      '{consultant} is already assigned {shift} from {from} to {to}, which overlaps this row.',
  },
  'estate-date-range': {
    'zh-CN': '结束日期 {to} 早于开始日期 {from}。',
    'en-US': 'The end date {to} is before the start date {from}.',
  },
  'estate-not-your-row': {
    'zh-CN': '置业顾问只能登记自己的记录（本行为 {consultant}）。',
    'en-US': 'A consultant records only their own rows (this one is {consultant}).',
  },
  'estate-reception-nobody': {
    'zh-CN': '当前没有空闲的在岗置业顾问。',
    'en-US': 'No consultant on duty is free right now.',
  },
  'estate-reception-ended': {
    'zh-CN': '接待 {document} 已结束，不能修改。',
    'en-US': 'Reception {document} has ended and can no longer change.',
  },
  'estate-contract-unknown': {
    'zh-CN': '合同 {document} 不存在或已失效。',
    'en-US': 'Contract {document} does not exist or is no longer active.',
  },
  'estate-over-collection': {
    'zh-CN':
      '合同 {document} 的“{part}”尚未收 {outstanding} 元，本次 {amount} 元超出 {excess} 元。',
    'en-US':
      'Contract {document} still lacks {outstanding} of its {part}: {amount} is {excess} too much.',
  },
  'estate-collection-locked': {
    'zh-CN': '合同 {document} 已回款完成，回款记录不能再修改。',
    'en-US': 'Contract {document} is fully collected: its collections can no longer change.',
  },
  'estate-month-invalid': {
    'zh-CN': '月份须写作“2026-11”这样的年-月。',
    'en-US': 'A month is written year-month, like 2026-11.',
  },
  'estate-commission-rate-unknown': {
    'zh-CN': '佣金比例“{value}”不存在。',
    'en-US': 'Commission rate "{value}" does not exist.',
  },
  'estate-statement-confirmed': {
    'zh-CN': '{consultant} {month} 的结佣单已确认（{document}），不能再修改。',
    'en-US': 'The {month} statement of {consultant} is confirmed ({document}) and cannot change.',
  },
} as const satisfies Record<string, Label>;
