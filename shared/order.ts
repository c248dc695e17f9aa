// 要货订单 (D6) and 补货/订货会/团购 orders (A7-8, A18, A23). One sheet row is one order line;
// lines group into an order by (dealer, order reference) and an order is accepted or rejected whole.
import { z } from 'zod';
import { field } from './field';
import { skuRefField } from './product';

const orderTypes = ['normal', 'replenishment', 'fair', 'group'] as const;
export type OrderType = (typeof orderTypes)[number];
const orderLineStatuses = ['submitted', 'partly-shipped', 'shipped', 'cancelled'] as const;
type OrderLineStatus = (typeof orderLineStatuses)[number];

export const orderLineSchema = z.object({
  orderRef: field.code({
    label: { 'zh-CN': '单号', 'en-US': 'Order ref' },
    synonyms: ['订单号', '要货单号', '订单编号', '客户单号', 'order no', 'order number', 'PO'],
  }),
  dealerCode: field.code({
    label: { 'zh-CN': '经销商编码', 'en-US': 'Dealer code' },
    synonyms: ['客户编码', '客户代码', '经销商代码', '客户编号', 'customer code', 'dealer'],
    ref: 'dealers',
    refActive: true,
  }),
  orderDate: field.date({
    label: { 'zh-CN': '订单日期', 'en-US': 'Order date' },
    synonyms: [
      '下单日期',
      '日期',
      '要货日期',
      '订货日期',
      '开单日期',
      '制单日期',
      '单据日期',
      'date',
    ],
  }),
  orderType: field.enum(
    {
      label: { 'zh-CN': '订单类型', 'en-US': 'Order type' },
      synonyms: ['类型', '单据类型', 'type'],
      options: [
        {
          value: 'normal',
          label: { 'zh-CN': '常规', 'en-US': 'Normal' },
          synonyms: ['正常', '普通', '要货'],
        },
        {
          value: 'replenishment',
          label: { 'zh-CN': '补货', 'en-US': 'Replenishment' },
          synonyms: ['补单', '加单'],
        },
        {
          value: 'fair',
          label: { 'zh-CN': '订货会', 'en-US': 'Fair' },
          synonyms: ['期货', '订货会订单'],
        },
        {
          value: 'group',
          label: { 'zh-CN': '团购', 'en-US': 'Group purchase' },
          synonyms: ['团购订单'],
        },
      ],
      // Most sales sheets have no order-type column: a line is a regular order unless it says.
      default: { value: 'normal' },
    },
    orderTypes,
  ),
  skuCode: skuRefField(),
  quantity: field.integer({
    label: { 'zh-CN': '数量', 'en-US': 'Quantity' },
    synonyms: ['订货数量', '要货数量', '订购数量', '订单数量', '件数', 'qty'],
    min: 1,
  }),
  unitPrice: field.money({
    label: { 'zh-CN': '单价', 'en-US': 'Unit price' },
    synonyms: ['价格', '经销价', '订货价', 'price'],
    // A blank price is the dealer price (the server fills it in and says so in the result).
    default: {
      from: { list: 'products', by: 'skuCode', attribute: 'dealerPrice' },
      label: { 'zh-CN': '经销价', 'en-US': 'dealer price' },
    },
  }),
  locationCode: field.code({
    label: { 'zh-CN': '发货仓', 'en-US': 'Ship from' },
    synonyms: [
      '仓库',
      '仓库编码',
      '发货仓库',
      '出库仓',
      '出库仓库',
      '库位',
      '库位编码',
      'warehouse',
      'location',
    ],
    ref: 'locations',
    refActive: true,
  }),
  requestedDate: field.date(
    {
      label: { 'zh-CN': '要求到货日期', 'en-US': 'Requested date' },
      synonyms: ['交货日期', '到货日期', '货期', 'due date'],
    },
    { required: false },
  ),
  remark: field.text(
    {
      label: { 'zh-CN': '备注', 'en-US': 'Remark' },
      synonyms: ['说明', 'note', 'notes'],
      max: 500,
    },
    { required: false },
  ),
  cancelled: field.boolean(
    { label: { 'zh-CN': '取消', 'en-US': 'Cancelled' }, synonyms: ['作废', 'cancel'] },
    { required: false },
  ),
  /** 团购 call-offs name their contract; its price applies (docs/group-buy.md). */
  contractCode: field.code(
    {
      label: { 'zh-CN': '团购合同号', 'en-US': 'Group-buy contract' },
      synonyms: ['合同号', '团购合同'],
    },
    { required: false },
  ),
  /** Where a call-off is delivered: the dealer responsible for this region is credited. */
  deliveryRegionCode: field.code(
    {
      label: { 'zh-CN': '收货区域', 'en-US': 'Delivery region' },
      synonyms: ['送货区域', '收货地区域'],
      ref: 'regions',
    },
    { required: false },
  ),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

/** What the "orders" pull gives besides the pushed values. */
export const orderLineRowSchema = orderLineSchema.extend({
  orderId: field.code({
    label: { 'zh-CN': '订单编号', 'en-US': 'Order number' },
    synonyms: ['系统单号'],
  }),
  lineId: field.code({
    label: { 'zh-CN': '订单行号', 'en-US': 'Line number' },
    synonyms: ['行号'],
  }),
  status: field.enum(
    {
      label: { 'zh-CN': '状态', 'en-US': 'Status' },
      synonyms: ['订单状态'],
      options: [
        { value: 'submitted', label: { 'zh-CN': '已提交', 'en-US': 'Submitted' } },
        { value: 'partly-shipped', label: { 'zh-CN': '部分发货', 'en-US': 'Partly shipped' } },
        { value: 'shipped', label: { 'zh-CN': '已发货', 'en-US': 'Shipped' } },
        { value: 'cancelled', label: { 'zh-CN': '已取消', 'en-US': 'Cancelled' } },
      ],
    },
    orderLineStatuses,
  ),
  shippedQuantity: field.integer({
    label: { 'zh-CN': '已发数量', 'en-US': 'Shipped quantity' },
    synonyms: ['发货数量', '已发货'],
  }),
  amount: field.money({
    label: { 'zh-CN': '金额', 'en-US': 'Amount' },
    synonyms: ['订货金额', '总额'],
  }),
});
export type OrderLineRow = z.infer<typeof orderLineRowSchema>;

export function orderLineStatus(line: {
  quantity: number;
  shippedQuantity: number;
  cancelled: boolean;
}): OrderLineStatus {
  if (line.cancelled) return 'cancelled';
  if (line.shippedQuantity <= 0) return 'submitted';
  return line.shippedQuantity >= line.quantity ? 'shipped' : 'partly-shipped';
}
