// The rows of the sales office's front line: calls and visits (来电/来访) typed by consultants,
// shifts (班次), shift assignments (排班), check-ins and check-outs (打卡) and the front desk's
// receptions (轮岗接待). Times people type are Asia/Shanghai wall-clock to the minute; shift
// times are 'HH:mm' and thresholds minutes (docs/estate-roster.md).
import { z } from 'zod';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import { statusField } from '../status';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, zh: string, en: string, synonyms: string[] = []): FieldOption => ({
  value,
  label: label(zh, en),
  synonyms,
});
const optional = { required: false } as const;
const text = (zh: string, en: string, synonyms: string[] = [], max = 100) =>
  field.text({ label: label(zh, en), synonyms, max }, optional);
const minutes = (zh: string, en: string, synonyms: string[] = []) =>
  field.integer({ label: label(zh, en), synonyms, min: 0 });

/** 'HH:mm', 00:00–23:59. */
const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Minutes after midnight of an 'HH:mm' time. */
export function clockMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}
const clock = (zh: string, en: string, synonyms: string[]) =>
  field.text({
    label: label(zh, en),
    synonyms,
    max: 5,
    check: { test: (v) => CLOCK_PATTERN.test(v), error: 'invalid-value' },
  });

/** The consultant a row is about; a consultant (sales) may leave it blank for themselves. */
const consultantMeta = { label: label('置业顾问', 'Consultant'), synonyms: ['顾问', '销售'] };
const consultantField = field.code(consultantMeta, optional);
/** Pulled rows always name their consultant. */
const pulledConsultant = field.code(consultantMeta);

const visitKinds = ['call', 'visit'] as const;

/** 来电/来访: one call or visit from a customer, typed by the consultant who took it. */
export const visitSchema = z.object({
  at: field.datetime({ label: label('时间', 'Time'), synonyms: ['来访时间', '来电时间'] }),
  projectCode: field.code({
    label: label('项目编码', 'Project code'),
    synonyms: ['项目'],
    ref: 'estate-projects',
  }),
  consultant: consultantField,
  kind: field.enum(
    {
      label: label('类型', 'Kind'),
      synonyms: ['来电/来访'],
      options: [option('call', '来电', 'Call'), option('visit', '来访', 'Visit', ['到访'])],
    },
    visitKinds,
  ),
  customerName: text('客户姓名', 'Customer', ['客户'], 50),
  customerPhone: text('客户电话', 'Customer phone', ['电话', '手机'], 30),
  channel: text('来源渠道', 'Source channel', ['渠道', '来源'], 50),
  notes: text('备注', 'Notes', ['说明'], 500),
});
export const visitPullSchema = visitSchema.extend({ consultant: pulledConsultant });

/** 班次: working hours, the late grace and the hours a day needs (minutes) to count. */
export const shiftSchema = z.object({
  code: field.code({ label: label('班次编码', 'Shift code'), synonyms: ['班次'] }),
  name: field.text({ label: label('班次名称', 'Shift name'), max: 50 }),
  start: clock('上班时间', 'Start', ['开始时间']),
  end: clock('下班时间', 'End', ['结束时间']),
  lateGraceMinutes: minutes('迟到宽限(分钟)', 'Late grace (minutes)', ['宽限分钟']),
  halfDayMinutes: minutes('半天阈值(分钟)', 'Half-day threshold (minutes)', ['半天工时']),
  absentMinutes: minutes('缺勤阈值(分钟)', 'Absent threshold (minutes)', ['缺勤工时']),
  status: statusField(),
});

/** 排班: a consultant works a shift every day from one date to another (inclusive). */
export const assignmentSchema = z.object({
  consultant: field.code({ label: label('置业顾问', 'Consultant'), synonyms: ['顾问'] }),
  shiftCode: field.code({
    label: label('班次编码', 'Shift code'),
    synonyms: ['班次'],
    ref: 'estate-shifts',
  }),
  fromDate: field.date({ label: label('开始日期', 'From'), synonyms: ['起始日期'] }),
  toDate: field.date({ label: label('结束日期', 'To'), synonyms: ['截止日期'] }),
});

const punchDirections = ['in', 'out'] as const;
/** 打卡: a check-in or check-out, typed or imported from the time clock's export. */
export const checkInSchema = z.object({
  consultant: consultantField,
  at: field.datetime({ label: label('打卡时间', 'Time'), synonyms: ['时间'] }),
  direction: field.enum(
    {
      label: label('签到/签退', 'In/out'),
      synonyms: ['类型'],
      options: [option('in', '签到', 'In', ['上班']), option('out', '签退', 'Out', ['下班'])],
    },
    punchDirections,
  ),
});
export const checkInPullSchema = checkInSchema.extend({ consultant: pulledConsultant });

/** 接待: the front desk starts one (the server names the consultant) and ends it. */
export const receptionSchema = z.object({
  projectCode: field.code({
    label: label('项目编码', 'Project code'),
    synonyms: ['项目'],
    ref: 'estate-projects',
  }),
  customerName: text('客户姓名', 'Customer', ['客户'], 50),
  ended: field.boolean({ label: label('接待结束', 'Ended'), synonyms: ['结束'] }, optional),
});
export const receptionPullSchema = receptionSchema.extend({
  consultant: field.code({ label: label('置业顾问', 'Consultant') }),
  startedAt: field.datetime({ label: label('开始时间', 'Started') }),
  endedAt: field.datetime({ label: label('结束时间', 'Ended at') }, optional),
});

export type VisitValues = z.output<typeof visitSchema>;
