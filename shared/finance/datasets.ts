// The finance datasets: what finance pushes (bank
// statement lines, allocations, payer aliases), what managers set (finance settings), and the
// pulls computed on the server (reconciliation, receivables, per-invoice detail, collection
// list). They travel through the same push/pull protocol as every dataset, so the add-in binds
// and pulls them without finance-specific code. Money is in fen; sheets show yuan.
import { z } from 'zod';
import {
  defineDataset,
  type DatasetDef,
  type PullFilterName,
  type RowSchema,
} from '../dataset-def';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';
import type { Role } from '../roles';
import { creditNotePullSchema, creditNoteRowSchema } from './credit-notes';
import {
  collectionRowPullSchema,
  columns,
  receivableItemRowSchema,
  receivableRowSchema,
  reconciliationRowSchema,
} from './dataset-rows';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
const option = (value: string, [zh, en]: [string, string], synonyms: string[] = []) =>
  ({ value, label: label(zh, en), synonyms }) satisfies FieldOption;

const dealerRef = field.code({
  label: label('经销商编码', 'Dealer code'),
  synonyms: ['客户编码', '客户代码'],
  ref: 'dealers',
});

/** 银行流水: one bank statement line as finance's sheet or the bank's export has it. */
const bankReceiptRowSchema = z.object({
  ...columns([['date', 'date', '到账日期', 'Date received', ['交易日期', '入账日期', '记账日期']]]),
  payerName: field.text({
    label: label('付款人', 'Payer'),
    synonyms: ['付款人名称', '付款方', '对方户名', '对方名称', '汇款人', 'payer'],
    max: 100,
  }),
  ...columns([['payerAccount?', 'text', '付款账号', 'Payer account', ['对方账号', '汇款账号']]]),
  amount: field.money({
    label: label('金额', 'Amount'),
    synonyms: ['到账金额', '收入金额', '贷方金额', '收款金额', 'amount'],
    min: 1,
  }),
  ...columns([
    ['bankRef?', 'text', '银行流水号', 'Bank reference', ['流水号', '交易流水号', '交易参考号']],
    ['remark?', 'text', '附言', 'Remark', ['摘要', '用途', '附言摘要', '备注', 'remark']],
  ]),
});

const receiptStatuses = ['unmatched', 'partial', 'allocated'] as const;
const statusOptions: [FieldOption, FieldOption, FieldOption] = [
  option('unmatched', ['未核销', 'Unmatched']),
  option('partial', ['部分核销', 'Partly allocated']),
  option('allocated', ['已核销', 'Allocated']),
];
export const bankReceiptPullSchema = bankReceiptRowSchema.extend({
  ...columns([
    ['id', 'code', '收款单号', 'Receipt id'],
    ['allocated', 'money', '已核销', 'Allocated'],
    ['unallocated', 'money', '未核销', 'Unallocated'],
    ['dealerCodes?', 'text', '核销经销商', 'Dealers allocated to'],
  ]),
  status: field.enum(
    { label: label('核销状态', 'Status'), options: statusOptions },
    receiptStatuses,
  ),
});

export const allocationTargetKinds = ['invoice', 'order-deposit', 'credit-balance'] as const;
const targetKindOptions: [FieldOption, FieldOption, FieldOption] = [
  option('invoice', ['应收发票', 'Invoice'], ['发票', '货款']),
  option('order-deposit', ['订单订金', 'Order deposit'], ['订金', '定金']),
  option('credit-balance', ['预收款', 'Credit balance'], ['预收', '余款']),
];
const writeOffOptions: [FieldOption, FieldOption] = [
  option('bank-fee-tolerance', ['银行手续费', 'Bank fee'], ['手续费']),
  option('manual', ['其他', 'Other']),
];

/** 核销: one confirmed allocation; no receipt id = paid from the dealer's credit balance. */
const allocationRowSchema = z.object({
  ...columns([['receiptId?', 'code', '收款单号', 'Receipt id', ['收款编号', '到账单号']]]),
  targetKind: field.enum(
    { label: label('核销类型', 'Target kind'), options: targetKindOptions },
    allocationTargetKinds,
  ),
  ...columns([['targetId?', 'code', '核销单号', 'Target id', ['发票号', '订单号', '应收单号']]]),
  dealerCode: dealerRef,
  amount: field.money({
    label: label('核销金额', 'Amount allocated'),
    synonyms: ['分配金额', '本次核销', '金额'],
    min: 1,
  }),
  writeOffAmount: field.money(
    { label: label('核销差额', 'Write-off'), synonyms: ['手续费', '尾差'] },
    { required: false },
  ),
  writeOffReason: field.enum(
    { label: label('差额原因', 'Write-off reason'), options: writeOffOptions },
    ['bank-fee-tolerance', 'manual'],
    { required: false },
  ),
  ...columns([['remark?', 'text', '备注', 'Remark', ['说明']]]),
});

export const allocationPullSchema = allocationRowSchema.extend({
  ...columns([['id', 'code', '核销编号', 'Allocation id']]),
  source: field.enum(
    {
      label: label('来源', 'Source'),
      options: [option('manual', ['人工确认', 'Confirmed']), option('auto', ['自动匹配', 'Auto'])],
    },
    ['manual', 'auto'],
  ),
});

/** 付款人别名: a payer account or name confirmed as paying for a dealer (one at least). */
const payerAliasRowSchema = z
  .object({
    dealerCode: dealerRef,
    payerAccount: field.text(
      { label: label('付款账号', 'Payer account'), synonyms: ['对方账号'], max: 50 },
      { required: false },
    ),
    payerName: field.text(
      { label: label('付款人', 'Payer'), synonyms: ['付款人名称', '对方户名'], max: 100 },
      { required: false },
    ),
  })
  .refine((v) => v.payerAccount !== undefined || v.payerName !== undefined, {
    path: ['payerAccount'],
    error: 'required',
  });

const payerAliasPullSchema = payerAliasRowSchema.extend({
  ...columns([['id', 'code', '别名编号', 'Alias id']]),
  source: field.enum(
    {
      label: label('来源', 'Source'),
      options: [
        option('confirmed', ['财务录入', 'Entered']),
        option('learned', ['核销学习', 'Learned']),
      ],
    },
    ['confirmed', 'learned'],
  ),
});

/** Settings finance rules read: deposit % per grade, write-off tolerance (fen, per mille). */
const settingCeilings = {
  'deposit-percent-A': 100,
  'deposit-percent-B': 100,
  'deposit-percent-C': 100,
  'tolerance-max-fen': 100_000_000,
  'tolerance-per-mille': 1000,
} as const;
type SettingName = keyof typeof settingCeilings;
const settingNames: [SettingName, ...SettingName[]] = [
  'deposit-percent-A',
  'deposit-percent-B',
  'deposit-percent-C',
  'tolerance-max-fen',
  'tolerance-per-mille',
];
const settingOptions: [FieldOption, FieldOption, FieldOption, FieldOption, FieldOption] = [
  option('deposit-percent-A', ['A级订金比例%', 'Deposit % grade A']),
  option('deposit-percent-B', ['B级订金比例%', 'Deposit % grade B']),
  option('deposit-percent-C', ['C级订金比例%', 'Deposit % grade C']),
  option('tolerance-max-fen', ['核销差额上限（分）', 'Write-off limit (fen)']),
  option('tolerance-per-mille', ['核销差额上限‰', 'Write-off limit ‰']),
];
const financeSettingSchema = z
  .object({
    setting: field.enum(
      { label: label('设置项', 'Setting'), options: settingOptions },
      settingNames,
    ),
    value: field.integer({ label: label('值', 'Value'), synonyms: ['数值'] }),
  })
  .refine((v) => v.value <= settingCeilings[v.setting], {
    path: ['value'],
    error: 'invalid-value',
  });

const finance: readonly Role[] = ['admin', 'finance'];
const financeReaders: readonly Role[] = ['admin', 'finance', 'manager'];
const receivableReaders: readonly Role[] = ['admin', 'finance', 'manager', 'analyst'];

const pullOnly = <S extends RowSchema>(
  name: string,
  [zh, en]: [string, string],
  schema: S,
  filters: readonly PullFilterName[],
) =>
  defineDataset({
    name,
    label: label(zh, en),
    pull: {
      schema,
      roles: name === 'reconciliation' ? financeReaders : receivableReaders,
      filters,
    },
  });

export const bankReceiptsDataset = defineDataset({
  name: 'bank-receipts',
  label: label('银行到账', 'Bank receipts'),
  push: { schema: bankReceiptRowSchema, roles: finance },
  pull: { schema: bankReceiptPullSchema, roles: financeReaders, filters: ['from', 'to'] },
});

export const allocationsDataset = defineDataset({
  name: 'allocations',
  label: label('收款核销', 'Allocations'),
  push: { schema: allocationRowSchema, roles: finance },
  pull: { schema: allocationPullSchema, roles: financeReaders, filters: ['dealer'] },
  // One bad row must apply nothing: a receipt is confirmed as a whole.
  pushAtomic: true,
});

export const creditNotesDataset = defineDataset({
  name: 'credit-notes',
  label: label('红字贷项', 'Credit notes'),
  push: { schema: creditNoteRowSchema, roles: finance },
  pull: { schema: creditNotePullSchema, roles: receivableReaders, filters: ['dealer'] },
});

export const payerAliasesDataset = defineDataset({
  name: 'payer-aliases',
  label: label('付款人别名', 'Payer aliases'),
  push: { schema: payerAliasRowSchema, roles: finance },
  pull: { schema: payerAliasPullSchema, roles: financeReaders },
});

export const financeSettingsDataset = defineDataset({
  name: 'finance-settings',
  label: label('财务设置', 'Finance settings'),
  push: { schema: financeSettingSchema, roles: ['admin', 'manager'] },
  pull: { schema: financeSettingSchema, roles: financeReaders },
  naturalKey: 'setting',
});

export const reconciliationDataset = pullOnly(
  'reconciliation',
  ['对账', 'Reconciliation'],
  reconciliationRowSchema,
  ['from', 'to', 'dealer'],
);
export const receivablesDataset = pullOnly(
  'receivables',
  ['应收账款', 'Receivables'],
  receivableRowSchema,
  ['dealer', 'region'],
);
export const receivableItemsDataset = pullOnly(
  'receivable-items',
  ['应收明细', 'Receivable items'],
  receivableItemRowSchema,
  ['dealer', 'region'],
);
export const collectionListDataset = pullOnly(
  'collection-list',
  ['催收清单', 'Collection list'],
  collectionRowPullSchema,
  ['dealer', 'region'],
);

export const financeDatasets: readonly DatasetDef[] = [
  bankReceiptsDataset,
  allocationsDataset,
  creditNotesDataset,
  payerAliasesDataset,
  financeSettingsDataset,
  reconciliationDataset,
  receivablesDataset,
  receivableItemsDataset,
  collectionListDataset,
];
