// Rows of the returns datasets (退货, docs/returns.md): a return line names the shipment it
// returns, a reason and what becomes of the goods; a manager approves a return over the
// threshold; per-product over-delivery allowances; the returns settings; and the computed list
// of shipment lines a dealer can still return. Money is in fen, quantities are whole units.
import { z } from 'zod';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import { skuRefField } from '../product';
import { columns } from '../finance/dataset-rows';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, [zh, en]: [string, string], synonyms: string[] = []) =>
  ({ value, label: label(zh, en), synonyms }) satisfies FieldOption;

const returnReasons = [
  'quality',
  'wrong-goods',
  'over-stock',
  'end-of-season',
  'transit-damage',
  'dealer-transfer',
  'other',
] as const;

const returnDispositions = ['restock', 'scrap'] as const;

/** 待审批 until a manager approves a return over the threshold; 已过账 once stock and money moved. */
const returnStatuses = ['awaiting-approval', 'posted', 'rejected'] as const;

export const dealerCode = field.code({
  label: label('经销商编码', 'Dealer code'),
  synonyms: ['客户编码', '客户代码'],
  ref: 'dealers',
});
const returnRef = field.code({
  label: label('退货单号', 'Return ref'),
  synonyms: ['单号', '退货单', '退单号'],
});

/** 退货行: one shipment line returned, grouped by dealer + 退货单号. */
export const returnLineSchema = z.object({
  dealerCode,
  returnRef,
  date: field.date({ label: label('退货日期', 'Return date'), synonyms: ['日期'] }),
  shipmentId: field.code({
    label: label('发货单号', 'Shipment'),
    synonyms: ['原发货单', '发货单', 'shipment'],
  }),
  quantity: field.integer({
    label: label('退货数量', 'Quantity returned'),
    synonyms: ['数量', '退货件数', 'qty'],
    min: 1,
  }),
  reason: field.enum(
    {
      label: label('退货原因', 'Reason'),
      synonyms: ['原因'],
      options: [
        option('quality', ['质量问题', 'Quality'], ['质量', '次品']),
        option('wrong-goods', ['错发货', 'Wrong goods'], ['错发', '发错']),
        option('over-stock', ['库存积压', 'Over-stock'], ['积压', '滞销']),
        option('end-of-season', ['季末退货', 'End of season'], ['换季', '季末']),
        option('transit-damage', ['运输破损', 'Transit damage'], ['破损', '运损']),
        option('dealer-transfer', ['调货', 'Dealer transfer'], ['经销商调货']),
        option('other', ['其他', 'Other']),
      ],
    },
    returnReasons,
  ),
  disposition: field.enum(
    {
      label: label('处理方式', 'Disposition'),
      synonyms: ['处置', '去向'],
      options: [
        option('restock', ['退回入库', 'Restock'], ['入库', '回库']),
        option('scrap', ['报废', 'Scrap'], ['销毁']),
      ],
    },
    returnDispositions,
  ),
  locationCode: field.code(
    {
      label: label('入库库位', 'Restock location'),
      synonyms: ['库位', '仓库', 'location'],
      ref: 'locations',
      refActive: true,
    },
    { required: false },
  ),
  remark: field.text(
    { label: label('备注', 'Remark'), synonyms: ['说明'], max: 500 },
    { required: false },
  ),
});
export type ReturnLine = z.infer<typeof returnLineSchema>;

export const returnStatusField = field.enum(
  {
    label: label('状态', 'Status'),
    synonyms: ['审批状态'],
    options: [
      option('awaiting-approval', ['待审批', 'Awaiting approval']),
      option('posted', ['已过账', 'Posted']),
      option('rejected', ['已驳回', 'Rejected']),
    ],
  },
  returnStatuses,
);

/** What the returns pull shows: the line, what it was shipped at, and what it moved. */
export const returnPullSchema = returnLineSchema.extend({
  ...columns([
    ['id', 'code', '退货行号', 'Return line'],
    ['skuCode', 'code', 'SKU编码', 'SKU'],
    ['unitPrice', 'money', '发货单价', 'Shipped price'],
    ['value', 'money', '退货金额', 'Value'],
    ['creditNoteId?', 'code', '红字单号', 'Credit note'],
    ['creditBalance?', 'money', '转预收', 'To credit balance'],
  ]),
  status: returnStatusField,
});

/** 退货审批: a manager approves (or rejects) a whole return awaiting approval. */
export const returnApprovalSchema = z.object({
  dealerCode,
  returnRef,
  decision: field.enum(
    {
      label: label('审批结果', 'Decision'),
      synonyms: ['审批'],
      options: [
        option('approve', ['批准', 'Approve'], ['同意', '通过']),
        option('reject', ['驳回', 'Reject'], ['不同意']),
      ],
    },
    ['approve', 'reject'],
  ),
  remark: field.text(
    { label: label('审批意见', 'Remark'), synonyms: ['备注'], max: 500 },
    { required: false },
  ),
});

/** 超发比例: how far above the ordered quantity a line of this SKU may be shipped, in percent. */
export const deliveryAllowanceSchema = z.object({
  skuCode: skuRefField(),
  percent: field.integer({
    label: label('允许超发%', 'Over-delivery %'),
    synonyms: ['超发比例', '超发%'],
    check: { test: (p) => p <= 100, error: 'invalid-value' },
  }),
});

const settingCeilings = {
  'return-approval-threshold-fen': 1_000_000_000,
  'over-delivery-percent': 100,
} as const;
export const returnsSettingSchema = z
  .object({
    setting: field.enum(
      {
        label: label('设置项', 'Setting'),
        options: [
          option('return-approval-threshold-fen', ['退货审批金额（分）', 'Approval over (fen)']),
          option('over-delivery-percent', ['默认超发比例%', 'Default over-delivery %']),
        ],
      },
      ['return-approval-threshold-fen', 'over-delivery-percent'],
    ),
    value: field.integer({ label: label('值', 'Value'), synonyms: ['数值'] }),
  })
  .refine((v) => v.value <= settingCeilings[v.setting], {
    path: ['value'],
    error: 'invalid-value',
  });

/** 可退发货行: a shipment line with what the dealer may still return, at its shipped price. */
export const returnableRowSchema = z.object({
  ...columns([
    ['dealerCode', 'code', '经销商编码', 'Dealer code'],
    ['shipmentId', 'code', '发货单号', 'Shipment'],
    ['date', 'date', '发货日期', 'Shipped on'],
    ['skuCode', 'code', 'SKU编码', 'SKU'],
    ['shipped', 'integer', '发货数量', 'Shipped'],
    ['returned', 'integer', '已退数量', 'Returned'],
    ['returnable', 'integer', '可退数量', 'Returnable'],
    ['unitPrice', 'money', '发货单价', 'Shipped price'],
  ]),
});
