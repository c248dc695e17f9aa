// Dealer conferences, trade fairs and key-account promotions (经销商会议、展会与直营客户促销):
// the event register, who was invited and who came, the orders taken there, and the two pulls —
// results against budget, and a promotion's sell-in during against the equal window before
// (docs/dealer-support.md, "Events and promotions").
import { z } from 'zod';
import { field } from '../field';
import { label, option } from './labels';

const eventKinds = ['conference', 'fair', 'promotion'] as const;

const eventCodeField = field.code({
  label: label('活动编码', 'Event code'),
  synonyms: ['活动编号', '会议编码'],
});
const dealerField = (required: boolean) =>
  field.code(
    {
      label: label('经销商编码', 'Dealer code'),
      synonyms: ['客户编码', '直营客户'],
      ref: 'dealers',
    },
    { required },
  );

export const eventSchema = z.object({
  code: field.code({ label: label('活动编码', 'Event code'), synonyms: ['活动编号', '会议编码'] }),
  kind: field.enum(
    {
      label: label('活动类型', 'Kind'),
      synonyms: ['类型'],
      options: [
        option('conference', ['经销商会议', 'Dealer conference'], ['会议', '订货会']),
        option('fair', ['展会', 'Trade fair'], ['博览会']),
        option('promotion', ['直营客户促销', 'Key-account promotion'], ['促销', 'KA促销']),
      ],
    },
    eventKinds,
  ),
  name: field.text({ label: label('活动名称', 'Name'), synonyms: ['名称'], max: 100 }),
  startDate: field.date({ label: label('开始日期', 'Start date'), synonyms: ['开始'] }),
  endDate: field.date({ label: label('结束日期', 'End date'), synonyms: ['结束'] }),
  place: field.text(
    { label: label('地点', 'Place'), synonyms: ['举办地'], max: 100 },
    { required: false },
  ),
  dealerCode: dealerField(false),
  mechanics: field.text(
    { label: label('促销机制', 'Mechanics'), synonyms: ['促销方式', '活动内容'], max: 500 },
    { required: false },
  ),
  budget: field.money({ label: label('预算', 'Budget'), synonyms: ['费用预算'] }),
  costs: field.money(
    { label: label('实际费用', 'Costs'), synonyms: ['费用', '实际支出'] },
    { required: false },
  ),
});
export type EventValues = z.output<typeof eventSchema>;

/** A dealer invited to an event, and whether it came. */
export const eventDealerSchema = z.object({
  eventCode: eventCodeField,
  dealerCode: dealerField(true),
  attended: field.boolean(
    { label: label('已到会', 'Attended'), synonyms: ['出席', '参会'] },
    { required: false },
  ),
});

/** An order taken at an event (the order carries the event through this link). */
export const eventOrderSchema = z.object({
  eventCode: eventCodeField,
  dealerCode: dealerField(true),
  orderRef: field.code({ label: label('单号', 'Order ref'), synonyms: ['订单号'] }),
});

const money = (zh: string, en: string) =>
  field.money({ label: label(zh, en), min: -Number.MAX_SAFE_INTEGER });
const count = (zh: string, en: string) =>
  field.integer({ label: label(zh, en), min: -1_000_000_000 });

/** An event's results against its budget. */
export const eventResultSchema = eventSchema
  .pick({ code: true, kind: true, name: true, startDate: true, endDate: true, budget: true })
  .extend({
    costs: money('实际费用', 'Costs'),
    budgetLeft: money('预算余额', 'Budget left'),
    invited: count('邀请数', 'Invited'),
    attended: count('到会数', 'Attended'),
    orders: count('订单数', 'Orders'),
    ordersValue: money('订单金额', 'Orders value'),
    /** Orders value per yuan of costs, in percent (integer, rounded down); absent with no costs. */
    returnPercent: field.integer(
      { label: label('订单/费用（%）', 'Orders / costs (%)') },
      { required: false },
    ),
  });

/** A key-account promotion's sell-in during its period and the equal-length window before. */
export const promotionResultSchema = eventSchema
  .pick({ code: true, name: true, startDate: true, endDate: true, budget: true })
  .extend({
    dealerCode: dealerField(true),
    beforeFrom: field.date({ label: label('对比期自', 'Before from') }),
    beforeTo: field.date({ label: label('对比期至', 'Before to') }),
    sellInBefore: money('活动前进货额', 'Sell-in before'),
    sellInDuring: money('活动期进货额', 'Sell-in during'),
    uplift: money('增量', 'Uplift'),
    upliftPercent: field.integer(
      { label: label('增长率（%）', 'Uplift (%)'), min: -1_000_000_000 },
      { required: false },
    ),
  });
