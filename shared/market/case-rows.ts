// The rows of market-order cases (窜货案件), the unit codes each holds, and the dealers' deposits
// (保证金): payments and refunds finance types, penalties the cases take, and the balances.
// docs/market-order.md.
import { z } from 'zod';
import { field } from '../field';
import { codeLevels, label, marketScanSchema, option } from './rows';

const caseStatuses = ['pending', 'confirmed', 'dismissed', 'handled'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

const caseId = field.code({ label: label('案件号', 'Case no.'), synonyms: ['单号'] });

/** What people change on a case: its status and what they found, decided and did. */
export const marketCaseSchema = z.object({
  id: caseId,
  status: field.enum(
    {
      label: label('状态', 'Status'),
      options: [
        option('pending', ['待核实', 'To verify']),
        option('confirmed', ['成立', 'Confirmed']),
        option('dismissed', ['不成立', 'Dismissed']),
        option('handled', ['已处理', 'Handled'], ['处理']),
      ],
    },
    caseStatuses,
  ),
  findings: field.text(
    { label: label('核实情况', 'Findings'), synonyms: ['核实说明'], max: 2000 },
    { required: false },
  ),
  penalty: field.money(
    { label: label('罚款金额', 'Penalty'), synonyms: ['罚金'] },
    { required: false },
  ),
  measures: field.text(
    { label: label('处理措施', 'Measures'), synonyms: ['处理意见'], max: 2000 },
    { required: false },
  ),
});
export type MarketCaseValues = z.output<typeof marketCaseSchema>;

/** A case as pulled: where and what was found, the consignee and how many units it holds. */
export const marketCasePullSchema = marketCaseSchema.extend({
  scanId: field.code({ label: label('扫码单号', 'Scan no.') }),
  scannedCode: field.code({ label: label('扫描码', 'Code scanned') }),
  level: field.enum(
    {
      label: label('包装层级', 'Level'),
      options: [
        option('unit', ['单品', 'Unit']),
        option('case', ['箱', 'Case']),
        option('pallet', ['托', 'Pallet']),
      ],
    },
    codeLevels,
  ),
  dealerCode: field.code({ label: label('收货经销商', 'Consignee dealer'), ref: 'dealers' }),
  province: marketScanSchema.shape.province,
  city: marketScanSchema.shape.city,
  foundDate: field.date({ label: label('发现日期', 'Found on') }),
  evidence: marketScanSchema.shape.evidence,
  unitCount: field.integer({ label: label('涉及单品数', 'Units') }),
});

/** One unit code a case holds. */
export const marketCaseUnitSchema = z.object({
  caseId,
  code: field.code({ label: label('单品码', 'Unit code') }),
  dealerCode: field.code({ label: label('收货经销商', 'Consignee dealer'), ref: 'dealers' }),
});

const depositKinds = ['paid', 'refund'] as const;

/** A deposit payment in, or a refund out, typed by finance. */
export const dealerDepositSchema = z.object({
  dealerCode: field.code({
    label: label('经销商编码', 'Dealer code'),
    synonyms: ['客户编码'],
    ref: 'dealers',
  }),
  date: field.date({ label: label('日期', 'Date'), synonyms: ['缴纳日期'] }),
  kind: field.enum(
    {
      label: label('类型', 'Kind'),
      options: [
        option('paid', ['缴纳', 'Paid in'], ['收取']),
        option('refund', ['退还', 'Refund']),
      ],
    },
    depositKinds,
  ),
  amount: field.money({ label: label('金额', 'Amount'), min: 1 }),
  remark: field.text({ label: label('备注', 'Remark'), max: 500 }, { required: false }),
});

/** Every deposit entry, penalties included (kind penalty, ref the case). */
export const dealerDepositPullSchema = dealerDepositSchema.extend({
  id: field.code({ label: label('流水号', 'Entry no.') }),
  kind: field.enum(
    {
      label: label('类型', 'Kind'),
      options: [
        option('paid', ['缴纳', 'Paid in']),
        option('refund', ['退还', 'Refund']),
        option('penalty', ['窜货罚款', 'Penalty']),
      ],
    },
    ['paid', 'refund', 'penalty'],
  ),
  caseId: field.code({ label: label('案件号', 'Case no.') }, { required: false }),
});

const money = (zh: string, en: string) =>
  field.money({ label: label(zh, en), min: -Number.MAX_SAFE_INTEGER });

/** A dealer's deposit: paid in, refunded, penalties taken, and the balance left. */
export const depositBalanceSchema = z.object({
  dealerCode: field.code({ label: label('经销商编码', 'Dealer code'), ref: 'dealers' }),
  paid: money('已缴纳', 'Paid in'),
  refunded: money('已退还', 'Refunded'),
  penalties: money('罚款扣除', 'Penalties'),
  balance: money('保证金余额', 'Balance'),
});
