// Row schemas of the computed analysis pulls: flat, pivot-ready, one grain per row
// kind. Money is fen, rates are basis points (10000 = 100 %) so every column stays a whole
// number; the add-in shows money as yuan.
import { z } from 'zod';
import { dealerSchema } from '../dealer';
import { choiceField, field, optionsOf } from '../field';
import { orderLineSchema } from '../order';
import { col, dims, label } from './dataset-fields';

type Choice<V extends string> = readonly [value: V, zh: string, en: string];

/** A two-valued row kind (ordered/shipped, line/dealer…) with its labels. */
function kindOf<const A extends string, const B extends string>(a: Choice<A>, b: Choice<B>) {
  return field.enum(
    {
      label: label('类型', 'Kind'),
      synonyms: ['行类型'],
      options: [
        { value: a[0], label: label(a[1], a[2]) },
        { value: b[0], label: label(b[1], b[2]) },
      ],
    },
    [a[0], b[0]] as const,
  );
}

/**
 * 销售明细: one row per ordered line, one per shipment and one per posted return line (退货,
 * negative quantity and amount at the price the return credits). Net sell-in is shipped +
 * returned (docs/returns.md).
 */
export const salesFactSchema = z.object({
  kind: field.enum(
    {
      label: label('类型', 'Kind'),
      synonyms: ['行类型'],
      options: [
        { value: 'ordered', label: label('订货', 'Ordered') },
        { value: 'shipped', label: label('发货', 'Shipped') },
        { value: 'returned', label: label('退货', 'Returned') },
      ],
    },
    ['ordered', 'shipped', 'returned'] as const,
  ),
  date: col.date('日期', 'Date', ['业务日期']),
  year: dims.year(),
  quarter: dims.quarter(),
  month: dims.month(),
  week: col.text('周（ISO）', 'ISO week', ['周', '周次']),
  regionCode: dims.regionCode(),
  regionName: dims.regionName(),
  parentRegionCode: col.code('上级区域', 'Parent region', ['大区']),
  parentRegionName: col.text('上级区域名称', 'Parent region name', ['大区名称']),
  dealerCode: dims.dealerCode(),
  dealerName: dims.dealerName(),
  grade: col.text('等级', 'Grade', ['客户等级']),
  channel: choiceField(label('渠道', 'Channel'), optionsOf(dealerSchema.shape.channel)),
  skuCode: dims.skuCode(),
  styleCode: dims.styleCode(),
  colour: dims.colour(),
  size: dims.size(),
  category: dims.category(),
  quantity: col.count('数量', 'Quantity', ['件数']),
  amount: col.money('金额', 'Amount', ['销售额']),
  orderType: choiceField(
    label('订单类型', 'Order type'),
    optionsOf(orderLineSchema.shape.orderType),
  ),
  orderLineId: col.code('订单行号', 'Order line'),
  locationCode: dims.locationCode(),
  attributedDealerCode: col.code('业绩归属经销商', 'Credited dealer', ['归属经销商']),
});

/** 任务分解: monthly target per region and per dealer. */
export const targetSplitSchema = z.object({
  year: dims.year(),
  month: dims.month(),
  quarter: dims.quarter(),
  level: dims.level(),
  code: col.code('编码', 'Code'),
  name: col.text('名称', 'Name'),
  parentCode: col.code('上级编码', 'Parent code', ['所属区域']),
  amount: col.money('任务金额', 'Target', ['目标金额', '任务']),
  basis: col.text('分解依据', 'Split basis'),
});

/** 任务达成: per month and year to date. */
export const achievementRowSchema = z.object({
  year: dims.year(),
  month: dims.month(),
  scope: kindOf(['month', '当月', 'Month'], ['ytd', '年累计', 'Year to date']),
  level: dims.level(),
  code: col.code('编码', 'Code'),
  name: col.text('名称', 'Name'),
  target: col.money('任务', 'Target', ['目标']),
  actual: col.money('实际发货', 'Actual (shipped)', ['实际', '完成']),
  variance: col.money('差额', 'Variance', ['差异']),
  rateBp: col.count('达成率（基点）', 'Achievement (bp)', ['达成率']),
});

/** 客户分级结果: one row per period and dealer, kept with history. */
export const dealerGradeSchema = z.object({
  period: col.code('期间', 'Period'),
  dealerCode: dims.dealerCode(),
  dealerName: dims.dealerName(),
  schemeCode: col.code('评分方案', 'Scheme'),
  funds: col.count('资金（×10）', 'Funds (×10)'),
  credit: col.count('信用（×10）', 'Credit (×10)'),
  brandAwareness: col.count('品牌意识（×10）', 'Brand awareness (×10)'),
  sales: col.count('销量（×10）', 'Sales (×10)'),
  cooperation: col.count('配合度（×10）', 'Cooperation (×10)'),
  total: col.count('总分（×10）', 'Total (×10)'),
  grade: col.text('等级', 'Grade'),
  previousGrade: col.text('上期等级', 'Previous grade'),
  changed: col.flag('等级变化', 'Grade changed'),
  shippedAmount: col.money('期间发货额', 'Shipped in period'),
});

/** 加单/补单建议与库存异常. */
export const replenishmentRowSchema = z.object({
  locationCode: dims.locationCode(),
  skuCode: dims.skuCode(),
  styleCode: dims.styleCode(),
  category: dims.category(),
  onHand: col.count('在库', 'On hand'),
  available: col.count('可用', 'Available'),
  inbound: col.count('在途', 'Inbound'),
  backorders: col.count('欠货', 'Backorders'),
  shippedInWindow: col.count('期间发货', 'Shipped in window'),
  windowDays: col.count('统计天数', 'Window (days)'),
  position: col.count('库存头寸', 'Position'),
  coverDaysX10: col.count('可售天数（×10）', 'Cover days (×10)'),
  leadTimeDays: col.count('补货周期（天）', 'Lead time (days)'),
  safetyStock: col.count('安全库存', 'Safety stock'),
  packSize: col.count('包装数', 'Pack size'),
  suggestedQuantity: col.count('建议补货', 'Suggested quantity', ['建议数量']),
  daysSinceMovement: col.count('未动天数', 'Days since movement'),
  stockAgeDaysX10: col.count('平均库龄（天×10）', 'Average stock age (days ×10)'),
  short: col.flag('缺货', 'Short'),
  overstock: col.flag('积压', 'Overstock'),
  slowMover: col.flag('滞销', 'Slow mover'),
  /** Which rule made the suggestion, and its formula with this row's numbers (docs/sell-out.md). */
  rule: field.enum(
    {
      label: label('补货规则', 'Rule'),
      options: [
        { value: 'rate', label: label('按销售速度', 'Sales rate') },
        { value: 'reorder-level', label: label('再订货点', 'Reorder level') },
        { value: 'min-max', label: label('最小最大库存', 'Min / max') },
      ],
    },
    ['rate', 'reorder-level', 'min-max'],
    { required: false },
  ),
  ruleReason: col.text('规则依据', 'Why'),
});

/** 订货会指导: a style summary per dealer, and its colour/size lines. */
export const fairGuidanceRowSchema = z.object({
  kind: kindOf(['style', '款式汇总', 'Style'], ['size', '颜色尺码', 'Colour/size']),
  dealerCode: dims.dealerCode(),
  dealerName: dims.dealerName(),
  styleCode: dims.styleCode(),
  colour: dims.colour(),
  size: dims.size(),
  lastSeasonSellIn: col.count('上季进货', 'Last season sell-in'),
  sellThroughBp: col.count('售罄率（基点）', 'Sell-through (bp)'),
  lastSeasonSold: col.count('上季销量', 'Last season sold'),
  soldReported: col.flag('有销存报表', 'Sell-out reported'),
  growthBp: col.count('计划增长（基点）', 'Planned growth (bp)'),
  plannedUnits: col.count('计划销售', 'Planned sales'),
  targetSellThroughBp: col.count('目标售罄率（基点）', 'Target sell-through (bp)'),
  carryOverStock: col.count('结转库存', 'Carry-over stock'),
  usableCarryOverBp: col.count('可用比例（基点）', 'Usable (bp)'),
  carryOver: col.count('可用结转', 'Carry-over'),
  demandUnits: col.count('需求数量', 'Demand units'),
  packSize: col.count('包装数', 'Pack size'),
  suggestedUnits: col.count('建议订货', 'Suggested units', ['建议数量']),
  actualFairUnits: col.count('实际订货会订货', 'Actual fair order'),
  deviationBp: col.count('偏差（基点）', 'Deviation (bp)'),
  flagged: col.flag('偏差超限', 'Off by more than 20 %'),
});

/** 订单回货差异: per order line, and rolled up per dealer. */
export const deliveryVarianceSchema = z.object({
  kind: kindOf(['line', '订单行', 'Line'], ['dealer', '经销商汇总', 'Dealer']),
  dealerCode: dims.dealerCode(),
  dealerName: dims.dealerName(),
  regionCode: dims.regionCode(),
  orderLineId: col.code('订单行号', 'Order line'),
  orderDate: col.date('订单日期', 'Order date'),
  requestedDate: col.date('要求到货日期', 'Requested date'),
  skuCode: dims.skuCode(),
  lines: col.count('行数', 'Lines'),
  ordered: col.count('订货数量', 'Ordered'),
  shipped: col.count('已发数量', 'Shipped'),
  short: col.count('欠发数量', 'Short'),
  fillRateBp: col.count('满足率（基点）', 'Fill rate (bp)'),
  lastShipmentDate: col.date('最后发货日期', 'Last shipment'),
  daysLate: col.count('延迟天数', 'Days late'),
  lateLines: col.count('延迟行数', 'Late lines'),
  asOf: col.date('统计日期', 'As of'),
});
