// Demo complaints (客诉), placed around the seed's `today` so each status shows: one awaiting a
// first response, one awaiting resolution, one fulfilled, one failed (answered late and resolved
// late), and one overdue (a consumer's urgent complaint nobody has answered for three days). A
// manager's service level for the normal priority (12 h / 72 h) sits beside the defaults.
import type { Catalog } from './catalog';
import { addDays, atHour } from './calendar';
import type { Pusher } from './pusher';

const time = (date: string, hhmm: string) => `${date} ${hhmm}`;

export async function seedComplaints(pusher: Pusher, catalog: Catalog, today: string) {
  const [first, second] = catalog.dealers;
  const skuCode = catalog.products[0]?.skuCode;
  if (!first || !second || skuCode === undefined) return 0;
  const sla = { priority: 'normal', firstResponseHours: 12, resolutionHours: 72 };
  await pusher.push('complaint-slas', [{ rowKey: pusher.newKey(), values: sla }], atHour(today, 8));
  const day = (n: number) => addDays(today, -n);
  const complaints = [
    {
      openedAt: time(today, '09:00'),
      priority: 'normal',
      dealerCode: first.code,
      description: '到货 3 箱外箱破损，内件待核实',
    },
    {
      openedAt: time(day(1), '10:00'),
      priority: 'high',
      dealerCode: second.code,
      batchCode: 'B-2611-07',
      description: '同批次多件色差，终端顾客退货',
      firstResponseAt: time(day(1), '11:00'),
    },
    {
      openedAt: time(day(5), '10:00'),
      priority: 'urgent',
      dealerCode: first.code,
      batchCode: 'B-2610-21',
      description: '吊牌价格与系统不符',
      firstResponseAt: time(day(5), '11:00'),
      resolvedAt: time(day(4), '09:00'),
      rootCause: 'service',
      fix: '重新打印吊牌并补发',
    },
    {
      openedAt: time(day(10), '09:00'),
      priority: 'high',
      dealerCode: second.code,
      description: '洗后缩水严重',
      firstResponseAt: time(day(10), '15:00'),
      resolvedAt: time(day(8), '10:00'),
      rootCause: 'quality',
      fix: '整批下架返厂，经销商换货',
    },
    {
      openedAt: time(day(3), '16:00'),
      priority: 'urgent',
      consumerName: '王女士',
      consumerPhone: '13800138000',
      regionCode: 'HD',
      batchCode: 'C-0001-8812',
      description: '扫码显示非正品，怀疑假冒',
    },
  ];
  for (const values of complaints) {
    const opened = values.openedAt.split(' ')[0] ?? today;
    const row = { rowKey: pusher.newKey(), values: { ...values, skuCode } };
    await pusher.push('complaints', [row], atHour(opened, 18));
  }
  return complaints.length;
}
