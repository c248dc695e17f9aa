// The rows of the market-order datasets (窜货): traceable codes with their packing and the dealer
// shipped to, dealers' authorised areas, the settings, and scans of codes found in the market
// with the flags the server works out. docs/market-order.md.
import { z } from 'zod';
import { field, type FieldOption } from '../field';
import type { Label } from '../locale';

export const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
export const option = (
  value: string,
  [zh, en]: [string, string],
  synonyms?: string[],
): FieldOption => ({
  value,
  label: label(zh, en),
  ...(synonyms ? { synonyms } : {}),
});

export const codeLevels = ['unit', 'case', 'pallet'] as const;
export type CodeLevel = (typeof codeLevels)[number];

const dealerField = (zh: string, en: string, synonyms: string[]) =>
  field.code({ label: label(zh, en), synonyms, ref: 'dealers' });

/** One traceable code: a unit in a case, a case on a pallet, and the dealer it was shipped to. */
export const traceCodeSchema = z.object({
  code: field.code({ label: label('追溯码', 'Code'), synonyms: ['码', '单品码', '防窜码'] }),
  parentCode: field.code(
    { label: label('上级码', 'Parent code'), synonyms: ['箱码', '父码', '托码'] },
    { required: false },
  ),
  level: field.enum(
    {
      label: label('包装层级', 'Level'),
      synonyms: ['层级', '级别'],
      options: [
        option('unit', ['单品', 'Unit'], ['件', '瓶', '盒']),
        option('case', ['箱', 'Case']),
        option('pallet', ['托', 'Pallet'], ['托盘']),
      ],
    },
    codeLevels,
  ),
  shipmentRef: field.code(
    { label: label('发货单号', 'Shipment'), synonyms: ['出库单号', '订单号'] },
    { required: false },
  ),
  dealerCode: field.code(
    {
      label: label('收货经销商', 'Consignee dealer'),
      synonyms: ['经销商编码', '客户编码'],
      ref: 'dealers',
    },
    { required: false },
  ),
});
export type TraceCodeValues = z.output<typeof traceCodeSchema>;

/** A dealer's authorised sales areas, typed as one list (shared/market/areas.ts). */
export const dealerAreaSchema = z.object({
  dealerCode: dealerField('经销商编码', 'Dealer code', ['客户编码']),
  areas: field.text({
    label: label('授权区域', 'Authorised areas'),
    synonyms: ['销售区域', '授权销售区域'],
    max: 2000,
  }),
});

const marketSettingNames = ['repeat-scan-days'] as const;
export const DEFAULT_REPEAT_SCAN_DAYS = 30;

export const marketSettingSchema = z.object({
  setting: field.enum(
    {
      label: label('设置项', 'Setting'),
      options: [
        option('repeat-scan-days', ['异地重复扫码天数', 'Days between scans in two areas']),
      ],
    },
    marketSettingNames,
  ),
  value: field.integer({ label: label('值', 'Value'), min: 1 }),
});

const scanSources = ['inspector', 'consumer', 'market-check'] as const;

/** A code seen in the market: by an inspector, a consumer's scan, or a market check typed in. */
export const marketScanSchema = z.object({
  code: traceCodeSchema.shape.code,
  province: field.text({ label: label('省份', 'Province'), synonyms: ['省'], max: 30 }),
  city: field.text(
    { label: label('城市', 'City'), synonyms: ['市'], max: 30 },
    { required: false },
  ),
  scanDate: field.date({ label: label('扫码日期', 'Scan date'), synonyms: ['日期', '发现日期'] }),
  source: field.enum(
    {
      label: label('来源', 'Source'),
      options: [
        option('inspector', ['稽查', 'Inspector'], ['稽查员']),
        option('consumer', ['消费者扫码', 'Consumer scan'], ['消费者']),
        option('market-check', ['市场检查', 'Market check'], ['巡店']),
      ],
    },
    scanSources,
  ),
  scannedBy: field.text(
    { label: label('扫码人', 'Scanned by'), synonyms: ['稽查员'], max: 50 },
    { required: false },
  ),
  evidence: field.text(
    { label: label('证据', 'Evidence'), synonyms: ['照片', '证据说明'], max: 2000 },
    { required: false },
  ),
});
export type MarketScanValues = z.output<typeof marketScanSchema>;

const flag = (zh: string, en: string) => field.boolean({ label: label(zh, en) });

/** A scan as pulled: the consignee, the flags and the case it opened. */
export const marketScanPullSchema = marketScanSchema.extend({
  id: field.code({ label: label('扫码单号', 'Scan no.') }),
  dealerCode: field.code(
    { label: label('收货经销商', 'Consignee dealer'), ref: 'dealers' },
    { required: false },
  ),
  outOfArea: flag('区域外', 'Outside the area'),
  twoAreas: flag('异地重复', 'Seen in two areas'),
  neverShipped: flag('未发货（疑似假货）', 'Never shipped (suspected fake)'),
  caseId: field.code({ label: label('案件号', 'Case no.') }, { required: false }),
});
