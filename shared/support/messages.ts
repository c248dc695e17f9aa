// Messages of the dealer-support rules (docs/dealer-support.md), merged into the one table in
// shared/messages.ts.
import type { Label } from '../locale';

export const supportMessages = {
  'licence-expired': {
    'zh-CN': '经销商的“{kind}”（{number}）已于 {validTo} 到期，不能订购该品类产品。',
    'en-US':
      'The dealer’s "{kind}" ({number}) expired on {validTo}: it cannot order this category.',
  },
  'licence-missing': {
    'zh-CN': '经销商没有有效的“{kind}”，不能订购该品类产品。',
    'en-US': 'The dealer holds no valid "{kind}": it cannot order this category.',
  },
  'support-dates-reversed': {
    'zh-CN': '结束日期不能早于开始日期。',
    'en-US': 'The end date cannot be before the start date.',
  },
  'support-holder-unknown': {
    'zh-CN': '持有方“{value}”不存在。',
    'en-US': 'There is no holder "{value}".',
  },
  'sample-over-quota': {
    'zh-CN':
      '超出配额：{season} 季配额 {quota}，已用 {used}，剩余 {left}，本次 {quantity}。须经理批准。',
    'en-US':
      'Over quota: {season} quota {quota}, used {used}, left {left}, this issue {quantity}. A manager must allow it.',
  },
  'sample-no-quota': {
    'zh-CN': '{grade} 级经销商在 {season} 季没有该物料的配额。',
    'en-US': 'Grade {grade} dealers have no quota of this item in {season}.',
  },
  'sample-issue-fixed': {
    'zh-CN': '已发放的样品单不能修改，请删除后重新发放。',
    'en-US': 'An issue already made cannot change: delete it and issue again.',
  },
  'option-needs-manager': {
    'zh-CN': '选项“{option}”只能由经理设置。',
    'en-US': 'Only a manager may set the option "{option}".',
  },
  'event-unknown': {
    'zh-CN': '活动“{value}”不存在。',
    'en-US': 'There is no event "{value}".',
  },
  'event-order-unknown': {
    'zh-CN': '经销商 {dealer} 没有单号为 {orderRef} 的订单。',
    'en-US': 'Dealer {dealer} has no order {orderRef}.',
  },
} as const satisfies Record<string, Label>;
