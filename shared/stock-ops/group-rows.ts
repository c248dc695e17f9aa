// Group-buy contracts (团购, docs/group-buy.md): a contract with a customer, signed by a region
// or by head office, valid between two dates, with an over-call allowance in percent and, per
// SKU or per style, a contract price and a contracted quantity. One sheet row is one item of a
// contract; the rows of a contract stand or fall together. Call-offs are orders of type 团购
// that name the contract (shared/order.ts).
import { z } from 'zod';
import type { RowRule } from '../dataset-def';
import { field } from '../field';
import type { Label } from '../locale';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

export const groupContractSchema = z.object({
  contractCode: field.code({
    label: label('团购合同号', 'Contract no.'),
    synonyms: ['合同号', '合同编号'],
  }),
  customerName: field.text({
    label: label('客户名称', 'Customer'),
    synonyms: ['团购客户', '单位名称'],
    max: 100,
  }),
  signingRegionCode: field.code(
    {
      label: label('签约区域', 'Signed by region'),
      synonyms: ['签约单位', '区域'],
      ref: 'regions',
    },
    { required: false },
  ),
  validFrom: field.date({ label: label('生效日期', 'Valid from'), synonyms: ['开始日期'] }),
  validTo: field.date({ label: label('截止日期', 'Valid to'), synonyms: ['到期日期', '结束日期'] }),
  allowancePercent: field.integer({
    label: label('超量比例（%）', 'Allowance (%)'),
    synonyms: ['允许超量', '超提比例'],
  }),
  itemCode: field.code({
    label: label('产品编码或款号', 'SKU or style'),
    synonyms: ['产品编码', '款号', '货号'],
  }),
  unitPrice: field.money({
    label: label('合同单价', 'Contract price'),
    synonyms: ['团购价', '单价'],
  }),
  contractedQuantity: field.integer({
    label: label('合同数量', 'Contracted quantity'),
    synonyms: ['签约数量', '数量'],
    min: 1,
  }),
});
export type GroupContractItem = z.output<typeof groupContractSchema>;

/** A contract's validity cannot end before it starts. */
export const contractDatesInOrder: RowRule = (values) =>
  typeof values.validFrom === 'string' &&
  typeof values.validTo === 'string' &&
  values.validTo < values.validFrom
    ? [{ field: 'validTo', code: 'group-contract-dates' }]
    : [];

/** An item as pulled: what has been called off, what remains, and the most one call-off may take. */
export const groupContractPullSchema = groupContractSchema.extend({
  calledOff: field.integer({ label: label('已提数量', 'Called off') }),
  remaining: field.integer({ label: label('剩余数量', 'Remaining'), min: -1_000_000_000 }),
  mostCallable: field.integer({ label: label('本次最多可提', 'Most per call-off') }),
});

/**
 * The most a call-off may take: what remains × (1 + allowance), in whole units, never below
 * zero. Integer arithmetic, so 40 remaining at 5% is exactly 42.
 */
export function mostCallable(remaining: number, allowancePercent: number): number {
  return Math.max(0, Math.floor((remaining * (100 + allowancePercent)) / 100));
}
