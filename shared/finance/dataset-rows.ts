// Columns of the computed finance pulls (reconciliation, receivables, per-invoice detail,
// collection list), and the compact column builder the finance datasets share: every column is
// a `field.*` schema with both labels, so meta, header mapping and templates derive from it.
import { z } from 'zod';
import { choiceField, field } from '../field';

const label = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });

type Kind = 'code' | 'text' | 'money' | 'integer' | 'date';
/** [name, kind, zh-CN, en-US, header synonyms]; a name ending in '?' is an optional column. */
type Column = readonly [string, Kind, string, string, (readonly string[])?];

function columnField([, kind, zh, en, synonyms = []]: Column, required: boolean) {
  const meta = { label: label(zh, en), synonyms: [...synonyms] };
  if (kind === 'code') return field.code(meta, { required });
  if (kind === 'text') return field.text({ ...meta, max: 2000 }, { required });
  if (kind === 'date') return field.date(meta, { required });
  if (kind === 'integer') return field.integer({ ...meta, min: -1_000_000_000 }, { required });
  // Computed money can be negative (headroom over the limit).
  return field.money({ ...meta, min: -Number.MAX_SAFE_INTEGER }, { required });
}

/** What a column of each kind holds once parsed. */
interface KindValue {
  code: string;
  text: string;
  money: number;
  integer: number;
  date: string;
}

/** The shape `columns` builds: a literal list keeps each column's name, kind and optionality. */
type ColumnShape<C extends readonly Column[]> = {
  [S in C[number] as S[0] extends `${infer Name}?` ? Name : S[0]]: S[0] extends `${string}?`
    ? z.ZodOptional<z.ZodType<KindValue[S[1]]>>
    : z.ZodType<KindValue[S[1]]>;
};

export function columns<const C extends readonly Column[]>(specs: C): ColumnShape<C> {
  return Object.fromEntries(
    specs.map((spec) => {
      const isOptional = spec[0].endsWith('?');
      return [isOptional ? spec[0].slice(0, -1) : spec[0], columnField(spec, !isOptional)];
    }),
  ) as unknown as ColumnShape<C>;
}

const receiptColumns: Column[] = [
  ['receiptId', 'code', '收款单号', 'Receipt id'],
  ['date', 'date', '到账日期', 'Date received'],
  ['payerName', 'text', '付款人', 'Payer'],
  ['payerAccount?', 'text', '付款账号', 'Payer account'],
  ['amount', 'money', '到账金额', 'Amount'],
  ['unallocated', 'money', '未核销', 'Unallocated'],
  ['bankRef?', 'text', '银行流水号', 'Bank reference'],
  ['remark?', 'text', '附言', 'Remark'],
];

/** 对账建议: one row per open receipt × candidate (rank 1–3; rank 0 when none is found). */
export const reconciliationRowSchema = z.object({
  ...columns([
    ...receiptColumns,
    ['rank', 'integer', '建议序号', 'Rank'],
    ['candidateKind?', 'text', '建议对象类型', 'Candidate kind'],
    ['candidateId?', 'text', '建议对象', 'Candidate'],
    ['dealerCode?', 'text', '经销商编码', 'Dealer code'],
    ['dealerName?', 'text', '经销商名称', 'Dealer name'],
    ['openAmount?', 'money', '未收金额', 'Open amount'],
    ['score?', 'integer', '匹配得分', 'Score'],
    ['reasons?', 'text', '匹配依据', 'Reasons'],
    ['suggestedTargetKind?', 'text', '建议核销类型', 'Suggested target kind'],
    ['suggestedAmount?', 'money', '建议核销金额', 'Suggested amount'],
    ['split?', 'text', '建议分配（先到期先核销）', 'Suggested split, oldest first'],
  ]),
  // Coded columns read as labels (an existing key keeps its place in the object).
  candidateKind: choiceField({ 'zh-CN': '建议对象类型', 'en-US': 'Candidate kind' }, [
    ['order', '订单', 'Order'],
    ['invoice', '发票', 'Invoice'],
    ['dealer', '经销商', 'Dealer'],
  ]),
  suggestedTargetKind: choiceField({ 'zh-CN': '建议核销类型', 'en-US': 'Suggested target kind' }, [
    ['invoice', '发票', 'Invoice'],
    ['order-deposit', '订单订金', 'Order deposit'],
    ['credit-balance', '预收款', 'Credit balance'],
  ]),
});

const dealerColumns: Column[] = [
  ['dealerCode', 'code', '经销商编码', 'Dealer code'],
  ['dealerName?', 'text', '经销商名称', 'Dealer name'],
  ['regionCode?', 'text', '区域', 'Region'],
];

/** 应收账款与账龄: one row per dealer, buckets by days past due, as of today. */
export const receivableRowSchema = z.object(
  columns([
    ...dealerColumns,
    ['grade?', 'text', '等级', 'Grade'],
    ['creditLimit', 'money', '信用额度', 'Credit limit'],
    ['paymentTermsDays', 'integer', '账期（天）', 'Payment terms (days)'],
    ['outstanding', 'money', '应收余额', 'Outstanding'],
    ['openOrderValue', 'money', '未发货订单金额', 'Open order value'],
    ['headroom', 'money', '可用额度', 'Headroom'],
    ['overdue', 'money', '逾期金额', 'Overdue'],
    ['creditBalance', 'money', '预收余额', 'Credit balance'],
    ['depositsHeld', 'money', '订金余额', 'Deposits held'],
    ['current', 'money', '未到期', 'Not yet due'],
    ['days1to30', 'money', '逾期1-30天', '1–30 days overdue'],
    ['days31to60', 'money', '逾期31-60天', '31–60 days overdue'],
    ['days61to90', 'money', '逾期61-90天', '61–90 days overdue'],
    ['days91to120', 'money', '逾期91-120天', '91–120 days overdue'],
    ['over120', 'money', '逾期120天以上', 'Over 120 days overdue'],
    ['oldestOverdueDueDate?', 'date', '最早逾期到期日', 'Oldest overdue due date'],
    ['asOf', 'date', '统计日期', 'As of'],
  ]),
);

/** 应收明细: one row per invoice still owed. */
export const receivableItemRowSchema = z.object({
  ...columns([
    ['invoiceId', 'code', '发票号', 'Invoice'],
    ...dealerColumns,
    ['shipmentId?', 'text', '发货单号', 'Shipment'],
    ['orderId?', 'text', '订单号', 'Order'],
    ['date', 'date', '开票日期', 'Invoice date'],
    ['dueDate', 'date', '到期日', 'Due date'],
    ['amount', 'money', '发票金额', 'Amount'],
    ['settled', 'money', '已收金额', 'Settled'],
    ['outstanding', 'money', '未收金额', 'Outstanding'],
    ['daysOverdue', 'integer', '逾期天数', 'Days overdue'],
    ['bucket', 'text', '账龄区间', 'Ageing bucket'],
    ['asOf', 'date', '统计日期', 'As of'],
  ]),
  bucket: choiceField({ 'zh-CN': '账龄区间', 'en-US': 'Ageing bucket' }, [
    ['current', '未到期', 'Not yet due'],
    ['days1to30', '逾期1-30天', '1–30 days overdue'],
    ['days31to60', '逾期31-60天', '31–60 days overdue'],
    ['days61to90', '逾期61-90天', '61–90 days overdue'],
    ['days91to120', '逾期91-120天', '91–120 days overdue'],
    ['over120', '逾期120天以上', 'Over 120 days overdue'],
  ]),
});

/** 催收清单: dealers over their limit or with anything overdue. */
export const collectionRowPullSchema = z.object(
  columns([
    ...dealerColumns,
    ['creditLimit', 'money', '信用额度', 'Credit limit'],
    ['owed', 'money', '应收余额', 'Owed'],
    ['overdue', 'money', '逾期金额', 'Overdue'],
    ['overLimitBy', 'money', '超额', 'Over limit by'],
    ['since?', 'date', '最早逾期到期日', 'Overdue since'],
    ['reasons', 'text', '催收原因', 'Reasons'],
    ['asOf', 'date', '统计日期', 'As of'],
  ]),
);
