// 回款: money received on a contract, recorded against one part of its payment schedule (定金,
// 首付, 贷款, 分期). A part never takes more than it still lacks; the contract is fully
// collected when every part is (docs/estate.md, "Collections"). Money in fen.
import { z } from 'zod';
import { defineDataset } from '../dataset-def';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import type { Role } from '../roles';
import type { Schedule } from './pricing';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, zh: string, en: string, synonyms: string[] = []): FieldOption => ({
  value,
  label: label(zh, en),
  synonyms,
});

/** The schedule parts a collection may pay, in the schedule's order. */
export const collectionParts = ['deposit', 'down-payment', 'loan', 'instalment'] as const;
export type CollectionPart = (typeof collectionParts)[number];

/** Which figure of the schedule each part is. */
export const partField: Readonly<Record<CollectionPart, keyof Schedule>> = {
  deposit: 'deposit',
  'down-payment': 'downPayment',
  loan: 'loanAmount',
  instalment: 'instalments',
};

export const partLabels: Readonly<Record<CollectionPart, Label>> = {
  deposit: label('定金', 'Deposit'),
  'down-payment': label('首付', 'Down payment'),
  loan: label('贷款', 'Loan'),
  instalment: label('分期', 'Instalments'),
};

const partOptions = [
  option('deposit', '定金', 'Deposit', ['认购金']),
  option('down-payment', '首付', 'Down payment', ['首期款', '首付款']),
  option('loan', '贷款', 'Loan', ['按揭', '按揭款', '贷款放款']),
  option('instalment', '分期', 'Instalments', ['分期款']),
] as const;

const code = (zh: string, en: string, synonyms: string[] = []) =>
  field.code({ label: label(zh, en), synonyms });

/** One collection: the contract, the day, the amount, the schedule part, the receipt. */
export const collectionSchema = z.object({
  contractId: code('合同编号', 'Contract', ['合同号', '签约单号']),
  collectedOn: field.date({ label: label('回款日期', 'Date'), synonyms: ['收款日期', '到账日期'] }),
  amount: field.money({ label: label('回款金额', 'Amount'), synonyms: ['收款金额'], min: 1 }),
  kind: field.enum(
    { label: label('款项类型', 'Part'), synonyms: ['款项'], options: [...partOptions] },
    collectionParts,
  ),
  receiptNo: field.text(
    { label: label('收据号', 'Receipt no.'), synonyms: ['收据编号', '票据号'], max: 40 },
    { required: false },
  ),
});
const collectionPullSchema = collectionSchema.extend({
  id: code('回款单号', 'Collection'),
  projectCode: code('项目编码', 'Project code'),
  unitCode: code('房源编码', 'Unit code'),
  consultant: code('置业顾问', 'Consultant'),
});

/** 回款计划: each contract's schedule parts with what was collected and what is outstanding. */
const scheduleRowSchema = z.object({
  contractId: code('合同编号', 'Contract'),
  projectCode: code('项目编码', 'Project code'),
  unitCode: code('房源编码', 'Unit code'),
  consultant: code('置业顾问', 'Consultant'),
  buyerName: field.text({ label: label('客户姓名', 'Buyer'), max: 50 }),
  kind: field.enum(
    {
      label: label('款项类型', 'Part'),
      options: [...partOptions, option('total', '合计', 'Total')],
    },
    [...collectionParts, 'total'],
  ),
  planned: field.money({ label: label('应收金额', 'Planned') }),
  collected: field.money({ label: label('已收金额', 'Collected') }),
  outstanding: field.money({ label: label('未收金额', 'Outstanding') }),
  fullyCollectedOn: field.date(
    { label: label('回款完成日期', 'Fully collected on') },
    { required: false },
  ),
});

/** Finance records money; managers may correct it. */
const collectors: readonly Role[] = ['admin', 'manager', 'finance'];
const office: readonly Role[] = ['admin', 'manager', 'sales', 'finance', 'analyst'];

export const estateCollectionsDataset = defineDataset({
  name: 'estate-collections',
  label: label('回款', 'Collections'),
  push: { schema: collectionSchema, roles: collectors },
  pull: { schema: collectionPullSchema, roles: office },
});

export const estateCollectionScheduleDataset = defineDataset({
  name: 'estate-collection-schedule',
  label: label('回款计划', 'Collection schedule'),
  pull: { schema: scheduleRowSchema, roles: office },
});

/** What a part of a schedule still lacks, given what was collected on it. */
export function outstandingOf(schedule: Schedule, part: CollectionPart, collected: number): number {
  return schedule[partField[part]] - collected;
}

/** Whether every part of the schedule is collected in full. */
export function isFullyCollected(
  schedule: Schedule,
  collected: Readonly<Partial<Record<CollectionPart, number>>>,
): boolean {
  return collectionParts.every((part) => outstandingOf(schedule, part, collected[part] ?? 0) <= 0);
}
