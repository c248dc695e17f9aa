// The task flows' own words, in both languages: each step's name and button, what is pending on
// the bound sheet and what to do next, what to do after a step that failed, and the credit
// release's list. The pane's other words are in strings.ts; `fill` fills the {name} holes.
import type { Locale } from '../../shared/locale';
import type { StepKind } from './tasks';

interface TaskStrings {
  stepNames: Record<StepKind, string>;
  stepActions: Record<StepKind, string>;
  /** Pending rows on the bound sheet. */
  pending: string;
  pendingNone: string;
  /** What to do next, by what is pending. */
  nextFix: string;
  nextPush: string;
  nextNothing: string;
  /** A step that threw: the error, then what to do. */
  stepFailed: string;
  /** A step that ran but left rows with problems, by step. */
  stepProblems: Partial<Record<StepKind, string>>;
  /** What to do when a step of this kind failed. */
  stepFix: Record<StepKind, string>;
  creditTitle: string;
  creditNone: string;
  creditHold: string;
  creditRows: string;
  rowSeparator: string;
  releasedTitle: string;
  releasedRow: string;
  /** After a grid pull: per building, the cells written and the totals. */
  gridDone: string;
  /** The 补货 order step's choices and its result. */
  reorderDealer: string;
  reorderDealerHint: string;
  reorderShipFrom: string;
  reorderAsSuggested: string;
  reorderDone: string;
}

const enUS: TaskStrings = {
  stepNames: {
    sheet: 'Put the rows on a sheet',
    bind: 'Bind the orders sheet',
    validate: 'Check the rows',
    push: 'Send to the server',
    status: 'See their status',
    pull: 'Get the data',
    pivot: 'Summarise in a PivotTable',
    allocations: 'Draft the allocations',
    'credit-check': 'Find orders over the credit limit',
    'credit-release': 'Release the ticked orders',
    grid: 'Get the sales-control grid',
    reorder: 'Make the 补货 order sheet',
  },
  stepActions: {
    sheet: 'Insert template',
    bind: 'Bind selection',
    validate: 'Validate',
    push: 'Push',
    status: 'Refresh status',
    pull: 'Pull',
    pivot: 'Add PivotTable',
    allocations: 'Prepare allocations',
    'credit-check': 'Find held orders',
    'credit-release': 'Release ticked',
    grid: 'Get grid',
    reorder: 'Make order sheet',
  },
  pending: 'On “{sheet}”: {changed} rows to send, {problems} rows with problems',
  pendingNone: 'No sheet of this task is bound yet.',
  nextFix:
    'Next: fix the rows with problems (marked cells; the reasons are in _status), then check again.',
  nextPush: 'Next: send the {changed} changed rows.',
  nextNothing: 'Nothing waits to be sent.',
  stepFailed: 'This step did not finish: {error}',
  stepProblems: {
    validate: '{count} rows have problems: fix the marked cells, then check again.',
    push: 'The server refused {count} rows: see why in _status, fix them, then send again.',
    'credit-release':
      '{count} rows were not released: see why in _status and in the list, then try again.',
  },
  stepFix: {
    sheet: 'Select a cell of your sheet or insert the template again.',
    bind: 'Select a cell of the orders table, then bind again.',
    validate: 'Bind the sheet first (step 1), then check again.',
    push: 'Check your connection and send again; rows already sent are not sent twice.',
    status: 'Check your connection and refresh again.',
    pull: 'Check your connection and get the data again.',
    pivot: 'Get the data first, then add the PivotTable again.',
    allocations: 'Get the reconciliation first, then prepare the allocations again.',
    'credit-check': 'Bind the orders sheet first, then look again.',
    'credit-release': 'Check your connection and release again.',
    grid: 'Check your connection and get the grid again.',
    reorder:
      'Get the replenishment advice first, choose the dealer, then make the order sheet again.',
  },
  creditTitle: 'Orders over the credit limit',
  creditNone: 'No unsent order on this sheet is over its dealer’s credit limit.',
  creditHold:
    '{order} ({dealer}): limit {limit}, used {used}, this order {thisOrder}, over by {overBy}',
  creditRows: ' (rows {rows})',
  rowSeparator: ', ',
  releasedTitle: 'Release results',
  releasedRow: 'Row {row}: {text}',
  gridDone:
    '“{sheet}”: {changed} cells written; released {released}, sold {sold}, sell-through {rate}.',
  reorderDealer: 'Dealer',
  reorderDealerHint:
    'For locations with no dealer of their own (a self-operated store takes the dealer of its name)',
  reorderShipFrom: 'Ship from',
  reorderAsSuggested: 'The suggested location',
  reorderDone:
    'The 补货 order sheet is on “{sheet}”: {rows} lines, {orders} orders. Check, then send.',
};

const zhCN: TaskStrings = {
  stepNames: {
    sheet: '准备工作表',
    bind: '绑定订单表',
    validate: '校验',
    push: '上传到服务器',
    status: '查看状态',
    pull: '下载数据',
    pivot: '建数据透视表',
    allocations: '生成核销表',
    'credit-check': '查找超信用额度订单',
    'credit-release': '放行勾选的订单',
    grid: '下载销控表',
    reorder: '生成补货单',
  },
  stepActions: {
    sheet: '插入模板',
    bind: '绑定所选区域',
    validate: '校验',
    push: '上传',
    status: '刷新状态',
    pull: '下载',
    pivot: '添加数据透视表',
    allocations: '生成核销表',
    'credit-check': '查找超额订单',
    'credit-release': '放行所选',
    grid: '下载销控表',
    reorder: '生成补货单',
  },
  pending: '“{sheet}”：待上传 {changed} 行，有问题 {problems} 行',
  pendingNone: '本任务的工作表尚未绑定。',
  nextFix: '下一步：改正有问题的行（单元格已标出，原因见 _status），再校验。',
  nextPush: '下一步：上传这 {changed} 行改动。',
  nextNothing: '没有待上传的行。',
  stepFailed: '这一步没有完成：{error}',
  stepProblems: {
    validate: '有 {count} 行有问题：改正标出的单元格后再校验。',
    push: '服务器拒收了 {count} 行：原因见 _status，改正后再上传。',
    'credit-release': '有 {count} 行没有放行：原因见 _status 和下方列表，处理后再试。',
  },
  stepFix: {
    sheet: '请选中自己表格中的一个单元格，或重新插入模板。',
    bind: '请选中订单表中的一个单元格，再绑定。',
    validate: '请先完成第 1 步绑定工作表，再校验。',
    push: '请检查网络后再上传；已上传的行不会重复上传。',
    status: '请检查网络后再刷新。',
    pull: '请检查网络后再下载。',
    pivot: '请先下载数据，再添加数据透视表。',
    allocations: '请先下载对账表，再生成核销表。',
    'credit-check': '请先绑定订单表，再查找。',
    'credit-release': '请检查网络后再放行。',
    grid: '请检查网络后再下载销控表。',
    reorder: '请先下载补货建议并选择经销商，再生成补货单。',
  },
  creditTitle: '超信用额度的订单',
  creditNone: '本表没有超出经销商信用额度的未上传订单。',
  creditHold: '{order}（{dealer}）：额度 {limit}，已用 {used}，本单 {thisOrder}，超出 {overBy}',
  creditRows: '（第 {rows} 行）',
  rowSeparator: '、',
  releasedTitle: '放行结果',
  releasedRow: '第 {row} 行：{text}',
  gridDone: '“{sheet}”：写入 {changed} 个单元格；已推 {released}，已售 {sold}，去化率 {rate}。',
  reorderDealer: '经销商',
  reorderDealerHint: '库位没有对应经销商时用此经销商（自营店按同名经销商）',
  reorderShipFrom: '发货仓',
  reorderAsSuggested: '按建议的库位',
  reorderDone: '补货单已生成在“{sheet}”：{rows} 行，{orders} 单。请校验后上传。',
};

const byLocale: Record<Locale, TaskStrings> = { 'zh-CN': zhCN, 'en-US': enUS };

export function taskStringsFor(locale: Locale): TaskStrings {
  return byLocale[locale];
}
