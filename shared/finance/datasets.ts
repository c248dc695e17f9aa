// The finance datasets of issue 4 (REQUIREMENTS.md module 4): what finance pushes (bank
// statement lines, allocations, payer aliases), what managers set (finance settings), and the
// pulls computed on the server (reconciliation, receivables, per-invoice detail, collection
// list). They travel through the same push/pull protocol as every dataset, so the add-in binds
// and pulls them without finance-specific code. Money is in fen; sheets show yuan.
import { z } from 'zod';
import type { DatasetDef } from '../datasets';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import type { Role } from '../roles';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const optional = { required: false } as const;
const text = (zh: string, en: string, synonyms: string[] = [], max = 200) =>
  field.text({ label: label(zh, en), synonyms, max }, optional);
const money = (zh: string, en: string, synonyms: string[] = [], required = true) =>
  field.money({ label: label(zh, en), synonyms, min: -Number.MAX_SAFE_INTEGER }, { required });
const integer = (zh: string, en: string, required = true) =>
  field.integer({ label: label(zh, en), min: -1_000_000_000 }, { required });
const date = (zh: string, en: string, synonyms: string[] = [], required = true) =>
  field.date({ label: label(zh, en), synonyms }, { required });
const code = (zh: string, en: string, synonyms: string[] = [], required = true) =>
  field.code({ label: label(zh, en), synonyms }, { required });
const option = (value: string, zh: string, en: string, synonyms: string[] = []): FieldOption => ({
  value,
  label: label(zh, en),
  synonyms,
});
const dealerCode = (required = true) =>
  field.code(
    { label: label('经销商编码', 'Dealer code'), synonyms: ['客户编码', '客户代码'], ref: 'dealers' },
    { required },
  );

/** 银行流水: one bank statement line as finance's sheet or the bank's export has it. */
export const bankReceiptRowSchema = z.object({
  date: date('到账日期', 'Date received', ['交易日期', '入账日期', '记账日期', '日期', 'date']),
  payerName: field.text({
    label: label('付款人', 'Payer'),
    synonyms: ['付款人名称', '付款方', '对方户名', '对方名称', '汇款人', 'payer'],
    max: 100,
  }),
  payerAccount: text('付款账号', 'Payer account', ['对方账号', '付款人账号', '汇款账号'], 50),
  amount: field.money({
    label: label('金额', 'Amount'),
    synonyms: ['到账金额', '收入金额', '贷方金额', '收款金额', 'amount'],
    min: 1,
  }),
  bankRef: text('银行流水号', 'Bank reference', ['流水号', '交易流水号', '交易参考号'], 60),
  remark: text('附言', 'Remark', ['摘要', '用途', '附言摘要', '备注', 'remark'], 500),
});

export const receiptStatuses = ['unmatched', 'partial', 'allocated'] as const;
export const bankReceiptPullSchema = bankReceiptRowSchema.extend({
  id: code('收款单号', 'Receipt id'),
  allocated: money('已核销', 'Allocated'),
  unallocated: money('未核销', 'Unallocated'),
  status: field.enum(
    {
      label: label('核销状态', 'Status'),
      options: [
        option('unmatched', '未核销', 'Unmatched'),
        option('partial', '部分核销', 'Partly allocated'),
        option('allocated', '已核销', 'Allocated'),
      ],
    },
    receiptStatuses,
  ),
  dealerCodes: text('核销经销商', 'Dealers allocated to'),
});

export const allocationTargetKinds = ['invoice', 'order-deposit', 'credit-balance'] as const;
export type AllocationTargetKind = (typeof allocationTargetKinds)[number];
const targetKindOptions: [FieldOption, FieldOption, FieldOption] = [
  option('invoice', '应收发票', 'Invoice', ['发票', '货款']),
  option('order-deposit', '订单订金', 'Order deposit', ['订金', '定金']),
  option('credit-balance', '预收款', 'Credit balance', ['预收', '余款']),
];

/** 核销: one confirmed allocation; no receipt id = paid from the dealer's credit balance. */
export const allocationRowSchema = z.object({
  receiptId: code('收款单号', 'Receipt id', ['收款编号', '到账单号'], false),
  targetKind: field.enum(
    { label: label('核销类型', 'Target kind'), options: targetKindOptions },
    allocationTargetKinds,
  ),
  targetId: code('核销单号', 'Target id', ['发票号', '订单号', '应收单号'], false),
  dealerCode: dealerCode(),
  amount: field.money({
    label: label('核销金额', 'Amount allocated'),
    synonyms: ['分配金额', '本次核销', '金额'],
    min: 1,
  }),
  writeOffAmount: field.money(
    { label: label('核销差额', 'Write-off'), synonyms: ['手续费', '尾差'] },
    optional,
  ),
  writeOffReason: field.enum(
    {
      label: label('差额原因', 'Write-off reason'),
      options: [
        option('bank-fee-tolerance', '银行手续费', 'Bank fee', ['手续费']),
        option('manual', '其他', 'Other'),
      ],
    },
    ['bank-fee-tolerance', 'manual'],
    optional,
  ),
  remark: text('备注', 'Remark', ['说明'], 500),
});

export const allocationSources = ['manual', 'auto'] as const;
export const allocationPullSchema = allocationRowSchema.extend({
  id: code('核销编号', 'Allocation id'),
  source: field.enum(
    {
      label: label('来源', 'Source'),
      options: [option('manual', '人工确认', 'Confirmed'), option('auto', '自动匹配', 'Automatic')],
    },
    allocationSources,
  ),
});

const atLeastOnePayer = (v: { payerAccount?: string | undefined; payerName?: string | undefined }) =>
  v.payerAccount !== undefined || v.payerName !== undefined;

/** 付款人别名: a payer account or name confirmed as paying for a dealer. */
export const payerAliasRowSchema = z
  .object({
    dealerCode: dealerCode(),
    payerAccount: text('付款账号', 'Payer account', ['对方账号'], 50),
    payerName: text('付款人', 'Payer', ['付款人名称', '对方户名'], 100),
  })
  .refine(atLeastOnePayer, { path: ['payerAccount'], error: 'required' });

export const aliasSources = ['confirmed', 'learned'] as const;
export const payerAliasPullSchema = z.object({
  ...payerAliasRowSchema.shape,
  id: code('别名编号', 'Alias id'),
  source: field.enum(
    {
      label: label('来源', 'Source'),
      options: [option('confirmed', '财务录入', 'Entered'), option('learned', '核销学习', 'Learned')],
    },
    aliasSources,
  ),
});

/** Settings finance rules read: deposit % per grade, write-off tolerance (fen, per mille). */
export const financeSettingNames = [
  'deposit-percent-A',
  'deposit-percent-B',
  'deposit-percent-C',
  'tolerance-max-fen',
  'tolerance-per-mille',
] as const;
export type FinanceSettingName = (typeof financeSettingNames)[number];
const settingCeilings: Record<FinanceSettingName, number> = {
  'deposit-percent-A': 100,
  'deposit-percent-B': 100,
  'deposit-percent-C': 100,
  'tolerance-max-fen': 100_000_000,
  'tolerance-per-mille': 1000,
};
export const financeSettingSchema = z
  .object({
    setting: field.enum(
      {
        label: label('设置项', 'Setting'),
        options: [
          option('deposit-percent-A', 'A级订金比例%', 'Deposit % grade A'),
          option('deposit-percent-B', 'B级订金比例%', 'Deposit % grade B'),
          option('deposit-percent-C', 'C级订金比例%', 'Deposit % grade C'),
          option('tolerance-max-fen', '核销差额上限（分）', 'Write-off limit (fen)'),
          option('tolerance-per-mille', '核销差额上限‰', 'Write-off limit ‰'),
        ],
      },
      financeSettingNames,
    ),
    value: field.integer({ label: label('值', 'Value'), synonyms: ['数值'] }),
  })
  .refine((v) => v.setting === undefined || (v.value ?? 0) <= settingCeilings[v.setting], {
    path: ['value'],
    error: 'invalid-value',
  });

const receiptColumns = {
  receiptId: code('收款单号', 'Receipt id'),
  date: date('到账日期', 'Date received'),
  payerName: text('付款人', 'Payer'),
  payerAccount: text('付款账号', 'Payer account'),
  amount: money('到账金额', 'Amount'),
  unallocated: money('未核销', 'Unallocated'),
  bankRef: text('银行流水号', 'Bank reference'),
  remark: text('附言', 'Remark'),
};

/** 对账建议: one row per open receipt × candidate (rank 1–3; rank 0 when none is found). */
export const reconciliationRowSchema = z.object({
  ...receiptColumns,
  rank: integer('建议序号', 'Rank'),
  candidateKind: text('建议对象类型', 'Candidate kind'),
  candidateId: text('建议对象', 'Candidate'),
  dealerCode: text('经销商编码', 'Dealer code'),
  dealerName: text('经销商名称', 'Dealer name'),
  openAmount: money('未收金额', 'Open amount', [], false),
  score: integer('匹配得分', 'Score', false),
  reasons: text('匹配依据', 'Reasons'),
  suggestedTargetKind: text('建议核销类型', 'Suggested target kind'),
  suggestedAmount: money('建议核销金额', 'Suggested amount', [], false),
  split: text('建议分配（先到期先核销）', 'Suggested split, oldest first', [], 2000),
});

const bucketColumns = {
  current: money('未到期', 'Not yet due'),
  days1to30: money('逾期1-30天', '1–30 days overdue'),
  days31to60: money('逾期31-60天', '31–60 days overdue'),
  days61to90: money('逾期61-90天', '61–90 days overdue'),
  days91to120: money('逾期91-120天', '91–120 days overdue'),
  over120: money('逾期120天以上', 'Over 120 days overdue'),
};
const dealerColumns = {
  dealerCode: code('经销商编码', 'Dealer code'),
  dealerName: text('经销商名称', 'Dealer name'),
  regionCode: text('区域', 'Region'),
};

/** 应收账款与账龄: one row per dealer, as of today. */
export const receivableRowSchema = z.object({
  ...dealerColumns,
  grade: text('等级', 'Grade'),
  creditLimit: money('信用额度', 'Credit limit'),
  paymentTermsDays: integer('账期（天）', 'Payment terms (days)'),
  outstanding: money('应收余额', 'Outstanding'),
  openOrderValue: money('未发货订单金额', 'Open order value'),
  headroom: money('可用额度', 'Headroom'),
  overdue: money('逾期金额', 'Overdue'),
  creditBalance: money('预收余额', 'Credit balance'),
  depositsHeld: money('订金余额', 'Deposits held'),
  ...bucketColumns,
  oldestOverdueDueDate: date('最早逾期到期日', 'Oldest overdue due date', [], false),
  asOf: date('统计日期', 'As of'),
});

export const ageingBuckets = [
  'current',
  'days1to30',
  'days31to60',
  'days61to90',
  'days91to120',
  'over120',
] as const;

/** 应收明细: one row per invoice still owed. */
export const receivableItemRowSchema = z.object({
  invoiceId: code('发票号', 'Invoice'),
  ...dealerColumns,
  shipmentId: text('发货单号', 'Shipment'),
  orderId: text('订单号', 'Order'),
  date: date('开票日期', 'Invoice date'),
  dueDate: date('到期日', 'Due date'),
  amount: money('发票金额', 'Amount'),
  settled: money('已收金额', 'Settled'),
  outstanding: money('未收金额', 'Outstanding'),
  daysOverdue: integer('逾期天数', 'Days overdue'),
  bucket: text('账龄区间', 'Ageing bucket'),
  asOf: date('统计日期', 'As of'),
});

/** 催收清单: dealers over their limit or with anything overdue. */
export const collectionRowPullSchema = z.object({
  ...dealerColumns,
  creditLimit: money('信用额度', 'Credit limit'),
  owed: money('应收余额', 'Owed'),
  overdue: money('逾期金额', 'Overdue'),
  overLimitBy: money('超额', 'Over limit by'),
  since: date('最早逾期到期日', 'Overdue since', [], false),
  reasons: text('催收原因', 'Reasons'),
  asOf: date('统计日期', 'As of'),
});

const finance: readonly Role[] = ['admin', 'finance'];
const financeReaders: readonly Role[] = ['admin', 'finance', 'manager'];
const receivableReaders: readonly Role[] = ['admin', 'finance', 'manager', 'analyst'];

const pullOnly = (name: string, lbl: Label, schema: z.ZodObject, roles: readonly Role[]) => ({
  name,
  label: lbl,
  pull: { schema, roles },
});

export const financeDatasets: readonly DatasetDef[] = [
  {
    name: 'bank-receipts',
    label: label('银行到账', 'Bank receipts'),
    push: { schema: bankReceiptRowSchema, roles: finance },
    pull: { schema: bankReceiptPullSchema, roles: financeReaders },
  },
  {
    name: 'allocations',
    label: label('收款核销', 'Allocations'),
    push: { schema: allocationRowSchema, roles: finance },
    pull: { schema: allocationPullSchema, roles: financeReaders },
  },
  {
    name: 'payer-aliases',
    label: label('付款人别名', 'Payer aliases'),
    push: { schema: payerAliasRowSchema, roles: finance },
    pull: { schema: payerAliasPullSchema, roles: financeReaders },
  },
  {
    name: 'finance-settings',
    label: label('财务设置', 'Finance settings'),
    push: { schema: financeSettingSchema, roles: ['admin', 'manager'] },
    pull: { schema: financeSettingSchema, roles: financeReaders },
    naturalKey: 'setting',
  },
  pullOnly('reconciliation', label('对账', 'Reconciliation'), reconciliationRowSchema, financeReaders),
  pullOnly('receivables', label('应收账款', 'Receivables'), receivableRowSchema, receivableReaders),
  pullOnly('receivable-items', label('应收明细', 'Receivable items'), receivableItemRowSchema, receivableReaders),
  pullOnly('collection-list', label('催收清单', 'Collection list'), collectionRowPullSchema, receivableReaders),
];

export function financeDataset(name: string): DatasetDef {
  const def = financeDatasets.find((d) => d.name === name);
  if (def === undefined) throw new Error(`finance dataset ${name} is not defined`);
  return def;
}
