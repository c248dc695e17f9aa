// Stock movements (入库, 发货, 调拨, 调整) pushed by warehouse staff, and the per location × SKU
// balances pulled as "stock". The server keeps movements as an append-only ledger.
import { z } from 'zod';
import { field } from './field';
import { skuRefField } from './product';

const date = field.date({
  label: { 'zh-CN': '日期', 'en-US': 'Date' },
  synonyms: ['业务日期', '单据日期', '入库日期', '发货日期', '调拨日期', 'date'],
});
const sku = skuRefField();
const location = field.code({
  label: { 'zh-CN': '库位编码', 'en-US': 'Location code' },
  synonyms: ['仓库', '仓库编码', '库位', 'warehouse', 'location'],
  ref: 'locations',
  refActive: true,
});
const remark = field.text(
  { label: { 'zh-CN': '备注', 'en-US': 'Remark' }, synonyms: ['说明', 'note'], max: 500 },
  { required: false },
);
const quantity = field.integer({
  label: { 'zh-CN': '数量', 'en-US': 'Quantity' },
  synonyms: ['件数', 'qty'],
  min: 1,
});

/** 入库: goods received into a location (from production or a supplier). */
export const goodsReceiptSchema = z.object({
  ref: field.code(
    { label: { 'zh-CN': '入库单号', 'en-US': 'Receipt ref' }, synonyms: ['单号', '入库单'] },
    { required: false },
  ),
  date,
  locationCode: location,
  skuCode: sku,
  quantity,
  remark,
});

/** 发货: a shipment against an order line; reserved and on-hand stock fall together. */
export const shipmentSchema = z.object({
  date,
  lineId: field.code({
    label: { 'zh-CN': '订单行号', 'en-US': 'Order line' },
    synonyms: ['订单行', '行号', '订单编号', 'order line'],
    ref: 'orders',
  }),
  quantity: field.integer({
    label: { 'zh-CN': '发货数量', 'en-US': 'Quantity shipped' },
    synonyms: ['数量', '实发数量', 'qty'],
    min: 1,
  }),
  waybill: field.text(
    {
      label: { 'zh-CN': '运单号', 'en-US': 'Waybill' },
      synonyms: ['快递单号', '物流单号'],
      max: 50,
    },
    { required: false },
  ),
  remark,
});
export type Shipment = z.infer<typeof shipmentSchema>;

/** 调拨: stock moves between locations, in transit until the receiving side signs for it. */
export const transferSchema = z.object({
  ref: field.code(
    { label: { 'zh-CN': '调拨单号', 'en-US': 'Transfer ref' }, synonyms: ['单号', '调拨单'] },
    { required: false },
  ),
  date,
  fromLocationCode: field.code({
    label: { 'zh-CN': '调出库位', 'en-US': 'From location' },
    synonyms: ['调出仓', '调出仓库', 'from'],
    ref: 'locations',
    refActive: true,
  }),
  toLocationCode: field.code({
    label: { 'zh-CN': '调入库位', 'en-US': 'To location' },
    synonyms: ['调入仓', '调入仓库', 'to'],
    ref: 'locations',
    refActive: true,
  }),
  skuCode: sku,
  quantity,
  receivedDate: field.date(
    {
      label: { 'zh-CN': '签收日期', 'en-US': 'Received on' },
      synonyms: ['到货日期', '收货日期', 'received'],
    },
    { required: false },
  ),
  remark,
});
export type Transfer = z.infer<typeof transferSchema>;

const adjustmentReasons = ['stocktake', 'damage', 'found', 'sample', 'return', 'other'] as const;

/** 调整: a signed correction with a reason (盘点 differences, damage…). */
export const adjustmentSchema = z.object({
  date,
  locationCode: location,
  skuCode: sku,
  quantity: field.integer({
    label: { 'zh-CN': '调整数量', 'en-US': 'Quantity change' },
    synonyms: ['数量', '差异数量', 'qty'],
    min: -1_000_000_000,
    check: { test: (q) => q !== 0, error: 'invalid-value' },
  }),
  reason: field.enum(
    {
      label: { 'zh-CN': '原因', 'en-US': 'Reason' },
      synonyms: ['调整原因', '原因类型'],
      options: [
        {
          value: 'stocktake',
          label: { 'zh-CN': '盘点差异', 'en-US': 'Stocktake' },
          synonyms: ['盘点', '盘盈', '盘亏'],
        },
        {
          value: 'damage',
          label: { 'zh-CN': '损坏', 'en-US': 'Damage' },
          synonyms: ['破损', '残次'],
        },
        { value: 'found', label: { 'zh-CN': '找到', 'en-US': 'Found' } },
        {
          value: 'sample',
          label: { 'zh-CN': '样品', 'en-US': 'Sample' },
          synonyms: ['样衣', '调板'],
        },
        { value: 'return', label: { 'zh-CN': '退货', 'en-US': 'Return' }, synonyms: ['客户退货'] },
        { value: 'other', label: { 'zh-CN': '其他', 'en-US': 'Other' } },
      ],
    },
    adjustmentReasons,
  ),
  remark,
});

const count = (zh: string, en: string, synonyms: string[] = []) =>
  field.integer({ label: { 'zh-CN': zh, 'en-US': en }, synonyms, min: -1_000_000_000 });

/** One row of the "stock" pull: a location × SKU balance. */
export const stockRowSchema = z.object({
  locationCode: location,
  skuCode: sku,
  productName: field.text({
    label: { 'zh-CN': '产品名称', 'en-US': 'Product name' },
    synonyms: ['品名'],
  }),
  styleCode: field.code({ label: { 'zh-CN': '款号', 'en-US': 'Style' } }),
  colour: field.text({ label: { 'zh-CN': '颜色', 'en-US': 'Colour' } }),
  size: field.text({ label: { 'zh-CN': '尺码', 'en-US': 'Size' } }),
  onHand: count('在库', 'On hand', ['库存', '现有库存', '实物库存']),
  reserved: count('已预留', 'Reserved', ['占用', '预留']),
  inTransit: count('在途', 'In transit', ['在途库存']),
  available: count('可用', 'Available', ['可用库存', '可销库存']),
  safetyStock: count('安全库存', 'Safety stock'),
  belowSafety: field.boolean({
    label: { 'zh-CN': '低于安全库存', 'en-US': 'Below safety' },
    synonyms: ['缺货预警'],
  }),
});
export type StockRow = z.infer<typeof stockRowSchema>;
