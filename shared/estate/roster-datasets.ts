// The sales office's front-line datasets, each declared once (docs/adding-a-dataset.md): calls
// and visits, shifts, shift assignments, check-ins, receptions, and three computed pulls — the
// weekly summary, attendance per day and consultant, and the reception queue (docs/estate-roster.md).
import { z } from 'zod';
import { defineDataset, type DatasetDef } from '../dataset-def';
import { field } from '../field';
import type { Label } from '../locale';
import { managers, type Role } from '../roles';
import { dailyReportRowSchema } from './datasets';
import {
  assignmentSchema,
  checkInPullSchema,
  checkInSchema,
  receptionPullSchema,
  receptionSchema,
  shiftSchema,
  visitPullSchema,
  visitSchema,
} from './roster-rows';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const sellers: readonly Role[] = ['admin', 'manager', 'sales'];
const office: readonly Role[] = ['admin', 'manager', 'sales', 'finance', 'analyst'];
const optional = { required: false } as const;
const count = (zh: string, en: string) => field.integer({ label: label(zh, en) });

export const estateVisitsDataset = defineDataset({
  name: 'estate-visits',
  label: label('来电来访', 'Calls and visits'),
  push: { schema: visitSchema, roles: sellers },
  pull: { schema: visitPullSchema, roles: office },
});

const estateShiftsDataset = defineDataset({
  name: 'estate-shifts',
  label: label('班次', 'Shifts'),
  push: { schema: shiftSchema, roles: managers },
  pull: { schema: shiftSchema, roles: office },
  naturalKey: 'code',
  list: {
    nameField: 'name',
    attributes: ['start', 'end', 'lateGraceMinutes', 'halfDayMinutes', 'absentMinutes'],
    unknownCode: 'estate-shift-unknown',
  },
});

export const estateAssignmentsDataset = defineDataset({
  name: 'estate-shift-assignments',
  label: label('排班', 'Shift assignments'),
  push: { schema: assignmentSchema, roles: managers },
  pull: { schema: assignmentSchema, roles: office },
});

export const estateCheckInsDataset = defineDataset({
  name: 'estate-check-ins',
  label: label('考勤打卡', 'Check-ins'),
  push: { schema: checkInSchema, roles: sellers },
  pull: { schema: checkInPullSchema, roles: office },
});

export const estateReceptionsDataset = defineDataset({
  name: 'estate-receptions',
  label: label('接待登记', 'Receptions'),
  push: { schema: receptionSchema, roles: sellers },
  pull: { schema: receptionPullSchema, roles: office },
});

/** 周报: the daily report's figures per ISO week × project × consultant, and 去化率 at week end. */
const weeklyRowSchema = dailyReportRowSchema.omit({ period: true }).extend({
  week: field.text({ label: label('周次', 'Week'), max: 10 }),
  sellThroughBp: field.integer(
    { label: label('周末去化率(万分比)', 'Sell-through at week end (bp)') },
    optional,
  ),
});

export const estateWeeklyDataset = defineDataset({
  name: 'estate-weekly',
  label: label('销售周报', 'Weekly summary'),
  pull: { schema: weeklyRowSchema, roles: office, filters: ['from', 'to'] },
});

/** 考勤: one row per consultant and day of their shift assignments. */
const attendanceRowSchema = z.object({
  date: field.date({ label: label('日期', 'Date') }),
  consultant: field.code({ label: label('置业顾问', 'Consultant') }),
  shiftCode: field.code({ label: label('班次编码', 'Shift code') }),
  firstIn: field.datetime({ label: label('首次签到', 'First in') }, optional),
  lastOut: field.datetime({ label: label('最后签退', 'Last out') }, optional),
  workedMinutes: count('工作时长(分钟)', 'Worked (minutes)'),
  lateMinutes: count('迟到(分钟)', 'Late (minutes)'),
  earlyExitMinutes: count('早退(分钟)', 'Early exit (minutes)'),
  status: field.enum(
    {
      label: label('出勤状态', 'Status'),
      options: [
        { value: 'present', label: label('出勤', 'Present') },
        { value: 'half-day', label: label('半天', 'Half Day') },
        { value: 'absent', label: label('缺勤', 'Absent') },
      ],
    },
    ['present', 'half-day', 'absent'],
  ),
});

export const estateAttendanceDataset = defineDataset({
  name: 'estate-attendance',
  label: label('考勤日报', 'Attendance'),
  pull: { schema: attendanceRowSchema, roles: office, filters: ['from', 'to'] },
});

/** 轮岗接待: who is on shift today, busy or free, receptions so far, and the order of the queue. */
const receptionQueueRowSchema = z.object({
  date: field.date({ label: label('日期', 'Date') }),
  consultant: field.code({ label: label('置业顾问', 'Consultant') }),
  shiftCode: field.code({ label: label('班次编码', 'Shift code') }),
  onDuty: field.boolean({ label: label('在岗', 'On duty') }),
  busy: field.boolean({ label: label('接待中', 'Busy') }),
  receptions: count('接待组数', 'Receptions'),
  idleSince: field.datetime({ label: label('空闲起始', 'Free since') }, optional),
  position: count('轮候顺序', 'Queue position'),
});

export const estateReceptionQueueDataset = defineDataset({
  name: 'estate-reception-queue',
  label: label('轮岗接待', 'Reception queue'),
  pull: { schema: receptionQueueRowSchema, roles: office, filters: ['to'] },
});

export const estateRosterDatasets: readonly DatasetDef[] = [
  estateVisitsDataset,
  estateShiftsDataset,
  estateAssignmentsDataset,
  estateCheckInsDataset,
  estateReceptionsDataset,
  estateWeeklyDataset,
  estateAttendanceDataset,
  estateReceptionQueueDataset,
];
