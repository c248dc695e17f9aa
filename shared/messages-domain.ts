// Messages of the finance and analysis rules and datasets; merged into
// the one table in messages.ts.
import type { Label } from './locale';

export const domainMessages = {
  // Finance and analysis.
  'credit-limit-exceeded': {
    'zh-CN': '超出信用额度：额度 {limit}，已用 {used}，本单 {thisOrder}，超出 {overBy}。',
    'en-US':
      'Over the credit limit: limit {limit}, used {used}, this order {thisOrder}, over by {overBy}.',
  },
  'deposit-missing': {
    'zh-CN': '订金未到：尚缺 {missing} 元。',
    'en-US': 'Deposit not received: {missing} still missing.',
  },
  'weights-not-100': {
    'zh-CN': '权重合计应为 100（现为 {sum}）。',
    'en-US': 'Weights must sum to 100 (now {sum}).',
  },
  'distribution-not-100': {
    'zh-CN': '分解比例合计应为 100（现为 {sum}）。',
    'en-US': 'Distribution must sum to 100 (now {sum}).',
  },
  'bands-overlap': { 'zh-CN': '等级区间重叠：{detail}', 'en-US': 'Grade bands overlap: {detail}' },
  'bands-gap': {
    'zh-CN': '等级区间未覆盖 0–100：{detail}',
    'en-US': 'Grade bands leave a gap in 0–100: {detail}',
  },
  // Analysis datasets (targets, grading, dealer scores).
  'invalid-period': {
    'zh-CN': '期间应为年（2025）、季度（2025-Q1）、半年（2025-H1）或月份（2025-03）。',
    'en-US': 'Period must be a year (2025), quarter (2025-Q1), half (2025-H1) or month (2025-03).',
  },
  'score-out-of-range': {
    'zh-CN': '“{field}”应在 0–100 之间。',
    'en-US': '"{field}" must lie between 0 and 100.',
  },
  'unknown-scheme': {
    'zh-CN': '评分方案“{value}”不存在。',
    'en-US': 'Grading scheme "{value}" does not exist.',
  },
  'band-empty': { 'zh-CN': '等级区间为空：{detail}', 'en-US': 'A grade band is empty: {detail}' },
  'duplicate-grade': {
    'zh-CN': '同一等级只能有一个区间。',
    'en-US': 'Each grade may have only one band.',
  },
  // Finance: receipts, allocations.
  'duplicate-bank-line': {
    'zh-CN': '该银行流水已导入，收款单号 {id}，未重复入账。',
    'en-US': 'This bank line was already imported as {id}; it was not booked again.',
  },
  'receipt-auto-matched': {
    'zh-CN': '已自动核销到 {target}：{amount} 元。',
    'en-US': 'Allocated automatically to {target}: {amount}.',
  },
  'receipt-allocated': {
    'zh-CN': '收款 {id} 已核销，不能修改或删除。',
    'en-US': 'Receipt {id} is allocated and can no longer change.',
  },
  'unknown-receipt': {
    'zh-CN': '收款单“{value}”不存在。',
    'en-US': 'Receipt "{value}" does not exist.',
  },
  'receipt-over-allocated': {
    'zh-CN': '超出收款 {id} 的未核销金额（尚可核销 {available} 元）。',
    'en-US': 'More than receipt {id} has left to allocate ({available} left).',
  },
  'unknown-invoice': {
    'zh-CN': '应收发票“{value}”不存在。',
    'en-US': 'Invoice "{value}" does not exist.',
  },
  'unknown-order': { 'zh-CN': '订单“{value}”不存在。', 'en-US': 'Order "{value}" does not exist.' },
  'over-allocated': {
    'zh-CN': '超出 {target} 的未收金额（尚欠 {open} 元）。',
    'en-US': 'More than {target} still owes ({open} open).',
  },
  'dealer-mismatch': {
    'zh-CN': '{target} 属于经销商 {dealer}，与本行不一致。',
    'en-US': '{target} belongs to dealer {dealer}, not the one on this row.',
  },
  'write-off-over-tolerance': {
    'zh-CN': '核销差额超出允许范围（最多 {max} 元）。',
    'en-US': 'The write-off is over the tolerance (at most {max}).',
  },
  'write-off-not-allowed': {
    'zh-CN': '只有应收发票可以核销差额。',
    'en-US': 'Only an invoice can have a write-off.',
  },
  'credit-balance-short': {
    'zh-CN': '预收余额不足（可用 {available} 元）。',
    'en-US': 'Not enough credit balance ({available} available).',
  },
  'setting-out-of-range': {
    'zh-CN': '设置项“{setting}”的值应在 {min} 到 {max} 之间。',
    'en-US': 'Setting "{setting}" must lie between {min} and {max}.',
  },
  'credit-note-unknown-invoice': {
    'zh-CN': '找不到发票 {value}，无法开具红字。',
    'en-US': 'Invoice {value} was not found; no credit note can be issued against it.',
  },
  'credit-note-dealer-mismatch': {
    'zh-CN': '发票 {invoice} 属于经销商 {dealer}，与本行不一致。',
    'en-US': 'Invoice {invoice} belongs to dealer {dealer}, not the one on this row.',
  },
  'credit-note-over-outstanding': {
    'zh-CN': '红字金额超出发票 {invoice} 的未收金额（尚欠 {open} 元）。',
    'en-US': 'The credit note is more than invoice {invoice} still owes ({open} open).',
  },
  // Complaints (客诉).
  'complaint-party-required': {
    'zh-CN': '请填写经销商编码或消费者姓名。',
    'en-US': 'Name the dealer or the consumer who complained.',
  },
  'complaint-region-required': {
    'zh-CN': '消费者投诉（无经销商）须填写区域。',
    'en-US': 'A consumer complaint with no dealer needs a region.',
  },
  'complaint-before-opening': {
    'zh-CN': '“{field}”早于受理时间 {openedAt}。',
    'en-US': '"{field}" is before the opening time {openedAt}.',
  },
  'complaint-resolution-unexplained': {
    'zh-CN': '已解决的客诉须填写“{field}”。',
    'en-US': 'A resolved complaint needs "{field}".',
  },
  'sla-resolution-before-response': {
    'zh-CN': '解决时限不能短于首次响应时限。',
    'en-US': 'The resolution time cannot be shorter than the first-response time.',
  },
} as const satisfies Record<string, Label>;
