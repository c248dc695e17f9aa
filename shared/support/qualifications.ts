// Contracts and qualifications (合同与资质): the register of dealer contracts and licences and of
// product qualifications (e.g. 医疗器械注册证), the per-category licence a dealer must hold to
// order, and the expiry list. The pure rule `licenceProblem` decides an order line's refusal;
// the server answers it from its store (docs/dealer-support.md, "Contracts and qualifications").
import { z } from 'zod';
import { field } from '../field';
import type { RuleProblem } from '../dataset-def';
import { label, option } from './labels';

const documentTypes = ['contract', 'licence', 'registration'] as const;
const holderKinds = ['dealer', 'product'] as const;
const expiryStatuses = ['expired', 'expiring'] as const;

const documentTypeField = field.enum(
  {
    label: label('证件类型', 'Document type'),
    synonyms: ['类型', '单证类型'],
    options: [
      option('contract', ['合同', 'Contract'], ['经销合同', '协议']),
      option('licence', ['许可证照', 'Licence'], ['许可证', '营业执照', '资质']),
      option('registration', ['产品注册证', 'Registration certificate'], ['注册证', '备案凭证']),
    ],
  },
  documentTypes,
);

const holderKindField = field.enum(
  {
    label: label('持有方类型', 'Holder kind'),
    synonyms: ['持有方', '主体类型'],
    options: [
      option('dealer', ['经销商', 'Dealer'], ['客户']),
      option('product', ['产品', 'Product'], ['SKU']),
    ],
  },
  holderKinds,
);

const kindField = field.text({
  label: label('证照种类', 'Kind'),
  synonyms: ['资质种类', '许可证种类', '证照名称'],
  max: 50,
});

/** One register entry: a contract, a licence or a registration certificate. */
export const qualificationSchema = z.object({
  number: field.code({
    label: label('证照编号', 'Number'),
    synonyms: ['编号', '合同编号', '许可证号', '注册证号'],
  }),
  documentType: documentTypeField,
  holderKind: holderKindField,
  holderCode: field.code({
    label: label('持有方编码', 'Holder code'),
    synonyms: ['经销商编码', '产品编码', '客户编码'],
  }),
  kind: kindField,
  validFrom: field.date({
    label: label('有效期自', 'Valid from'),
    synonyms: ['生效日期', '起始日期'],
  }),
  validTo: field.date({ label: label('有效期至', 'Valid to'), synonyms: ['到期日期', '截止日期'] }),
  scanRef: field.text(
    { label: label('扫描件', 'Scan reference'), synonyms: ['附件', '扫描件编号'], max: 200 },
    { required: false },
  ),
  remark: field.text({ label: label('备注', 'Remark'), max: 500 }, { required: false }),
});
export type QualificationValues = z.output<typeof qualificationSchema>;

/** Per product category, the licence kind a dealer must hold, valid on the order date. */
export const licenceRequirementSchema = z.object({
  category: field.text({
    label: label('品类', 'Category'),
    synonyms: ['产品类别', '类别'],
    max: 50,
  }),
  licenceKind: kindField,
});

/** A register entry expired or expiring within the window, as of a date. */
export const qualificationExpirySchema = qualificationSchema
  .pick({ number: true, documentType: true, holderKind: true, holderCode: true, kind: true })
  .extend({
    validTo: qualificationSchema.shape.validTo,
    status: field.enum(
      {
        label: label('状态', 'Status'),
        options: [
          option('expired', ['已过期', 'Expired']),
          option('expiring', ['即将到期', 'Expiring']),
        ],
      },
      expiryStatuses,
    ),
    daysLeft: field.integer({ label: label('剩余天数', 'Days left'), min: -1_000_000 }),
    asOf: field.date({ label: label('统计日期', 'As of') }),
  });

/** A dealer's licence as the order check reads it. */
export interface HeldLicence {
  number: string;
  kind: string;
  validFrom: string;
  validTo: string;
}

/**
 * Why a dealer may not order a product of a category that needs licence `kind` on `date`, or
 * null when one of its licences of that kind is valid that day (validFrom ≤ date ≤ validTo: a
 * licence is good through its last day). An expired licence is named with its last day.
 */
export function licenceProblem(
  kind: string,
  held: readonly HeldLicence[],
  date: string,
): RuleProblem | null {
  const ofKind = held.filter((l) => l.kind === kind);
  if (ofKind.some((l) => l.validFrom <= date && date <= l.validTo)) return null;
  const lapsed = ofKind
    .filter((l) => l.validTo < date)
    .sort((a, b) => (a.validTo < b.validTo ? 1 : -1));
  const latest = lapsed[0];
  if (latest)
    return {
      field: 'dealerCode',
      code: 'licence-expired',
      params: { kind, number: latest.number, validTo: latest.validTo },
    };
  return { field: 'dealerCode', code: 'licence-missing', params: { kind } };
}
