// Messages of the market-order (窜货) and rebate (返利) rules, merged into the one table in
// messages.ts. Rules and worked numbers: docs/market-order.md.
import type { Label } from '../locale';

export const marketMessages = {
  'trace-parent-unknown': {
    'zh-CN': '上级码“{value}”不存在，请先导入箱码或托码。',
    'en-US': 'Parent code "{value}" does not exist; import the case or pallet codes first.',
  },
  'trace-parent-level': {
    'zh-CN': '{level}的上级码必须是{parent}。',
    'en-US': 'A {level} code must sit in a {parent} code.',
  },
  'trace-shipment-dealer': {
    'zh-CN': '发货单 {shipment} 的收货经销商是 {dealer}，与填写的不一致。',
    'en-US': 'Shipment {shipment} went to dealer {dealer}, not the one typed.',
  },
  'market-areas-invalid': {
    'zh-CN': '授权区域写法：省或省/市，多个用分号隔开，如“上海市；浙江省/杭州市”。',
    'en-US': 'Areas are "province" or "province/city", separated by semicolons.',
  },
  'market-scan-immutable': {
    'zh-CN': '扫码记录不能修改或删除，请录入新的扫码。',
    'en-US': 'Scans cannot be changed or deleted; enter a new scan.',
  },
  'market-case-unknown': {
    'zh-CN': '窜货案件“{value}”不存在。',
    'en-US': 'There is no market-order case "{value}".',
  },
  'market-case-move-refused': {
    'zh-CN': '案件当前为“{from}”，不能改为“{to}”。',
    'en-US': 'The case is "{from}": it cannot become "{to}".',
  },
  'market-case-needs-role': {
    'zh-CN': '改为“{to}”须由以下角色操作：{roles}。',
    'en-US': 'Only these roles may make a case "{to}": {roles}.',
  },
  'market-case-penalty-required': {
    'zh-CN': '处理须填写罚款金额（可为 0）和处理措施。',
    'en-US': 'Handling needs a penalty amount (0 allowed) and the measures taken.',
  },
  'market-deposit-immutable': {
    'zh-CN': '保证金流水不能修改或删除，请录入退还或新的缴纳。',
    'en-US': 'Deposit entries cannot be changed or deleted; enter a refund or a new payment.',
  },
  'rebate-rates-invalid': {
    'zh-CN': '返利比例写法：固定比例如“2%”；分段如“0:1%; 100000:2%”，起点（元）从 0 开始递增。',
    'en-US': 'Rates: a flat "2%", or sections "0:1%; 100000:2%" starting at 0 yuan, ascending.',
  },
  'rebate-period-reversed': {
    'zh-CN': '结束日期不能早于开始日期。',
    'en-US': 'The period cannot end before it starts.',
  },
  'rebate-period-open': {
    'zh-CN': '政策期间截至 {to}，期满后才能结算。',
    'en-US': 'The policy runs until {to}; settle it after the period ends.',
  },
  'rebate-policy-unknown': {
    'zh-CN': '返利政策“{value}”不存在。',
    'en-US': 'There is no rebate policy "{value}".',
  },
  'rebate-dealer-out-of-scope': {
    'zh-CN': '经销商 {dealer} 不在政策 {policy} 的范围内。',
    'en-US': 'Dealer {dealer} is outside the scope of policy {policy}.',
  },
  'rebate-nothing-to-pay': {
    'zh-CN': '政策 {policy} 对经销商 {dealer} 的返利为 0，无需结算。',
    'en-US': 'Policy {policy} gives dealer {dealer} no rebate; nothing to settle.',
  },
  'rebate-over-outstanding': {
    'zh-CN': '返利 {amount} 元超过该经销商未结发票余额 {open} 元，无法开红字。',
    'en-US': 'The rebate of ¥{amount} exceeds the ¥{open} the dealer still owes on invoices.',
  },
} as const satisfies Record<string, Label>;
