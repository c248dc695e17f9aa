// Messages of the returns rules (docs/returns.md), merged into the one table in messages.ts.
import type { Label } from '../locale';

export const returnMessages = {
  'return-location-required': {
    'zh-CN': '退回入库须填写入库库位。',
    'en-US': 'A restocked return needs the location it goes to.',
  },
  'return-unknown-shipment': {
    'zh-CN': '发货单“{value}”不存在。',
    'en-US': 'There is no shipment "{value}".',
  },
  'return-dealer-mismatch': {
    'zh-CN': '发货单 {shipment} 发给的是经销商 {dealer}。',
    'en-US': 'Shipment {shipment} went to dealer {dealer}.',
  },
  'return-over-shipped': {
    'zh-CN': '最多还能退 {returnable} 件（发货 {shipped}，已退 {returned}）。',
    'en-US': 'At most {returnable} can still be returned ({shipped} shipped, {returned} returned).',
  },
  'return-immutable': {
    'zh-CN': '退货单已登记，不能修改或删除；请另开退货单或红字。',
    'en-US': 'A booked return cannot be changed or deleted; book another document instead.',
  },
  'return-not-found': {
    'zh-CN': '经销商 {dealer} 没有退货单 {ref}。',
    'en-US': 'Dealer {dealer} has no return {ref}.',
  },
  'return-not-awaiting': {
    'zh-CN': '退货单 {ref} 当前为“{status}”，无需审批。',
    'en-US': 'Return {ref} is "{status}": there is nothing to approve.',
  },
  'over-delivery-allowance': {
    'zh-CN': '超出允许超发（{percent}%）：本行最多还能发 {allowed} 件，请减少 {reduceBy} 件。',
    'en-US':
      'Above the over-delivery allowance ({percent}%): at most {allowed} more; reduce by {reduceBy}.',
  },
  'transfer-same-dealer': {
    'zh-CN': '调货的调出和调入经销商不能相同。',
    'en-US': 'A transfer moves goods between two different dealers.',
  },
  'exchange-other-part-refused': {
    'zh-CN': '同一调换单的其他行被拒绝，整单未执行。',
    'en-US': 'Another line of this document was refused; nothing was booked.',
  },
  'approval-not-found': {
    'zh-CN': '没有待审批的单据 {ref}。',
    'en-US': 'There is no document {ref} awaiting approval.',
  },
  'approval-not-awaiting': {
    'zh-CN': '单据 {ref} 已审批（{status}），不能再次审批。',
    'en-US': 'Document {ref} has been decided ({status}); it cannot be decided again.',
  },
} satisfies Record<string, Label>;
