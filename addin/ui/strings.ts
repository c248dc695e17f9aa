// Every text the task pane shows, in both languages (zh-CN and en-US). Server
// messages arrive already in the caller's language; these are the pane's own words. Templates
// use {name} placeholders filled by `fill`.
import type { Locale } from '../../shared/locale';
import type { Role } from '../../shared/roles';

const enUS = {
  appTitle: 'Sales Sync',
  loading: 'Starting…',
  signInTitle: 'Sign in',
  serverUrl: 'Server address',
  username: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name} ({role})',
  sendTitle: 'Send from this workbook',
  getTitle: 'Get from the server',
  dataset: 'Dataset',
  noDatasets: 'Your role has no datasets here.',
  insertTemplate: 'Insert template',
  bindSelection: 'Bind selection',
  validate: 'Validate',
  push: 'Push',
  pull: 'Pull',
  refresh: 'Refresh',
  refreshStatus: 'Refresh status',
  refreshDropdowns: 'Refresh returnable shipments',
  addPivot: 'Add PivotTable',
  cancel: 'Cancel',
  close: 'Close',
  working: 'Working…',
  progressCount: '{done} of {total}',
  bindingTitle: 'Check the columns',
  bindingHint:
    'Sheet {sheet}: each of your columns and the field it holds. Change any that are wrong.',
  yourColumn: 'Your column',
  field: 'Field',
  notUsed: '(not used)',
  missingFields: 'Required fields with no column: {fields}.',
  defaultedFields: 'No column for these; each blank takes its default: {fields}.',
  confirm: 'Confirm',
  bound: 'Sheet {sheet} is now bound to {dataset}.',
  templateReady: 'Sheet {sheet} is ready for {dataset}: type your rows there.',
  validationSummary: 'Checked {rows} rows: {valid} valid, {invalid} with problems.',
  allValid: 'Every row is valid.',
  issuesTitle: 'Problems (select one to go to its cell)',
  issueLine: 'Row {row}, {address}: {message}',
  pushSummary:
    'Sent {sent} rows: {applied} accepted, {unchanged} unchanged, {rejected} rejected, {conflicts} in conflict.',
  skippedInvalid: '{count} rows with problems were not sent; fix them and push again.',
  heldBack:
    '{count} valid rows were held back with their order, which has rows with problems; see _status.',
  unplaced:
    '{count} results could not be written back: their rows left the table during the push (deleted?). The server keeps what it accepted.',
  pushCancelled: 'Push cancelled. Rows already sent keep their results; pushing again is safe.',
  conflictsTitle: 'Changed on the server since you last pulled',
  conflictRow: 'Row {row}: {fields}',
  mine: 'Mine',
  server: "Server's",
  keepMine: 'Keep mine',
  takeServer: "Take server's",
  conflictResolved: 'Row {row} resolved.',
  filterTitle: 'Filter (optional)',
  from: 'From date',
  to: 'To date',
  region: 'Region',
  dealer: 'Dealer',
  category: 'Category',
  pullSummary: '{dataset} on sheet {sheet}: {added} added, {updated} updated, {removed} removed.',
  pullReset: 'The server asked for a full reload, so the whole sheet was reloaded.',
  editedCells: '{count} cells you edited in the pulled table were kept as you left them.',
  pullUnplaced:
    '{count} server changes were not written: their rows left the table during the refresh (deleted?). Pull the dataset again to reload them.',
  /** Follows editedCells in the same notice. */
  keptCellsList: ' Kept: {cells}.',
  keptCell: 'row {row} {field} ({address})',
  listSeparator: ', ',
  overwriteEdits: 'Overwrite my edits',
  statusRefreshed: '{count} order rows have a new status.',
  dropdownsRefreshed:
    '{returnable} of {lines} shipment lines can still be returned; the dropdown of {tables} sheets lists them.',
  statusUnplaced:
    '{count} statuses were not written: their rows left the table during the refresh (deleted?).',
  pivotAdded: 'PivotTable added on sheet {sheet}.',
  releaseCredit: 'Release orders over the credit limit',
  overQuota: 'Allow sample issues over the quota',
  prepareAllocations: 'Prepare allocations',
  allocationsReady:
    'Sheet {sheet} holds {rows} allocations for {receipts} receipts: check, change or split them, then push (all or nothing).',
  cancelled: 'Cancelled.',
  networkError:
    'The server at {url} cannot be reached. Check the address and your network, then try again.',
  unexpectedError: 'Something went wrong: {message}',
  /** Progress phases (Progress.phase) in words. */
  phases: {
    read: 'Reading the sheet',
    mark: 'Marking cells',
    pull: 'Downloading',
    push: 'Sending',
  },
  pushDataset: 'Dataset to send',
  pullDataset: 'Dataset to get',
  rejectedTitle: 'Rows the server refused (select one to go to its row)',
  notInExcel:
    'Sales Sync runs inside Excel: open it from Excel (Home › Sales Sync), not in a browser tab.',
  tasksTitle: 'Your tasks',
  genericTools: 'All tools (send and get any dataset)',
  allTasks: 'Back to your tasks',
  nextStep: 'Step {n} of {total}, next: {step}',
  taskDone: 'All steps done. The messages below say what happened.',
  roles: {
    admin: 'administrator',
    manager: 'manager',
    sales: 'sales assistant',
    warehouse: 'warehouse',
    finance: 'finance',
    analyst: 'analyst',
  } satisfies Record<Role, string>,
};

export type Strings = typeof enUS;
export type Phase = keyof Strings['phases'];

const zhCN: Strings = {
  appTitle: '销管同步',
  loading: '正在启动…',
  signInTitle: '登录',
  serverUrl: '服务器地址',
  username: '用户名',
  password: '密码',
  signIn: '登录',
  signingIn: '正在登录…',
  signOut: '退出登录',
  signedInAs: '当前用户：{name}（{role}）',
  sendTitle: '从本工作簿上传',
  getTitle: '从服务器下载',
  dataset: '数据集',
  noDatasets: '您的角色在此没有可用的数据集。',
  insertTemplate: '插入模板',
  bindSelection: '绑定所选区域',
  validate: '校验',
  push: '上传',
  pull: '下载',
  refresh: '刷新',
  refreshStatus: '刷新状态',
  refreshDropdowns: '刷新可退发货行',
  addPivot: '添加数据透视表',
  cancel: '取消',
  close: '关闭',
  working: '正在处理…',
  progressCount: '{done} / {total}',
  bindingTitle: '确认列对应关系',
  bindingHint: '工作表 {sheet}：您的每一列及其对应的字段。如有不对，请修改。',
  yourColumn: '您的列',
  field: '字段',
  notUsed: '（不使用）',
  missingFields: '以下必填字段没有对应的列：{fields}。',
  defaultedFields: '表中没有以下列，将按默认值处理：{fields}。',
  confirm: '确认',
  bound: '工作表 {sheet} 已绑定到“{dataset}”。',
  templateReady: '“{dataset}”模板已建在工作表 {sheet}，请在其中填写。',
  validationSummary: '已校验 {rows} 行：{valid} 行正确，{invalid} 行有问题。',
  allValid: '所有行均正确。',
  issuesTitle: '问题列表（选择一项可跳到对应单元格）',
  issueLine: '第 {row} 行，{address}：{message}',
  pushSummary:
    '已上传 {sent} 行：接受 {applied}，未变 {unchanged}，拒绝 {rejected}，冲突 {conflicts}。',
  skippedInvalid: '有 {count} 行存在问题未上传，请修改后再上传。',
  heldBack: '有 {count} 行本身无误，但同一单中有问题行，已随整单暂缓上传，详见 _status 列。',
  unplaced:
    '有 {count} 行的结果未能写回：上传期间这些行已不在表中（被删除？）。服务器仍保留已接受的数据。',
  pushCancelled: '已取消上传。已发送的行保留其结果，重新上传是安全的。',
  conflictsTitle: '以下行在您上次下载后已在服务器上被修改',
  conflictRow: '第 {row} 行：{fields}',
  mine: '我的',
  server: '服务器的',
  keepMine: '保留我的',
  takeServer: '采用服务器的',
  conflictResolved: '第 {row} 行已处理。',
  filterTitle: '筛选（可选）',
  from: '开始日期',
  to: '结束日期',
  region: '区域',
  dealer: '经销商',
  category: '品类',
  pullSummary: '“{dataset}”在工作表 {sheet}：新增 {added}，更新 {updated}，删除 {removed}。',
  pullReset: '服务器要求完整重新加载，已重新加载整张表。',
  editedCells: '您在下载的表中修改过的 {count} 个单元格已按您的修改保留。',
  pullUnplaced:
    '有 {count} 项服务器更改未写入：刷新期间这些行已不在表中（被删除？）。重新下载该数据即可恢复。',
  keptCellsList: '保留的单元格：{cells}。',
  keptCell: '第 {row} 行{field}（{address}）',
  listSeparator: '；',
  overwriteEdits: '用服务器数据覆盖',
  statusRefreshed: '{count} 行订单的状态已更新。',
  dropdownsRefreshed:
    '共 {lines} 个发货行，其中 {returnable} 个还可退货，已列入 {tables} 张退货表的下拉框。',
  statusUnplaced: '有 {count} 行的状态未能写入：刷新期间这些行已不在表中（被删除？）。',
  pivotAdded: '已在工作表 {sheet} 添加数据透视表。',
  releaseCredit: '放行超信用额度订单',
  overQuota: '批准超配额发放样品',
  prepareAllocations: '生成核销表',
  allocationsReady:
    '工作表 {sheet} 已列出 {receipts} 笔到账的 {rows} 条核销：请核对、修改或拆分后上传（整批提交，一行有误则全部不提交）。',
  cancelled: '已取消。',
  networkError: '无法连接服务器 {url}。请检查地址和网络后重试。',
  unexpectedError: '出现问题：{message}',
  phases: { read: '读取工作表', mark: '标记单元格', pull: '下载', push: '上传' },
  pushDataset: '要上传的数据集',
  pullDataset: '要下载的数据集',
  rejectedTitle: '服务器拒绝的行（选择一项可跳到该行）',
  notInExcel:
    '销管同步须在 Excel 中使用：请从 Excel 打开（开始 › 销管同步），不要在浏览器标签页中打开。',
  tasksTitle: '我的任务',
  genericTools: '全部工具（上传、下载任意数据集）',
  allTasks: '返回我的任务',
  nextStep: '第 {n} 步，共 {total} 步；下一步：{step}',
  taskDone: '所有步骤已完成，结果见下方提示。',
  roles: {
    admin: '管理员',
    manager: '经理',
    sales: '销售助理',
    warehouse: '仓库',
    finance: '财务',
    analyst: '分析员',
  },
};

const byLocale: Record<Locale, Strings> = { 'zh-CN': zhCN, 'en-US': enUS };

export function stringsFor(locale: Locale): Strings {
  return byLocale[locale];
}

/** Fills {name} placeholders; an unknown name stays visible so a missing value is noticed. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
