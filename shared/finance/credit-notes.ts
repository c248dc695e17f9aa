// Credit notes (红字发票 / 折让 / 退货贷项; receipts, allocations, credit notes
// and write-offs move the receivables ledger). Finance issues one against one invoice of a
// dealer; it lowers what the invoice still owes, like an allocation that brings no money. The
// ledger maths reads them as `credit-note` entries (receivables.ts). Money is in fen.
import { z } from 'zod';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import { columns } from './dataset-rows';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, [zh, en]: [string, string], synonyms: string[] = []) =>
  ({ value, label: label(zh, en), synonyms }) satisfies FieldOption;

const creditNoteReasons = ['return', 'discount', 'rebate', 'correction', 'other'] as const;
const reasonOptions: [FieldOption, FieldOption, FieldOption, FieldOption, FieldOption] = [
  option('return', ['退货', 'Return'], ['退货贷项', '退回']),
  option('discount', ['折让', 'Discount'], ['销售折让']),
  option('rebate', ['返利', 'Rebate']),
  option('correction', ['更正', 'Correction'], ['红冲', '冲红']),
  option('other', ['其他', 'Other']),
];

/** 红字/贷项: one credit note against one invoice of the dealer. */
export const creditNoteRowSchema = z.object({
  ...columns([['date', 'date', '开具日期', 'Date', ['日期', '红字日期']]]),
  dealerCode: field.code({
    label: label('经销商编码', 'Dealer code'),
    synonyms: ['客户编码', '客户代码'],
    ref: 'dealers',
  }),
  invoiceId: field.code({
    label: label('发票号', 'Invoice'),
    synonyms: ['原发票号', '应收单号', '蓝字发票号'],
  }),
  amount: field.money({
    label: label('红字金额', 'Amount credited'),
    synonyms: ['贷项金额', '折让金额', '金额'],
    min: 1,
  }),
  reason: field.enum(
    { label: label('红字原因', 'Reason'), options: reasonOptions },
    creditNoteReasons,
  ),
  ...columns([['remark?', 'text', '备注', 'Remark', ['说明']]]),
});

export const creditNotePullSchema = creditNoteRowSchema.extend({
  ...columns([['id', 'code', '红字单号', 'Credit note id']]),
});
