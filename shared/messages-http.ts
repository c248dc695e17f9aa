// Whole-request outcomes of the HTTP edge (malformed requests, limits, sign-in throttling,
// server faults), merged into the one table in messages.ts. Each code is stable: API clients
// branch on `error.code`, people read `error.message`.
import type { Label } from './locale';

export const httpMessages = {
  'invalid-json': {
    'zh-CN': '请求内容不是有效的 JSON：{detail}',
    'en-US': 'The request body is not valid JSON: {detail}',
  },
  'route-not-found': {
    'zh-CN': '没有这个接口：{method} {path}',
    'en-US': 'There is no such endpoint: {method} {path}',
  },
  'confusable-code': {
    'zh-CN': '“{field}”含有外形像英文字母的西里尔或希腊字母，请用英文字母重新输入。',
    'en-US':
      '"{field}" holds Cyrillic or Greek letters that look like Latin ones; retype it in Latin letters.',
  },
  'invalid-money-fen': {
    'zh-CN': '“{field}”应为整数金额，单位为分（如 19990 表示 199.90 元）。',
    'en-US': '"{field}" must be a whole number of fen (e.g. 19990 for ¥199.90).',
  },
  'invalid-path': {
    'zh-CN': '请求地址中的转义字符（%）无效。',
    'en-US': 'The request path holds an invalid percent-escape.',
  },
  'invalid-body-encoding': {
    'zh-CN': '请求内容与其声明的压缩格式（Content-Encoding: {encoding}）不符。',
    'en-US': 'The request body does not match its Content-Encoding ({encoding}).',
  },
  'unsupported-encoding': {
    'zh-CN': '不支持的请求压缩格式：{encoding}（可用 gzip、deflate、br 或不压缩）。',
    'en-US': 'Unsupported Content-Encoding: {encoding} (use gzip, deflate, br or none).',
  },
  'unsupported-charset': {
    'zh-CN': '不支持的字符集：{charset}（请使用 UTF-8）。',
    'en-US': 'Unsupported charset: {charset} (use UTF-8).',
  },
  'request-aborted': {
    'zh-CN': '请求在传输中断开，请重试。',
    'en-US': 'The request was cut off in transit; please retry.',
  },
  'unsupported-media-type': {
    'zh-CN': '请以 JSON 发送请求内容（Content-Type: application/json），收到的是 {type}。',
    'en-US': 'Send the request body as JSON (Content-Type: application/json); got {type}.',
  },
  'invalid-param': {
    'zh-CN': '参数“{field}”无效：{detail}',
    'en-US': 'Parameter "{field}" is invalid: {detail}',
  },
  'invalid-date-param': {
    'zh-CN': '参数“{field}”不是有效日期：{value}（应为存在的日期，如 2026-11-27）。',
    'en-US': 'Parameter "{field}" is not a valid date: {value} (use a real date, e.g. 2026-11-27).',
  },
  'idempotency-key-invalid': {
    'zh-CN': 'Idempotency-Key 请求头无效：应为 8–100 个字母、数字、“_”或“-”。',
    'en-US': 'The Idempotency-Key header is invalid: use 8–100 letters, digits, "_" or "-".',
  },
  'header-too-large': {
    'zh-CN': '请求头“{header}”过长（上限 {limit} 个字符）。',
    'en-US': 'The "{header}" header is too long (limit {limit} characters).',
  },
  'host-not-allowed': {
    'zh-CN': '此服务器不接受以“{host}”为地址的请求。',
    'en-US': 'This server does not answer to the host name "{host}".',
  },
  'too-many-sign-ins': {
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试，或请管理员解除锁定。',
    'en-US':
      'Too many failed sign-ins; try again in {minutes} min, or ask an administrator to unlock the account.',
  },
  busy: {
    'zh-CN': '服务器正忙（正在处理其他文件），请 {seconds} 秒后重试。',
    'en-US': 'The server is busy with other files; retry in {seconds} s.',
  },
  'file-too-complex': {
    'zh-CN':
      '工作簿过于复杂，无法在内存上限（{limit}）内读取。请删去多余的工作表、格式或空行后重试。',
    'en-US':
      'The workbook is too complex to read within the memory limit ({limit}). Remove extra sheets, formatting or empty rows and retry.',
  },
  'file-too-many-cells': {
    'zh-CN': '工作簿的单元格或文本过多（{what}，上限 {limit}）。',
    'en-US': 'The workbook holds too many cells or texts ({what}; limit {limit}).',
  },
} as const satisfies Record<string, Label>;
