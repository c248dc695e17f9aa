// Rows of the exchange (调换) and dealer-to-dealer transfer (调货) documents (docs/returns.md).
// An exchange returns some shipment lines and issues other goods to the same dealer in one
// document; a transfer takes goods a dealer received back and issues them to another dealer.
// The pulls carry what each document booked and, for an exchange, who owes whom how much.
import { z } from 'zod';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import { columns } from '../finance/dataset-rows';
import { dealerCode, returnApprovalSchema, returnStatusField } from './rows';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, [zh, en]: [string, string], synonyms: string[] = []) =>
  ({ value, label: label(zh, en), synonyms }) satisfies FieldOption;

const date = field.date({ label: label('日期', 'Date'), synonyms: ['单据日期'] });
const quantity = field.integer({
  label: label('数量', 'Quantity'),
  synonyms: ['件数', 'qty'],
  min: 1,
});
const location = field.code({
  label: label('库位编码', 'Location'),
  synonyms: ['库位', '仓库', 'location'],
  ref: 'locations',
  refActive: true,
});
const shipmentMeta = { label: label('原发货单号', 'Shipment'), synonyms: ['发货单号', '发货单'] };
const price = field.money(
  {
    label: label('单价', 'Unit price'),
    synonyms: ['经销价', 'price'],
    // A blank price is the dealer price of the SKU, as on an order.
  },
  { required: false },
);
const remark = field.text(
  { label: label('备注', 'Remark'), synonyms: ['说明'], max: 500 },
  { required: false },
);

const exchangeDirections = ['return', 'issue'] as const;

/** 调换行: a line returned (names its shipment) or issued (names a SKU) in one document. */
export const exchangeLineSchema = z.object({
  dealerCode,
  exchangeRef: field.code({
    label: label('调换单号', 'Exchange ref'),
    synonyms: ['单号', '换货单号'],
  }),
  date,
  direction: field.enum(
    {
      label: label('方向', 'Direction'),
      synonyms: ['退/换', '类型'],
      options: [
        option('return', ['退回', 'Returned'], ['退', '退货']),
        option('issue', ['换出', 'Issued'], ['换', '发出', '补发']),
      ],
    },
    exchangeDirections,
  ),
  shipmentId: field.code(shipmentMeta, { required: false }),
  skuCode: field.code(
    {
      label: label('产品编码', 'SKU code'),
      synonyms: ['SKU', '货号'],
      ref: 'products',
      refActive: true,
    },
    { required: false },
  ),
  quantity,
  locationCode: location,
  unitPrice: price,
  remark,
});

const settlementField = field.enum(
  {
    label: label('差额方向', 'Settlement'),
    options: [
      option('dealer-owes', ['经销商补差价', 'Dealer owes']),
      option('dealer-is-owed', ['退经销商差价', 'Dealer is owed']),
      option('even', ['持平', 'Even']),
    ],
  },
  ['dealer-owes', 'dealer-is-owed', 'even'],
);

export const exchangePullSchema = exchangeLineSchema.extend({
  ...columns([
    ['id', 'code', '行号', 'Line'],
    ['value', 'money', '金额', 'Value'],
    ['returnedValue', 'money', '退回金额', 'Returned value'],
    ['issuedValue', 'money', '换出金额', 'Issued value'],
    ['difference', 'money', '差额', 'Difference'],
  ]),
  settlement: settlementField,
  // 待审批 until a manager decides a document over the approval threshold (docs/returns.md).
  status: returnStatusField,
});

/** 调货: goods dealer A received move to dealer B — a return from A and an order for B. */
export const dealerTransferSchema = z.object({
  transferRef: field.code({
    label: label('调货单号', 'Transfer ref'),
    synonyms: ['单号', '调货单'],
  }),
  date,
  fromDealerCode: field.code({
    label: label('调出经销商', 'From dealer'),
    synonyms: ['调出方', '原经销商'],
    ref: 'dealers',
  }),
  toDealerCode: field.code({
    label: label('调入经销商', 'To dealer'),
    synonyms: ['调入方', '新经销商'],
    ref: 'dealers',
  }),
  shipmentId: field.code(shipmentMeta),
  quantity,
  locationCode: location,
  unitPrice: price,
  remark,
});

export const dealerTransferPullSchema = dealerTransferSchema.extend({
  ...columns([
    ['id', 'code', '行号', 'Line'],
    ['returnLineId', 'code', '退货行号', 'Return line'],
    ['orderLineId', 'code', '调入订单行', 'Order line'],
    ['toShipmentId', 'code', '调入发货单', 'Shipment to B'],
    ['creditedValue', 'money', '调出方冲减', 'Credited to A'],
    ['invoicedValue', 'money', '调入方应收', 'Invoiced to B'],
  ]),
  // 待审批 until a manager approves a sales user's request (docs/returns.md).
  status: returnStatusField,
});

const { decision, remark: approvalRemark } = returnApprovalSchema.shape;

/** 调换审批: a manager approves or rejects an exchange awaiting approval. */
export const exchangeApprovalSchema = z.object({
  dealerCode,
  exchangeRef: exchangeLineSchema.shape.exchangeRef,
  decision,
  remark: approvalRemark,
});

/** 调货审批: a manager approves or rejects a sales user's transfer request. */
export const transferApprovalSchema = z.object({
  transferRef: dealerTransferSchema.shape.transferRef,
  decision,
  remark: approvalRemark,
});
