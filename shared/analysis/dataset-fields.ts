// Field shorthands for the analysis datasets. Every field is still built with
// `field.*`, so GET /meta, header mapping and the add-in's typed columns come from it; these
// only spell the two labels once. Pull-only columns are optional: a fact whose dealer or
// product left the master data still travels, with those columns empty.
import { field } from '../field';
import type { Label } from '../locale';

export const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

const optional = { required: false } as const;
const MIN_SIGNED = -1_000_000_000;

export const col = {
  text: (zh: string, en: string, synonyms: readonly string[] = []) =>
    field.text({ label: label(zh, en), synonyms }, optional),
  code: (zh: string, en: string, synonyms: readonly string[] = []) =>
    field.code({ label: label(zh, en), synonyms }, optional),
  ref: (zh: string, en: string, ref: string) => field.code({ label: label(zh, en), ref }, optional),
  date: (zh: string, en: string, synonyms: readonly string[] = []) =>
    field.date({ label: label(zh, en), synonyms }, optional),
  /** A signed whole number (quantities, days, basis points). */
  count: (zh: string, en: string, synonyms: readonly string[] = []) =>
    field.integer({ label: label(zh, en), synonyms, min: MIN_SIGNED }, optional),
  /** Signed money in fen; the add-in shows yuan. */
  money: (zh: string, en: string, synonyms: readonly string[] = []) =>
    field.money({ label: label(zh, en), synonyms, min: -Number.MAX_SAFE_INTEGER }, optional),
  flag: (zh: string, en: string) => field.boolean({ label: label(zh, en) }, optional),
};

/** Common pivot dimensions shared by several pulls. */
export const dims = {
  year: () => col.count('年', 'Year', ['年份']),
  month: () => col.text('月份', 'Month', ['月']),
  quarter: () => col.text('季度', 'Quarter'),
  regionCode: () => col.ref('区域编码', 'Region code', 'regions'),
  regionName: () => col.text('区域名称', 'Region name', ['区域']),
  dealerCode: () => col.ref('经销商编码', 'Dealer code', 'dealers'),
  dealerName: () => col.text('经销商名称', 'Dealer name', ['经销商', '客户名称']),
  skuCode: () => col.ref('产品编码', 'SKU code', 'products'),
  styleCode: () => col.code('款号', 'Style', ['款式']),
  colour: () => col.text('颜色', 'Colour', ['色号']),
  size: () => col.text('尺码', 'Size', ['码数']),
  category: () => col.text('品类', 'Category', ['类别']),
  locationCode: () => col.ref('库位编码', 'Location code', 'locations'),
  level: () =>
    field.enum(
      {
        label: label('层级', 'Level'),
        synonyms: ['级别'],
        options: [
          { value: 'region', label: label('区域', 'Region') },
          { value: 'dealer', label: label('经销商', 'Dealer') },
        ],
      },
      ['region', 'dealer'] as const,
    ),
};
