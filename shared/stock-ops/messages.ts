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
  'stocktake-future-date': {
    'zh-CN': '盘点日期不能晚于今天（{today}）。',
    'en-US': 'The count date cannot be after today ({today}).',
  },
} as const satisfies Record<string, Label>;
