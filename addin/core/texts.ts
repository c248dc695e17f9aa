// The add-in's own sentences (network trouble, row statuses, notes on pulled sheets), in both
// languages like shared/messages.ts. Row and request outcomes the server also knows come from
// shared/messages.ts; these are the ones only the add-in says.
import type { Label, Locale } from '../../shared/locale';
import { formatMessage, isMessageCode, type MessageParams } from '../../shared/messages';

const addinTexts = {
  'network-error': {
    'zh-CN': '无法连接服务器（{url}），请检查网络后重试。',
    'en-US': 'Cannot reach the server ({url}); check the network and try again.',
  },
  'server-error': {
    'zh-CN': '服务器出错（HTTP {status}），请稍后重试。',
    'en-US': 'The server failed (HTTP {status}); try again later.',
  },
  'gave-up-server': {
    'zh-CN':
      '服务器出错（HTTP {status}），已自动重试 {tries} 次仍未成功。请稍后再试；如果一直这样，请联系管理员并提供编号 {requestId}。',
    'en-US':
      'The server failed (HTTP {status}) and {tries} tries did not help. Try again later; if it keeps happening, give your administrator the reference {requestId}.',
  },
  'gave-up-server-plain': {
    'zh-CN':
      '服务器出错（HTTP {status}），已自动重试 {tries} 次仍未成功。请稍后再试；如果一直这样，请联系管理员。',
    'en-US':
      'The server failed (HTTP {status}) and {tries} tries did not help. Try again later; if it keeps happening, contact your administrator.',
  },
  'gave-up-busy': {
    'zh-CN': '服务器正忙，已等待并重试 {tries} 次仍未成功。请过几分钟再试。',
    'en-US':
      'The server is busy; waited and tried {tries} times without success. Try again in a few minutes.',
  },
  'gave-up-running': {
    'zh-CN': '这批数据仍在服务器上处理中（已等待 {tries} 次）。请稍后再上传，不会重复提交。',
    'en-US':
      'The server is still working on this batch (waited {tries} times). Push again in a moment; nothing will be sent twice.',
  },
  'gave-up-network': {
    'zh-CN': '无法连接服务器（{url}），已重试 {tries} 次。请检查网络后再试。',
    'en-US':
      'Cannot reach the server ({url}) after {tries} tries; check the network and try again.',
  },
  'bad-answer': {
    'zh-CN': '服务器的应答无法识别，请确认服务器地址。',
    'en-US': "The server's answer was not understood; check the server address.",
  },
  'not-signed-in': { 'zh-CN': '请先登录。', 'en-US': 'Please sign in first.' },
  'no-binding': {
    'zh-CN': '请先选择并绑定一个表格。',
    'en-US': 'Select and bind a table first.',
  },
  'no-pulled-table': {
    'zh-CN': '请先从服务器拉取数据，或选中已拉取的表格。',
    'en-US': 'Pull data from the server first, or select a pulled table.',
  },
  'not-orders-binding': {
    'zh-CN': '当前绑定的表格不是订单。',
    'en-US': 'The bound table does not hold orders.',
  },
  'atomic-too-many': {
    'zh-CN': '“{dataset}”须整批一次上传，最多 {max} 行，本次有 {count} 行。请分成几张表分别上传。',
    'en-US':
      '{dataset} is pushed all or nothing in one request of at most {max} rows; this table has {count}. Split it into several tables.',
  },
  'no-reconciliation': {
    'zh-CN': '请先拉取“对账”数据。',
    'en-US': 'Pull the reconciliation first.',
  },
  'nothing-to-allocate': {
    'zh-CN': '对账表中没有可核销的建议（已隐藏的行和无建议的行不计）。',
    'en-US':
      'The reconciliation sheet has no suggestion to allocate (hidden rows and rows without a suggestion do not count).',
  },
  'no-replenishment': {
    'zh-CN': '请先下载“补货建议”。',
    'en-US': 'Pull the replenishment suggestions first.',
  },
  'nothing-to-reorder': {
    'zh-CN': '补货建议表中没有建议补货数量大于 0 的行（已隐藏的行不计），未生成补货单。',
    'en-US':
      'The replenishment sheet has no row with a suggested quantity above 0 (hidden rows do not count); no order sheet was made.',
  },
  'reorder-needs-dealer': {
    'zh-CN': '请先选择补货单的经销商：库位 {locations} 没有对应的经销商。',
    'en-US': 'Choose the dealer of the replenishment order first: no dealer goes with {locations}.',
  },
  'reorder-unknown-dealer': {
    'zh-CN': '经销商 {dealer} 不在您可选的经销商中（已停用，或不在您负责的区域）。',
    'en-US': 'Dealer {dealer} is not one you may choose (inactive, or outside your regions).',
  },
  'reorder-unknown-location': {
    'zh-CN': '发货仓 {location} 不在可选的库位中。',
    'en-US': 'Ship-from {location} is not a location you may choose.',
  },
  'nothing-to-sum': {
    'zh-CN': '该表没有可汇总的数值列。',
    'en-US': 'This table has no numeric column to sum.',
  },
  'pivot-only-kind': {
    'zh-CN': '{name}：仅{item}（筛选：{field} = {item}）',
    'en-US': '{name}: {item} only (filter: {field} = {item})',
  },
  'pivot-kinds-split': {
    'zh-CN': '{name}：各类型分列；净销售 = 发货 + 退货，订货请勿相加',
    'en-US': '{name}: one column per kind; net sell-in = shipped + returned, do not add ordered',
  },
  'pivot-net-sell-in': {
    'zh-CN': '{name}：净销售（发货 + 退货，筛选：{field} = {items}），不含订货',
    'en-US':
      '{name}: net sell-in (shipped + returned; filter: {field} = {items}), ordered left out',
  },
  'hidden-row': {
    'zh-CN': '此行已隐藏，但仍会校验和上传。',
    'en-US': 'This row is hidden; it is still checked and pushed.',
  },
  'status-accepted': { 'zh-CN': '已接受：{id}', 'en-US': 'Accepted: {id}' },
  'status-unchanged': { 'zh-CN': '无变化：{id}', 'en-US': 'No change: {id}' },
  'status-rejected': { 'zh-CN': '未接受：{reasons}', 'en-US': 'Not accepted: {reasons}' },
  'status-conflict': { 'zh-CN': '冲突：{reasons}', 'en-US': 'Conflict: {reasons}' },
  'status-invalid': {
    'zh-CN': '未上传，请先改正：{reasons}',
    'en-US': 'Not sent; fix first: {reasons}',
  },
  'status-held-back': {
    'zh-CN': '未上传：同一单（{group}）的第 {rows} 行有问题，整单暂缓，改正后一起上传。',
    'en-US':
      'Not sent: row {rows} of the same order ({group}) has problems; the whole order waits until it is fixed.',
  },
  'status-sending': { 'zh-CN': '上传中…', 'en-US': 'Sending…' },
  'status-took-server': {
    'zh-CN': '已采用服务器的值（版本 {version}）',
    'en-US': "Took the server's values (version {version})",
  },
  'status-keep-mine': {
    'zh-CN': '保留我的值：请再次上传以覆盖服务器',
    'en-US': 'Keeping your values: push again to overwrite the server',
  },
  'status-order': {
    'zh-CN': '{state}：已发 {shipped}/{quantity}（{id}）',
    'en-US': '{state}: shipped {shipped}/{quantity} ({id})',
  },
  'pulled-at': {
    'zh-CN': '来自服务器的数据，刷新于 {at}。请勿在此修改，修改会在刷新时被提示。',
    'en-US': 'Data from the server, refreshed at {at}. Edits here are flagged on refresh.',
  },
} as const satisfies Record<string, Label>;

type AddinTextCode = keyof typeof addinTexts;

/** A sentence for an add-in code or a shared message code, placeholders filled. */
/** `code` is an AddinTextCode or a shared MessageCode; anything else is shown as is. */
export function say(code: string, params: MessageParams, locale: Locale): string {
  if (Object.hasOwn(addinTexts, code)) {
    const template: string = addinTexts[code as AddinTextCode][locale];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  }
  return isMessageCode(code) ? formatMessage(code, params, locale) : code;
}
