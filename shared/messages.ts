// Every expected outcome has a stable kebab-case code and a sentence in both languages.
// Templates use {name} placeholders filled from the outcome's params.
import type { Label, Locale } from './locale';
import { domainMessages } from './messages-domain';
import { estateMessages } from './estate/messages';
import { selloutMessages } from './sellout/messages';
import { marketMessages } from './market/messages';
import { returnMessages } from './returns/messages';
import { stockOpsMessages } from './stock-ops/messages';
import { supportMessages } from './support/messages';
import { httpMessages } from './messages-http';

const coreMessages = {
  // Whole-request outcomes.
  unauthenticated: { 'zh-CN': '请先登录。', 'en-US': 'Please sign in first.' },
  'invalid-credentials': {
    'zh-CN': '用户名或密码不正确。',
    'en-US': 'Wrong user name or password.',
  },
  'token-expired': {
    'zh-CN': '登录已过期，请重新登录。',
    'en-US': 'Your session has expired; please sign in again.',
  },
  forbidden: {
    'zh-CN': '您的角色（{role}）无权执行此操作。',
    'en-US': 'Your role ({role}) is not allowed to do this.',
  },
  'invalid-request': {
    'zh-CN': '请求格式不正确：{detail}',
    'en-US': 'The request is malformed: {detail}',
  },
  'not-found': { 'zh-CN': '找不到：{what}', 'en-US': 'Not found: {what}' },
  'unknown-dataset': {
    'zh-CN': '没有名为“{dataset}”的数据集。',
    'en-US': 'There is no dataset called "{dataset}".',
  },
  'dataset-not-pushable': {
    'zh-CN': '数据集“{dataset}”不能上传。',
    'en-US': 'Dataset "{dataset}" cannot be pushed.',
  },
  'idempotency-key-required': {
    'zh-CN': '缺少 Idempotency-Key 请求头。',
    'en-US': 'The Idempotency-Key header is missing.',
  },
  'idempotency-key-reused': {
    'zh-CN': '同一个 Idempotency-Key 已用于另一份内容。',
    'en-US': 'This Idempotency-Key was already used for a different body.',
  },
  'idempotency-in-progress': {
    'zh-CN': '同一请求仍在处理中，请稍后重试。',
    'en-US': 'The same request is still being processed; retry shortly.',
  },
  'payload-too-large': {
    'zh-CN': '请求过大（上限 {limit}）。',
    'en-US': 'The request is too large (limit {limit}).',
  },
  'too-many-rows': {
    'zh-CN': '一次最多提交 {limit} 行。',
    'en-US': 'At most {limit} rows per request.',
  },
  'origin-not-allowed': {
    'zh-CN': '不允许来自此来源的请求。',
    'en-US': 'Requests from this origin are not allowed.',
  },
  internal: {
    'zh-CN': '服务器内部错误，请联系管理员（编号 {requestId}）。',
    'en-US': 'Internal server error; please contact the administrator (reference {requestId}).',
  },
  // Workbook files.
  'file-too-large': {
    'zh-CN': '文件过大（上限 {limit}）。',
    'en-US': 'The file is too large (limit {limit}).',
  },
  'file-not-xlsx': {
    'zh-CN': '这不是有效的 .xlsx 工作簿。',
    'en-US': 'This is not a valid .xlsx workbook.',
  },
  'file-zip-bomb': {
    'zh-CN': '文件解压后过大（{size}），已拒绝。',
    'en-US': 'The file expands to too much data ({size}); refused.',
  },
  'file-too-many-sheets': {
    'zh-CN': '工作表过多（{count} 个，上限 {limit}）。',
    'en-US': 'Too many sheets ({count}; limit {limit}).',
  },
  'file-too-many-rows': {
    'zh-CN': '行数过多（上限 {limit}）。',
    'en-US': 'Too many rows (limit {limit}).',
  },
  'file-no-header': {
    'zh-CN': '第一个工作表没有可识别的表头（需要：{fields}）。',
    'en-US': 'The first sheet has no recognisable header row (need: {fields}).',
  },
  'file-wrong-type': {
    'zh-CN': '请上传 .xlsx 工作簿（收到的是 {type}）。',
    'en-US': 'Please upload an .xlsx workbook (got {type}).',
  },
  'import-result-title': { 'zh-CN': '导入结果', 'en-US': 'Result' },
  'import-applied': { 'zh-CN': '已接受：{id}', 'en-US': 'Accepted: {id}' },
  'import-would-apply': { 'zh-CN': '预检通过：{id}', 'en-US': 'Would be accepted: {id}' },
  'import-unchanged': { 'zh-CN': '无变化：{id}', 'en-US': 'Unchanged: {id}' },
  // Row outcomes: values.
  required: { 'zh-CN': '“{field}”必填。', 'en-US': '"{field}" is required.' },
  'invalid-number': { 'zh-CN': '“{field}”应为数字。', 'en-US': '"{field}" must be a number.' },
  'not-integer': { 'zh-CN': '“{field}”应为整数。', 'en-US': '"{field}" must be a whole number.' },
  'not-positive': { 'zh-CN': '“{field}”应大于 0。', 'en-US': '"{field}" must be greater than 0.' },
  negative: { 'zh-CN': '“{field}”不能为负数。', 'en-US': '"{field}" cannot be negative.' },
  'invalid-money': {
    'zh-CN': '“{field}”应为金额（元，最多两位小数）。',
    'en-US': '"{field}" must be an amount in yuan with at most two decimals.',
  },
  'invalid-date': {
    'zh-CN': '“{field}”应为日期（如 2026-11-27）。',
    'en-US': '"{field}" must be a date (e.g. 2026-11-27).',
  },
  'invalid-datetime': {
    'zh-CN': '“{field}”应为北京时间的日期和时间（如 2026-11-20 14:30）。',
    'en-US': '"{field}" must be a date and time, China Standard Time (e.g. 2026-11-20 14:30).',
  },
  'invalid-option': {
    'zh-CN': '“{field}”应为以下之一：{options}。',
    'en-US': '"{field}" must be one of: {options}.',
  },
  'too-long': {
    'zh-CN': '“{field}”最多 {max} 个字符。',
    'en-US': '"{field}" is longer than {max} characters.',
  },
  'invalid-value': { 'zh-CN': '“{field}”的值无效。', 'en-US': '"{field}" has an invalid value.' },
  'invalid-uscc': {
    'zh-CN': '统一社会信用代码“{value}”校验位不正确。',
    'en-US': 'Unified social credit code "{value}" fails its check digit.',
  },
  'formula-not-allowed': {
    'zh-CN': '“{field}”是公式，请填写数值。',
    'en-US': '"{field}" holds a formula; enter a value.',
  },
  'merged-cell': {
    'zh-CN': '“{field}”位于合并单元格中，请取消合并。',
    'en-US': '"{field}" is in a merged cell; unmerge it.',
  },
  'text-number': {
    'zh-CN': '“{field}”是文本格式的数字，已按数字读取。',
    'en-US': '"{field}" is a number stored as text; read as a number.',
  },
  'duplicate-in-batch': { 'zh-CN': '与第 {row} 行重复。', 'en-US': 'Duplicates row {row}.' },
  'default-taken': {
    'zh-CN': '“{field}”未填，按默认值“{value}”。',
    'en-US': '"{field}" was blank; took the default "{value}".',
  },
  'default-from-record': {
    'zh-CN': '“{field}”未填，取{attribute} {value}。',
    'en-US': '"{field}" was blank; took the {attribute} {value}.',
  },
  'duplicate-row-key': {
    'zh-CN': '与第 {row} 行是同一行（_key 相同），本行未提交。复制的行请清空 _key 后再推送。',
    'en-US':
      'Same row as row {row} (the same _key); this row was not sent. Clear _key on a copied row and push again.',
  },
  // Row outcomes: sync protocol.
  'missing-base-version': {
    'zh-CN': '修改已有记录时必须带上版本号。',
    'en-US': 'An update must carry the version it was based on.',
  },
  'stale-version': {
    'zh-CN': '该记录已被他人修改（服务器版本 {version}）。',
    'en-US': 'Someone else changed this record (server version {version}).',
  },
  'record-not-found': {
    'zh-CN': '服务器上没有此记录。',
    'en-US': 'The server has no such record.',
  },
  'key-taken': {
    'zh-CN': '“{value}”已被另一条记录使用。',
    'en-US': '"{value}" is already used by another record.',
  },
  'atomic-aborted': {
    'zh-CN': '同批次中有行被拒绝，整批未提交。',
    'en-US': 'Another row of this all-or-nothing batch was rejected; nothing was applied.',
  },
  'region-not-allowed': {
    'zh-CN': '您无权处理区域“{region}”。',
    'en-US': 'You are not allowed to work on region "{region}".',
  },
  // Row outcomes: master data and orders.
  'unknown-dealer': {
    'zh-CN': '经销商“{value}”不存在。',
    'en-US': 'Dealer "{value}" does not exist.',
  },
  'dealer-inactive': {
    'zh-CN': '经销商“{value}”已停用。',
    'en-US': 'Dealer "{value}" is inactive.',
  },
  'unknown-region': {
    'zh-CN': '区域“{value}”不存在。',
    'en-US': 'Region "{value}" does not exist.',
  },
  'unknown-sku': { 'zh-CN': '产品“{value}”不存在。', 'en-US': 'Product "{value}" does not exist.' },
  'sku-inactive': { 'zh-CN': '产品“{value}”已停用。', 'en-US': 'Product "{value}" is inactive.' },
  'unknown-location': {
    'zh-CN': '库位“{value}”不存在。',
    'en-US': 'Location "{value}" does not exist.',
  },
  'location-inactive': {
    'zh-CN': '库位“{value}”已停用。',
    'en-US': 'Location "{value}" is inactive.',
  },
  'location-not-serving-region': {
    'zh-CN': '库位“{location}”不服务区域“{region}”。',
    'en-US': 'Location "{location}" does not serve region "{region}".',
  },
  'not-pack-multiple': {
    'zh-CN': '数量应为整包 {pack} 的倍数。',
    'en-US': 'Quantity must be a multiple of the pack size {pack}.',
  },
  'price-mismatch': {
    'zh-CN': '单价应为经销价 {expected} 元。',
    'en-US': 'Unit price must be the dealer price {expected}.',
  },
  'insufficient-stock': {
    'zh-CN': '库存不足：可用 {available}。',
    'en-US': 'Not enough stock: {available} available.',
  },
  'order-rejected': {
    'zh-CN': '同一订单的其他行有错误，整单未接受。',
    'en-US': 'Another line of this order has an error; the whole order was rejected.',
  },
  'order-inconsistent': {
    'zh-CN': '同一订单的行“{field}”不一致。',
    'en-US': 'Lines of the same order disagree on "{field}".',
  },
  'already-shipped': {
    'zh-CN': '订单行已发货，不能修改。',
    'en-US': 'The order line has shipped and can no longer change.',
  },
  'order-cancelled': { 'zh-CN': '订单行已取消。', 'en-US': 'The order line is cancelled.' },
  'unknown-order-line': {
    'zh-CN': '订单行“{value}”不存在。',
    'en-US': 'Order line "{value}" does not exist.',
  },
  'over-shipment': {
    'zh-CN': '发货超过订货：还可发 {remaining}。',
    'en-US': 'Shipping more than ordered: {remaining} remaining.',
  },
  'same-location': {
    'zh-CN': '调出与调入库位不能相同。',
    'en-US': 'From and to locations must differ.',
  },
  'transfer-received': {
    'zh-CN': '调拨已签收，不能修改。',
    'en-US': 'The transfer was received and can no longer change.',
  },
  'immutable-movement': {
    'zh-CN': '库存流水不能修改，请录入新的调整。',
    'en-US': 'Stock movements cannot be changed; enter a new adjustment.',
  },
} as const satisfies Record<string, Label>;

export const messages = {
  ...coreMessages,
  ...domainMessages,
  ...httpMessages,
  ...estateMessages,
  ...selloutMessages,
  ...marketMessages,
  ...returnMessages,
  ...stockOpsMessages,
  ...supportMessages,
};

export type MessageCode = keyof typeof messages;
export type MessageParams = Readonly<Record<string, string | number>>;

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

/** The sentence for a code in the given language, with its placeholders filled. */
export function formatMessage(code: MessageCode, params: MessageParams, locale: Locale): string {
  return messages[code][locale].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
