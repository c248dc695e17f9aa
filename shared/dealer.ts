// 经销商/客户档案 (A21, C16): the customer file every order, receipt and grade refers to.
import { z } from 'zod';
import { field } from './field';
import { statusField } from './status';
import { isValidUscc } from './uscc';

export const channels = ['dealer', 'key-account', 'own-store', 'group-buyer'] as const;
export const grades = ['A', 'B', 'C'] as const;
export type Grade = (typeof grades)[number];

export const dealerSchema = z.object({
  code: field.code({
    label: { 'zh-CN': '经销商编码', 'en-US': 'Dealer code' },
    synonyms: ['客户编码', '客户代码', '经销商代码', '客户编号', 'customer code', 'dealer'],
  }),
  name: field.text({
    label: { 'zh-CN': '经销商名称', 'en-US': 'Dealer name' },
    synonyms: ['客户名称', '经销商', '客户', 'customer', 'customer name'],
    max: 100,
  }),
  uscc: field.text(
    {
      label: { 'zh-CN': '统一社会信用代码', 'en-US': 'Unified social credit code' },
      synonyms: ['信用代码', '社会信用代码', 'USCC'],
      max: 18,
      check: { test: isValidUscc, error: 'invalid-uscc' },
    },
    { required: false },
  ),
  regionCode: field.code({
    label: { 'zh-CN': '区域', 'en-US': 'Region' },
    synonyms: ['区域编码', '所属区域', '大区'],
    ref: 'regions',
  }),
  channel: field.enum(
    {
      label: { 'zh-CN': '渠道', 'en-US': 'Channel' },
      synonyms: ['渠道类型', '客户类型'],
      options: [
        {
          value: 'dealer',
          label: { 'zh-CN': '经销商', 'en-US': 'Dealer' },
          synonyms: ['加盟商', '代理商'],
        },
        {
          value: 'key-account',
          label: { 'zh-CN': '直营大客户', 'en-US': 'Key account' },
          synonyms: ['大客户', 'KA'],
        },
        {
          value: 'own-store',
          label: { 'zh-CN': '自营店', 'en-US': 'Self-operated store' },
          synonyms: ['直营店', '自营'],
        },
        {
          value: 'group-buyer',
          label: { 'zh-CN': '团购客户', 'en-US': 'Group buyer' },
          synonyms: ['团购'],
        },
      ],
    },
    channels,
  ),
  grade: field.enum(
    {
      label: { 'zh-CN': '等级', 'en-US': 'Grade' },
      synonyms: ['客户等级', '级别', '分级'],
      options: [
        { value: 'A', label: { 'zh-CN': 'A', 'en-US': 'A' }, synonyms: ['A级'] },
        { value: 'B', label: { 'zh-CN': 'B', 'en-US': 'B' }, synonyms: ['B级'] },
        { value: 'C', label: { 'zh-CN': 'C', 'en-US': 'C' }, synonyms: ['C级'] },
      ],
    },
    grades,
  ),
  creditLimit: field.money({
    label: { 'zh-CN': '信用额度', 'en-US': 'Credit limit' },
    synonyms: ['授信额度', '额度'],
  }),
  paymentTermsDays: field.integer({
    label: { 'zh-CN': '账期（天）', 'en-US': 'Payment terms (days)' },
    synonyms: ['账期', '付款期限', '信用天数', 'payment terms'],
  }),
  contactName: field.text(
    { label: { 'zh-CN': '联系人', 'en-US': 'Contact' }, synonyms: ['联系人姓名'], max: 50 },
    { required: false },
  ),
  contactPhone: field.text(
    {
      label: { 'zh-CN': '联系电话', 'en-US': 'Phone' },
      synonyms: ['电话', '手机', '手机号'],
      max: 30,
    },
    { required: false },
  ),
  address: field.text(
    {
      label: { 'zh-CN': '地址', 'en-US': 'Address' },
      synonyms: ['收货地址', '店铺地址'],
      max: 200,
    },
    { required: false },
  ),
  status: statusField(),
});
export type Dealer = z.infer<typeof dealerSchema>;
