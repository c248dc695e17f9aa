// The rows of the complaint datasets (客诉): the complaint log people type, its pull with the
// due times and status the server works out, the service levels per priority, and the overdue
// pull. Date-times are Asia/Shanghai wall-clock times to the minute (field.datetime).
import { z } from 'zod';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import { complaintPriorities, complaintStatuses } from './sla';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, [zh, en]: [string, string], synonyms?: string[]): FieldOption => ({
  value,
  label: label(zh, en),
  ...(synonyms ? { synonyms } : {}),
});

const priorityField = () =>
  field.enum(
    {
      label: label('优先级', 'Priority'),
      synonyms: ['紧急程度', '级别'],
      options: [
        option('urgent', ['紧急', 'Urgent'], ['特急', 'P1']),
        option('high', ['高', 'High'], ['P2']),
        option('normal', ['中', 'Normal'], ['一般', '普通', 'P3']),
        option('low', ['低', 'Low'], ['P4']),
      ],
    },
    complaintPriorities,
  );

const rootCauses = [
  'quality',
  'packaging',
  'logistics',
  'usage',
  'service',
  'counterfeit',
  'other',
] as const;

const rootCauseField = field.enum(
  {
    label: label('根因类别', 'Root cause'),
    synonyms: ['原因类别', '问题原因', '根本原因'],
    options: [
      option('quality', ['产品质量', 'Product quality'], ['质量']),
      option('packaging', ['包装', 'Packaging']),
      option('logistics', ['物流', 'Logistics'], ['运输']),
      option('usage', ['使用不当', 'Misuse'], ['使用']),
      option('service', ['服务', 'Service']),
      option('counterfeit', ['假冒或窜货', 'Counterfeit or diverted'], ['假冒', '窜货']),
      option('other', ['其他', 'Other']),
    ],
  },
  rootCauses,
  { required: false },
);

/** One complaint as the log sheet holds it. A dealer or a consumer (name) must be named. */
export const complaintSchema = z.object({
  openedAt: field.datetime({
    label: label('受理时间', 'Opened at'),
    synonyms: ['投诉时间', '登记时间', '开单时间'],
  }),
  priority: priorityField(),
  dealerCode: field.code(
    { label: label('经销商编码', 'Dealer code'), synonyms: ['客户编码'], ref: 'dealers' },
    { required: false },
  ),
  consumerName: field.text(
    { label: label('消费者姓名', 'Consumer name'), synonyms: ['投诉人', '顾客姓名'], max: 50 },
    { required: false },
  ),
  consumerPhone: field.text(
    { label: label('联系电话', 'Phone'), synonyms: ['电话', '手机'], max: 30 },
    { required: false },
  ),
  regionCode: field.code(
    { label: label('区域', 'Region'), synonyms: ['区域编码', '片区'], ref: 'regions' },
    { required: false },
  ),
  skuCode: field.code({ label: label('SKU', 'SKU'), synonyms: ['产品编码'], ref: 'products' }),
  batchCode: field.code(
    { label: label('批号/追溯码', 'Batch or code'), synonyms: ['批号', '批次', '追溯码'] },
    { required: false },
  ),
  description: field.text({
    label: label('投诉内容', 'Complaint'),
    synonyms: ['问题描述', '内容'],
    max: 2000,
  }),
  firstResponseAt: field.datetime(
    { label: label('首次响应时间', 'First response at'), synonyms: ['响应时间'] },
    { required: false },
  ),
  resolvedAt: field.datetime(
    { label: label('解决时间', 'Resolved at'), synonyms: ['结案时间', '处理完成时间'] },
    { required: false },
  ),
  rootCause: rootCauseField,
  fix: field.text(
    { label: label('处理措施', 'Fix'), synonyms: ['整改措施', '处理结果'], max: 2000 },
    { required: false },
  ),
});
export type ComplaintValues = z.output<typeof complaintSchema>;

const statusField = field.enum(
  {
    label: label('状态', 'Status'),
    options: [
      option('first-response-due', ['待首次响应', 'First response due']),
      option('resolution-due', ['待解决', 'Resolution due']),
      option('fulfilled', ['已达成', 'Fulfilled']),
      option('failed', ['已超时', 'Failed']),
    ],
  },
  complaintStatuses,
);

const stageField = (required: boolean) =>
  field.enum(
    {
      label: label('超时环节', 'Missed'),
      options: [
        option('first-response', ['首次响应', 'First response']),
        option('resolution', ['解决', 'Resolution']),
      ],
    },
    ['first-response', 'resolution'],
    { required },
  );

const idField = field.code({ label: label('客诉单号', 'Complaint no.'), synonyms: ['单号'] });

/** The log as pulled: the typed columns plus the due times and the status as of the pull. */
export const complaintPullSchema = complaintSchema.extend({
  id: idField,
  firstResponseDueAt: field.datetime({ label: label('响应时限', 'First response due') }),
  resolutionDueAt: field.datetime({ label: label('解决时限', 'Resolution due') }),
  status: statusField,
  missed: stageField(false),
});

/** One service level: a priority's first-response and resolution hours (客诉时效). */
export const complaintSlaSchema = z.object({
  priority: priorityField(),
  firstResponseHours: field.integer({
    label: label('首次响应时限（小时）', 'First response (hours)'),
    synonyms: ['响应时限'],
    min: 1,
  }),
  resolutionHours: field.integer({
    label: label('解决时限（小时）', 'Resolution (hours)'),
    synonyms: ['解决时限'],
    min: 1,
  }),
});

/** An open complaint past a due time it has not met, as of the pull. */
export const complaintOverdueSchema = z.object({
  id: idField,
  openedAt: complaintSchema.shape.openedAt,
  priority: priorityField(),
  dealerCode: complaintSchema.shape.dealerCode,
  consumerName: complaintSchema.shape.consumerName,
  regionCode: complaintSchema.shape.regionCode,
  skuCode: complaintSchema.shape.skuCode,
  missed: stageField(true),
  dueAt: field.datetime({ label: label('时限', 'Due at') }),
  hoursOverdue: field.integer({ label: label('超时小时数', 'Hours overdue') }),
  asOf: field.datetime({ label: label('统计时间', 'As of') }),
});
