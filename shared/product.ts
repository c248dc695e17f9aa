// Products are SKUs: style × colour × size for apparel (款式/颜色/尺码).
import { z } from 'zod';
import { field } from './field';
import { statusField } from './status';

export const productSchema = z.object({
  skuCode: field.code({
    label: { 'zh-CN': '产品编码', 'en-US': 'SKU code' },
    synonyms: [
      '货号',
      'SKU',
      '商品编码',
      '产品代码',
      '条码',
      '款号色号尺码',
      'product code',
      'sku',
    ],
  }),
  name: field.text({
    label: { 'zh-CN': '产品名称', 'en-US': 'Product name' },
    synonyms: ['品名', '商品名称', '名称', 'product'],
    max: 100,
  }),
  styleCode: field.code({
    label: { 'zh-CN': '款号', 'en-US': 'Style' },
    synonyms: ['款式', '款式编码', 'style code'],
  }),
  colour: field.text({
    label: { 'zh-CN': '颜色', 'en-US': 'Colour' },
    synonyms: ['色号', '颜色名称', 'color'],
    max: 30,
  }),
  size: field.text({
    label: { 'zh-CN': '尺码', 'en-US': 'Size' },
    synonyms: ['规格', '码数'],
    max: 20,
  }),
  category: field.text({
    label: { 'zh-CN': '品类', 'en-US': 'Category' },
    synonyms: ['类别', '大类', '品类名称'],
    max: 50,
  }),
  unit: field.text({
    label: { 'zh-CN': '单位', 'en-US': 'Unit' },
    synonyms: ['计量单位'],
    max: 10,
  }),
  listPrice: field.money({
    label: { 'zh-CN': '零售价', 'en-US': 'List price' },
    synonyms: ['吊牌价', '标准价', '建议零售价'],
  }),
  dealerPrice: field.money({
    label: { 'zh-CN': '经销价', 'en-US': 'Dealer price' },
    synonyms: ['批发价', '供货价', '出厂价'],
  }),
  packSize: field.integer({
    label: { 'zh-CN': '包装数', 'en-US': 'Pack size' },
    synonyms: ['装箱数', '每包数量', '包装规格'],
    min: 1,
  }),
  safetyStock: field.integer({
    label: { 'zh-CN': '安全库存', 'en-US': 'Safety stock' },
    synonyms: ['最低库存', '安全库存量'],
  }),
  status: statusField(),
});
export type Product = z.infer<typeof productSchema>;

/** A column naming a product by its SKU code, in orders and stock movements. */
export const skuRefField = () =>
  field.code({
    label: { 'zh-CN': '产品编码', 'en-US': 'SKU code' },
    synonyms: ['货号', 'SKU', '商品编码', '产品代码', '条码', 'product code', 'sku'],
    ref: 'products',
    refActive: true,
  });
