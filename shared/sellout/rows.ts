// The rows of the sell-out datasets: a dealer's report of one SKU for one period (units sold to
// consumers, closing stock), typed by the sales assistant from the dealer's own sheet, and the
// 进销存 differences the server works out from it, explained by a reason pushed back.
import { z } from 'zod';
import { field } from '../field';
import type { Label } from '../locale';
import { isValidPeriod } from './period';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const SIGNED = -1_000_000_000;

const dealerField = field.code({
  label: label('经销商编码', 'Dealer code'),
  synonyms: ['客户编码', '经销商', '客户代码'],
  ref: 'dealers',
});
const skuField = field.code({
  label: label('SKU', 'SKU'),
  synonyms: ['产品编码', '货号', 'SKU编码', '商品编码'],
  ref: 'products',
});
const periodField = field.text({
  label: label('期间', 'Period'),
  synonyms: ['月份', '年月', '周', '周次', '报表期间'],
  max: 8,
  check: { test: isValidPeriod, error: 'sellout-invalid-period' },
});

/** One dealer report line: dealer × SKU × period (a month or an ISO week). */
export const dealerReportSchema = z.object({
  dealerCode: dealerField,
  skuCode: skuField,
  period: periodField,
  unitsSold: field.integer({
    label: label('销售数量', 'Units sold'),
    synonyms: ['销量', '实销数量', '零售数量', '本期销售'],
  }),
  closingStock: field.integer({
    label: label('期末库存', 'Closing stock'),
    synonyms: ['库存', '结存', '期末数量', '期末结存'],
  }),
  openingStock: field.integer(
    { label: label('期初库存', 'Opening stock'), synonyms: ['期初', '期初数量', '期初结存'] },
    { required: false },
  ),
});
export type DealerReportValues = z.output<typeof dealerReportSchema>;

export const dealerReportPullSchema = dealerReportSchema.extend({
  id: field.code({ label: label('报表编号', 'Report id') }),
});

const units = (zh: string, en: string, synonyms: string[] = []) =>
  field.integer({ label: label(zh, en), synonyms, min: SIGNED });

const reasonField = <const R extends boolean>(required: R) =>
  field.text(
    { label: label('差异原因', 'Reason'), synonyms: ['原因', '说明', '差异说明'], max: 500 },
    { required },
  );

/** The reason a sales assistant gives for a difference (pushed back on the 差异 sheet). */
export const stockDifferenceReasonSchema = z.object({
  dealerCode: dealerField,
  skuCode: skuField,
  period: periodField,
  reason: reasonField(true),
});

/** An open 进销存 difference: every term of the check, the difference and its value in fen. */
export const stockDifferencePullSchema = z.object({
  dealerCode: dealerField,
  skuCode: skuField,
  period: periodField,
  opening: units('期初库存', 'Opening'),
  shipped: units('发货数量', 'Shipped', ['进货数量']),
  returns: units('退货数量', 'Returns'),
  transfersOut: units('调出数量', 'Transfers out'),
  transfersIn: units('调入数量', 'Transfers in'),
  sold: units('销售数量', 'Sold'),
  expectedClosing: units('应有库存', 'Expected closing', ['理论库存']),
  reportedClosing: units('期末库存', 'Reported closing'),
  difference: units('差异数量', 'Difference', ['差异']),
  value: field.money({ label: label('差异金额', 'Value'), min: -Number.MAX_SAFE_INTEGER }),
  reason: reasonField(false),
});
