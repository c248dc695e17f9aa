// The commission datasets (docs/estate.md, "Commission"): the rate tiers per project (master
// data), a manager's confirmation of a consultant's monthly statement, and three pulls that print
// well — 佣金明细 (one line per contract and stage), 结佣函 (one row per consultant and month).
import { z } from 'zod';
import { defineDataset } from '../dataset-def';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import { managers, type Role } from '../roles';
import { statusField } from '../status';
import { commissionStages } from './commission-rules';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, zh: string, en: string): FieldOption => ({
  value,
  label: label(zh, en),
  synonyms: [],
});
const code = (zh: string, en: string, synonyms: string[] = [], ref?: string) =>
  field.code({ label: label(zh, en), synonyms, ...(ref ? { ref } : {}) });
const money = (zh: string, en: string) => field.money({ label: label(zh, en), min: -1e15 });
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = (zh: string, en: string, synonyms: string[] = []) =>
  field.text({
    label: label(zh, en),
    synonyms,
    max: 7,
    check: { test: (v) => MONTH.test(v), error: 'estate-month-invalid' },
  });

/** 佣金比例: one tier of a project's rates; a single tier from 0 is a flat rate. */
const commissionRateSchema = z.object({
  code: code('比例编码', 'Rate code', ['档位编码']),
  projectCode: code('项目编码', 'Project code', ['项目'], 'estate-projects'),
  fromAmount: field.money({
    label: label('月签约额起点', 'Monthly total from'),
    synonyms: ['起点金额', '档位起点'],
  }),
  rateBp: field.integer({
    label: label('佣金比例(万分比)', 'Rate (bp)'),
    synonyms: ['佣金比例', '提成比例'],
    check: { test: (v) => v <= 10_000, error: 'invalid-value' },
  }),
  signingShareBp: field.integer({
    label: label('签约期比例(万分比)', 'Share on signing (bp)'),
    synonyms: ['签约发放比例'],
    check: { test: (v) => v <= 10_000, error: 'invalid-value' },
  }),
  status: statusField(),
});

/** 佣金确认: a manager confirms (closes) a consultant's statement for a month, fixing its lines. */
export const commissionStatementSchema = z.object({
  consultant: code('置业顾问', 'Consultant', ['顾问']),
  month: month('结佣月份', 'Month', ['月份']),
});
const commissionStatementPullSchema = commissionStatementSchema.extend({
  id: code('结佣单号', 'Statement'),
  total: money('实发佣金', 'Total paid'),
  confirmedAt: field.text({ label: label('确认时间', 'Confirmed at'), max: 40 }),
  confirmedBy: code('确认人', 'Confirmed by'),
});

const stageOptions = [
  option('signing', '签约', 'On signing'),
  option('collected', '回款完成', 'On full collection'),
  option('clawback', '退房扣回', 'Clawback'),
] as const;
const stateField = field.enum(
  {
    label: label('状态', 'State'),
    options: [option('open', '未确认', 'Open'), option('confirmed', '已确认', 'Confirmed')],
  },
  ['open', 'confirmed'],
);

/** 佣金明细: one line per contract and stage, on the statement (month) it belongs to. */
const commissionLineSchema = z.object({
  month: month('结佣月份', 'Month'),
  consultant: code('置业顾问', 'Consultant'),
  contractId: code('合同编号', 'Contract'),
  projectCode: code('项目编码', 'Project code'),
  unitCode: code('房源编码', 'Unit code'),
  stage: field.enum(
    { label: label('佣金阶段', 'Stage'), options: [...stageOptions] },
    commissionStages,
  ),
  dueMonth: month('应发月份', 'Due in'),
  price: field.money({ label: label('成交总价', 'Price') }),
  rateBp: field.integer({ label: label('佣金比例(万分比)', 'Rate (bp)') }),
  amount: money('佣金金额', 'Amount'),
  state: stateField,
});

/** 结佣函: a consultant's statement for a month, one row, to print and sign. */
const commissionLetterSchema = z.object({
  month: month('结佣月份', 'Month'),
  consultant: code('置业顾问', 'Consultant'),
  consultantName: field.text({ label: label('姓名', 'Name'), max: 100 }),
  lines: field.integer({ label: label('明细笔数', 'Lines') }),
  earned: money('应发佣金', 'Earned'),
  clawedBack: money('退房扣回', 'Clawed back'),
  payable: money('实发佣金', 'Payable'),
  state: stateField,
});

const office: readonly Role[] = ['admin', 'manager', 'sales', 'finance', 'analyst'];
const payroll: readonly Role[] = ['admin', 'manager', 'finance'];

export const estateCommissionRatesDataset = defineDataset({
  name: 'estate-commission-rates',
  label: label('佣金比例', 'Commission rates'),
  push: { schema: commissionRateSchema, roles: managers },
  pull: { schema: commissionRateSchema, roles: office },
  naturalKey: 'code',
  list: { nameField: 'projectCode', unknownCode: 'estate-commission-rate-unknown' },
});

export const estateCommissionStatementsDataset = defineDataset({
  name: 'estate-commission-statements',
  label: label('佣金确认', 'Commission statements'),
  push: { schema: commissionStatementSchema, roles: managers },
  pull: { schema: commissionStatementPullSchema, roles: payroll },
});

export const estateCommissionDataset = defineDataset({
  name: 'estate-commission',
  label: label('佣金明细', 'Commission detail'),
  pull: { schema: commissionLineSchema, roles: office, filters: ['from', 'to'] },
});

export const estateCommissionLettersDataset = defineDataset({
  name: 'estate-commission-letters',
  label: label('结佣函', 'Commission letters'),
  pull: { schema: commissionLetterSchema, roles: office, filters: ['from', 'to'] },
});
