// Sales staff (销售人员/销售助理): who looks after which region.
import { z } from 'zod';
import { field } from './field';
import { statusField } from './status';

export const staffSchema = z.object({
  code: field.code({
    label: { 'zh-CN': '工号', 'en-US': 'Staff code' },
    synonyms: ['员工编号', '员工编码', '业务员编码'],
  }),
  name: field.text({
    label: { 'zh-CN': '姓名', 'en-US': 'Name' },
    synonyms: ['业务员', '销售员', '员工姓名'],
    max: 50,
  }),
  regionCode: field.code(
    {
      label: { 'zh-CN': '负责区域', 'en-US': 'Region' },
      synonyms: ['区域', '区域编码'],
      ref: 'regions',
    },
    { required: false },
  ),
  title: field.text(
    { label: { 'zh-CN': '岗位', 'en-US': 'Title' }, synonyms: ['职位', '职务'], max: 50 },
    { required: false },
  ),
  phone: field.text(
    { label: { 'zh-CN': '电话', 'en-US': 'Phone' }, synonyms: ['联系电话', '手机'], max: 30 },
    { required: false },
  ),
  status: statusField(),
});
export type Staff = z.infer<typeof staffSchema>;
