// Messages of the sell-out rules (dealer reports, the 进销存 check), merged into the one table in
// messages.ts.
import type { Label } from '../locale';

export const selloutMessages = {
  'sellout-invalid-period': {
    'zh-CN': '期间应为月份（2026-03）或周（2026-W09）。',
    'en-US': 'The period must be a month (2026-03) or a week (2026-W09).',
  },
  'sellout-report-missing': {
    'zh-CN': '经销商 {dealer} 的 {sku} 在 {period} 没有销存报表。',
    'en-US': 'Dealer {dealer} has no report of {sku} for {period}.',
  },
  'sellout-no-difference': {
    'zh-CN': '{period} 的进销存没有差异，无需说明。',
    'en-US': 'There is no difference in {period} to explain.',
  },
  'sellout-rule-needs': {
    'zh-CN': '所选补货规则（{rule}）需要填写此数量。',
    'en-US': 'The chosen rule ({rule}) needs this quantity.',
  },
  'sellout-max-below-min': {
    'zh-CN': '最大库存不能小于最小库存 {min}。',
    'en-US': 'The maximum cannot be below the minimum {min}.',
  },
  'sellout-not-a-store': {
    'zh-CN': '库位 {value} 不是自营店。',
    'en-US': 'Location {value} is not a self-operated store.',
  },
} as const satisfies Record<string, Label>;
