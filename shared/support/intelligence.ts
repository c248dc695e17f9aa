// Market intelligence (同类产品渠道销售及促销状况): what sales saw of competing products in the
// channel — competitor, product, region, price and promotion, date and source
// (docs/dealer-support.md, "Market intelligence").
import { z } from 'zod';
import { field } from '../field';
import { label } from './labels';

export const marketIntelSchema = z.object({
  observedOn: field.date({
    label: label('观察日期', 'Observed on'),
    synonyms: ['日期', '调查日期'],
  }),
  competitor: field.text({
    label: label('竞争品牌', 'Competitor'),
    synonyms: ['竞品品牌', '品牌'],
    max: 100,
  }),
  product: field.text({
    label: label('竞品', 'Product'),
    synonyms: ['产品', '竞品名称'],
    max: 200,
  }),
  regionCode: field.code({
    label: label('区域', 'Region'),
    synonyms: ['区域编码'],
    ref: 'regions',
  }),
  channel: field.text(
    { label: label('渠道', 'Channel'), synonyms: ['终端'], max: 100 },
    { required: false },
  ),
  price: field.money({ label: label('观察价格', 'Observed price'), synonyms: ['价格', '售价'] }),
  promotion: field.text(
    { label: label('促销情况', 'Promotion'), synonyms: ['促销', '促销方式'], max: 500 },
    { required: false },
  ),
  source: field.text({ label: label('信息来源', 'Source'), synonyms: ['来源'], max: 200 }),
});
