// Regions form a tree (华东 → 上海, 江苏…); dealers and sales assistants belong to regions.
import { z } from 'zod';
import { field } from './field';
import { statusField } from './status';

export const regionSchema = z.object({
  code: field.code({
    label: { 'zh-CN': '区域编码', 'en-US': 'Region code' },
    synonyms: ['区域代码', '大区编码'],
  }),
  name: field.text({
    label: { 'zh-CN': '区域名称', 'en-US': 'Region name' },
    synonyms: ['区域', '大区'],
    max: 50,
  }),
  parentCode: field.code(
    {
      label: { 'zh-CN': '上级区域', 'en-US': 'Parent region' },
      synonyms: ['上级区域编码', 'parent'],
      ref: 'regions',
    },
    { required: false },
  ),
  status: statusField({ required: false }),
});
export type Region = z.infer<typeof regionSchema>;

/** The codes of a region and all regions below it, for region-limited users and filters. */
export function regionAndDescendants(
  code: string,
  regions: readonly { code: string; parentCode?: string | undefined }[],
): Set<string> {
  const result = new Set([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const region of regions) {
      if (region.parentCode && result.has(region.parentCode) && !result.has(region.code)) {
        result.add(region.code);
        grew = true;
      }
    }
  }
  return result;
}
