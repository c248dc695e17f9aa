// Messages of the stock operations (stocktakes, samples), merged into the one table in
// messages.ts.
import type { Label } from '../locale';

export const stockOpsMessages = {
  'stocktake-posted': {
    'zh-CN': '{location} {date} 的盘点已审批过账，不能再修改；请另选盘点日期重新盘点。',
    'en-US':
      'The count of {location} on {date} is approved and posted; it cannot change. Count again under another date.',
  },
  'stocktake-nothing-counted': {
    'zh-CN': '{location} {date} 没有待审批的盘点行。',
    'en-US': 'There are no counted lines of {location} on {date} to approve.',
  },
  'stocktake-approval-final': {
    'zh-CN': '盘点审批一经过账不能撤销；如有差错，请另选盘点日期重新盘点。',
    'en-US': 'An approved count stays posted; to correct it, count again under another date.',
  },
  'group-contract-no-delete': {
    'zh-CN': '团购合同不能删除；如需终止，请把截止日期改早。',
    'en-US': 'A contract cannot be deleted; end it by moving its end date earlier.',
  },
  'stocktake-future-date': {
    'zh-CN': '盘点日期不能晚于今天（{today}）。',
    'en-US': 'The count date cannot be after today ({today}).',
  },
  'sample-borrower-required': {
    'zh-CN': '借样须填写借用人：业务员工号或经销商编码（二选一）。',
    'en-US': 'A loan names one borrower: a staff code or a dealer code.',
  },
  'sample-from-required': {
    'zh-CN': '样品入展厅须填写调出仓库。',
    'en-US': 'Samples coming in name the warehouse they come from.',
  },
  'sample-due-required': {
    'zh-CN': '借样须填写应还日期。',
    'en-US': 'A loan needs a due date.',
  },
  'sample-loan-required': {
    'zh-CN': '还样须填写原借样单号。',
    'en-US': 'A return names the loan it returns.',
  },
  'sample-due-before-loan': {
    'zh-CN': '应还日期不能早于借样日期。',
    'en-US': 'The due date cannot be before the loan.',
  },
  'sample-not-showroom': {
    'zh-CN': '“{value}”不是展厅。',
    'en-US': '"{value}" is not a showroom.',
  },
  'sample-loan-unknown': {
    'zh-CN': '展厅 {showroom} 没有产品 {sku} 的借样单“{value}”。',
    'en-US': 'Showroom {showroom} has no loan "{value}" of {sku}.',
  },
  'sample-over-outstanding': {
    'zh-CN': '借样单 {loan} 未还数量只有 {outstanding} 件。',
    'en-US': 'Loan {loan} has only {outstanding} not yet returned.',
  },
  'group-contract-dates': {
    'zh-CN': '合同截止日期不能早于生效日期。',
    'en-US': 'A contract cannot end before it starts.',
  },
  'group-contract-inconsistent': {
    'zh-CN': '同一合同的各行客户、签约区域、有效期和超量比例须一致。',
    'en-US': 'The rows of one contract must agree on customer, region, dates and allowance.',
  },
  'group-contract-required': {
    'zh-CN': '团购订单须填写团购合同号。',
    'en-US': 'A group-buy call-off names its contract.',
  },
  'group-contract-unknown': {
    'zh-CN': '团购合同“{value}”不存在。',
    'en-US': 'There is no group-buy contract "{value}".',
  },
  'group-contract-expired': {
    'zh-CN': '团购合同 {contract} 有效期为 {from} 至 {to}，订单日期不在其内。',
    'en-US': 'Contract {contract} is valid {from} to {to}; the order date is outside it.',
  },
  'group-contract-no-item': {
    'zh-CN': '团购合同 {contract} 不含产品 {sku}（或其款号）。',
    'en-US': 'Contract {contract} does not cover {sku} or its style.',
  },
  'group-call-off-over': {
    'zh-CN': '超出团购合同可提数量：剩余 {remaining}，超量比例 {allowance}%，本次最多可提 {most}。',
    'en-US':
      'Over the contract: {remaining} remain, allowance {allowance}%, at most {most} may still be called off.',
  },
} as const satisfies Record<string, Label>;
