// The rows of the sales office's datasets: projects → buildings → units, and the three sales
// documents (小订 hold, 认购 subscription, 签约 contract). Areas are integers in 0.01 m², unit
// prices in fen per m², money in fen, discounts in basis points (shared/estate/pricing.ts).
import { z } from 'zod';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import { statusField } from '../status';
import { paymentMethods } from './pricing';
import { unitStatusLabels, unitStatuses } from './unit-status';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, zh: string, en: string, synonyms: string[] = []): FieldOption => ({
  value,
  label: label(zh, en),
  synonyms,
});
const optional = { required: false } as const;
const code = (zh: string, en: string, synonyms: string[] = [], ref?: string) =>
  field.code({ label: label(zh, en), synonyms, ...(ref ? { ref } : {}) });
const text = (zh: string, en: string, synonyms: string[] = [], max = 100) =>
  field.text({ label: label(zh, en), synonyms, max }, optional);
const area = (zh: string, en: string, synonyms: string[]) =>
  field.integer({ label: label(zh, en), synonyms, min: 1 });
const money = (zh: string, en: string, synonyms: string[] = []) =>
  field.money({ label: label(zh, en), synonyms }, optional);

/** 项目: a development; `holdDays` is how long a 小订 keeps a unit before it returns to 可售. */
export const projectSchema = z.object({
  code: code('项目编码', 'Project code', ['项目代码']),
  name: field.text({ label: label('项目名称', 'Project name'), synonyms: ['项目'], max: 100 }),
  holdDays: field.integer({
    label: label('小订保留天数', 'Hold days'),
    synonyms: ['小订天数'],
    min: 1,
  }),
  status: statusField(),
});

/** 楼栋: a building of a project. */
export const buildingSchema = z.object({
  code: code('楼栋编码', 'Building code', ['楼栋代码']),
  projectCode: code('项目编码', 'Project code', ['项目'], 'estate-projects'),
  name: field.text({ label: label('楼栋', 'Building'), synonyms: ['栋', '楼号'], max: 50 }),
  status: statusField(),
});

// One option per status, in the table's order (the enum builder wants a tuple of that length).
type OptionsOf<T extends readonly unknown[]> = { readonly [K in keyof T]: FieldOption };
type StatusOptions = OptionsOf<typeof unitStatuses>;
const statusOptions = unitStatuses.map((s) =>
  option(s, unitStatusLabels[s]['zh-CN'], unitStatusLabels[s]['en-US']),
) as unknown as StatusOptions;

/** 房源: one flat, and its place on the 销控表. */
export const unitSchema = z.object({
  code: code('房源编码', 'Unit code', ['房号编码', '房源']),
  buildingCode: code('楼栋编码', 'Building code', ['楼栋', '栋'], 'estate-buildings'),
  entrance: text('单元', 'Entrance', ['单元号'], 10),
  floor: field.integer({ label: label('楼层', 'Floor'), synonyms: ['层'], min: -10 }),
  room: field.text({ label: label('房号', 'Room'), synonyms: ['室号'], max: 20 }),
  grossArea: area('建筑面积', 'Gross area', ['建面', '建筑面积(㎡)']),
  netArea: area('套内面积', 'Net area', ['套内', '套内面积(㎡)']),
  layout: text('户型', 'Layout', ['户型结构'], 30),
  orientation: text('朝向', 'Orientation', [], 20),
  listUnitPrice: field.money({ label: label('表价单价', 'List price per m²'), synonyms: ['单价'] }),
  status: field.enum(
    { label: label('销控状态', 'Status'), synonyms: ['状态'], options: statusOptions },
    unitStatuses,
  ),
  reserveReason: text('保留原因', 'Hold-back reason', ['销控原因']),
  reserveUntil: field.date({ label: label('保留至', 'Held back until') }, optional),
});
export const unitPullSchema = unitSchema.extend({
  projectCode: code('项目编码', 'Project code'),
  listTotal: field.money({ label: label('表价总价', 'List total'), synonyms: ['总价'] }),
});

const cancelOptions = [
  option('release', '取消小订', 'Cancel hold'),
  option('withdraw', '退订', 'Withdraw'),
  option('exit', '退房', 'Cancel contract'),
  option('swap', '换房', 'Swap'),
] as const;
const cancelKinds = ['release', 'withdraw', 'exit', 'swap'] as const;
export type CancelKind = (typeof cancelKinds)[number];
const cancelFields = {
  cancel: field.enum(
    { label: label('撤销', 'Cancel'), synonyms: ['退订/退房'], options: [...cancelOptions] },
    cancelKinds,
    optional,
  ),
  cancelReason: text('撤销原因', 'Cancel reason', ['退订原因', '退房原因']),
};
const documentPullFields = {
  id: code('单号', 'Document'),
  state: field.enum(
    {
      label: label('单据状态', 'State'),
      options: [
        option('active', '有效', 'Active'),
        option('converted', '已转', 'Converted'),
        option('expired', '已过期', 'Expired'),
        option('cancelled', '已撤销', 'Cancelled'),
      ],
    },
    ['active', 'converted', 'expired', 'cancelled'],
  ),
  consultant: code('置业顾问', 'Consultant'),
  projectCode: code('项目编码', 'Project code'),
};

/** 小订/预留: a small deposit that keeps a unit for the project's hold days. */
export const holdSchema = z.object({
  unitCode: code('房源编码', 'Unit code', ['房源', '房号']),
  buyerName: field.text({
    label: label('客户姓名', 'Buyer'),
    synonyms: ['客户', '购房人'],
    max: 50,
  }),
  buyerPhone: text('联系电话', 'Phone', ['电话', '手机'], 30),
  deposit: money('小订金', 'Hold deposit', ['诚意金']),
  ...cancelFields,
});
export const holdPullSchema = holdSchema.extend({
  ...documentPullFields,
  holdDate: field.date({ label: label('小订日期', 'Hold date') }),
  expiresAt: text('到期时间', 'Expires at'),
});

const methodOptions = [
  option('lump-sum', '一次性', 'Lump sum', ['一次性付款', '全款']),
  option('mortgage', '按揭', 'Mortgage', ['商贷', '公积金']),
  option('instalments', '分期', 'Instalments', ['分期付款']),
] as const;

/** 认购: the unit, the buyers, the price and the payment schedule that must sum to it. */
export const subscriptionSchema = z.object({
  unitCode: code('房源编码', 'Unit code', ['房源', '房号']),
  buyerName: field.text({
    label: label('客户姓名', 'Buyer'),
    synonyms: ['客户', '购房人'],
    max: 50,
  }),
  buyerIdNumber: field.text({
    label: label('证件号码', 'ID number'),
    synonyms: ['身份证号'],
    max: 30,
  }),
  buyerPhone: text('联系电话', 'Phone', ['电话', '手机'], 30),
  coBuyers: text('共有人', 'Co-buyers', ['其他购房人']),
  unitPrice: field.money({ label: label('成交单价', 'Unit price'), synonyms: ['单价'] }, optional),
  discountBp: field.integer(
    { label: label('折扣(万分比)', 'Discount (bp)'), synonyms: ['折扣'], min: 1 },
    optional,
  ),
  price: money('成交总价', 'Price', ['总价', '房款']),
  paymentMethod: field.enum(
    { label: label('付款方式', 'Payment method'), options: [...methodOptions] },
    paymentMethods,
  ),
  deposit: money('定金', 'Deposit', ['认购金']),
  downPayment: money('首付', 'Down payment', ['首期款']),
  loanAmount: money('贷款', 'Loan', ['按揭贷款', '贷款金额']),
  instalments: money('分期款', 'Instalments', ['分期金额']),
  ...cancelFields,
});
export const subscriptionPullSchema = subscriptionSchema.extend({
  ...documentPullFields,
  subscribeDate: field.date({ label: label('认购日期', 'Subscription date') }),
  grossArea: area('建筑面积', 'Gross area', []),
  unitPrice: field.money({ label: label('成交单价', 'Unit price') }),
  discountBp: field.integer({ label: label('折扣(万分比)', 'Discount (bp)'), min: 1 }),
  price: field.money({ label: label('成交总价', 'Price') }),
});

const stageOptions = [
  option('contracted', '签约', 'Signed'),
  option('filed', '备案', 'Filed'),
  option('paid', '回款完成', 'Fully paid'),
] as const;

const stageField = (opt?: typeof optional) =>
  field.enum(
    { label: label('合同阶段', 'Stage'), options: [...stageOptions] },
    ['contracted', 'filed', 'paid'],
    opt,
  );

/** 签约: a contract made from a subscription, with the same figures. */
export const contractSchema = z.object({
  subscriptionId: code('认购单号', 'Subscription', ['认购单']),
  signDate: field.date({ label: label('签约日期', 'Signing date'), synonyms: ['签约时间'] }),
  stage: stageField(optional),
  ...cancelFields,
});
export const contractPullSchema = subscriptionPullSchema
  .omit({ subscribeDate: true, cancel: true, cancelReason: true })
  .extend(contractSchema.shape)
  .extend({ stage: stageField() });
