// Locations hold stock: warehouses, the showroom (展厅) and self-operated stores (自营店).
import { z } from 'zod';
import { field } from './field';
import { statusField } from './status';

const locationKinds = ['warehouse', 'showroom', 'store'] as const;

export const locationSchema = z.object({
  code: field.code({
    label: { 'zh-CN': '库位编码', 'en-US': 'Location code' },
    synonyms: ['仓库编码', '仓库', '库位', '发货仓', '仓库代码', 'warehouse', 'location'],
  }),
  name: field.text({
    label: { 'zh-CN': '库位名称', 'en-US': 'Location name' },
    synonyms: ['仓库名称'],
    max: 50,
  }),
  kind: field.enum(
    {
      label: { 'zh-CN': '类型', 'en-US': 'Kind' },
      synonyms: ['库位类型'],
      options: [
        { value: 'warehouse', label: { 'zh-CN': '仓库', 'en-US': 'Warehouse' } },
        {
          value: 'showroom',
          label: { 'zh-CN': '展厅', 'en-US': 'Showroom' },
          synonyms: ['样板房'],
        },
        {
          value: 'store',
          label: { 'zh-CN': '自营店', 'en-US': 'Store' },
          synonyms: ['门店', '直营店'],
        },
      ],
    },
    locationKinds,
  ),
  /** Regions this location ships to, comma-separated codes; empty means it serves every region. */
  servesRegions: field.text(
    {
      label: { 'zh-CN': '服务区域', 'en-US': 'Serves regions' },
      synonyms: ['覆盖区域', '配送区域'],
      max: 200,
    },
    { required: false },
  ),
  status: statusField(),
});
export type Location = z.infer<typeof locationSchema>;

export function servedRegions(location: Pick<Location, 'servesRegions'>): string[] {
  return (location.servesRegions ?? '').split(/[,，、\s]+/).filter(Boolean);
}
