// The fair-guidance inputs a sales assistant keeps per dealer × style (订货会结转): the dealer's
// carry-over stock of the style and the share of it still sellable this season. The fair
// guidance pull subtracts carry-over × usable % from its suggestion (docs/sell-out.md).
import { z } from 'zod';
import { defineDataset } from '../dataset-def';
import { field } from '../field';
import type { Label } from '../locale';

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

const fairInputSchema = z.object({
  dealerCode: field.code({
    label: label('经销商编码', 'Dealer code'),
    synonyms: ['客户编码', '经销商'],
    ref: 'dealers',
  }),
  styleCode: field.code({ label: label('款号', 'Style'), synonyms: ['款式', '款式编码'] }),
  carryOver: field.integer({
    label: label('结转库存', 'Carry-over stock'),
    synonyms: ['旧货库存', '往季库存', '结转数量'],
  }),
  usablePercent: field.integer(
    {
      label: label('可用比例%', 'Usable %'),
      synonyms: ['可用比例', '可销比例'],
      check: { test: (n) => n <= 100, error: 'invalid-value' },
    },
    { required: false },
  ),
});
export type FairInputValues = z.output<typeof fairInputSchema>;

export const fairInputsDataset = defineDataset({
  name: 'fair-inputs',
  label: label('订货会结转库存', 'Fair carry-over'),
  push: { schema: fairInputSchema, roles: ['admin', 'manager', 'sales'] },
  pull: {
    schema: fairInputSchema.extend({ id: field.code({ label: label('编号', 'Id') }) }),
    roles: ['admin', 'manager', 'sales', 'analyst'],
    filters: ['dealer'],
  },
});
