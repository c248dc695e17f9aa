// Record status shared by every master-data entity.
import { field } from './field';

const recordStatuses = ['active', 'inactive'] as const;

export const statusField = (opt?: { required?: boolean }) =>
  field.enum(
    {
      label: { 'zh-CN': '状态', 'en-US': 'Status' },
      synonyms: ['启用状态', 'state'],
      options: [
        {
          value: 'active',
          label: { 'zh-CN': '启用', 'en-US': 'Active' },
          synonyms: ['正常', '有效', 'Y', '是'],
        },
        {
          value: 'inactive',
          label: { 'zh-CN': '停用', 'en-US': 'Inactive' },
          synonyms: ['禁用', '无效', 'N', '否'],
        },
      ],
    },
    recordStatuses,
    opt,
  );
