// The tasks people come to the pane for, each a short guided flow over the same use cases as the
// generic tools. Which tasks a user sees follows from the datasets' roles in GET /api/v1/meta: a
// task shows when the user may push or pull every dataset its steps move, and a task whose
// dataset the server does not have (yet) does not show — 退货/调换 and 盘点 appear once their
// datasets are served. A step may instead need a push option (finance's credit release needs
// orders' `releaseCredit`, not the right to enter orders). No role list lives here.
import type { Label } from '../../shared/locale';
import type { MetaResponse } from '../../shared/meta';
import type { Role } from '../../shared/roles';

export type StepKind =
  | 'sheet' // insert a template, or bind the user's own sheet
  | 'bind' // bind a sheet already there (the orders sheet a credit release works on)
  | 'validate'
  | 'push'
  | 'status'
  | 'pull'
  | 'pivot'
  | 'allocations'
  | 'credit-check' // a dry run lists the sheet's orders over the credit limit
  | 'credit-release' // pushes the ticked ones with `releaseCredit`
  | 'reorder' // 补货建议 → a new 补货 orders sheet (usecases/reorder.ts)
  | 'grid'; // the 销控表 as a grid, one sheet per building (usecases/estate-grid.ts)

export interface TaskStep {
  readonly kind: StepKind;
  readonly dataset: string;
  /** The push option the step needs instead of the dataset's push roles. */
  readonly option?: string;
  /** A step the task goes without for a user who may not take it (the others still show it). */
  readonly optional?: boolean;
}

export interface TaskDef {
  readonly id: string;
  readonly label: Label;
  /** What the task is for, one line. */
  readonly hint: Label;
  readonly steps: readonly TaskStep[];
}

const send = (dataset: string): TaskStep[] => [
  { kind: 'sheet', dataset },
  { kind: 'validate', dataset },
  { kind: 'push', dataset },
];
const get = (dataset: string): TaskStep[] => [{ kind: 'pull', dataset }];
const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

export const tasks: readonly TaskDef[] = [
  {
    id: 'enter-orders',
    label: l('录入订单', 'Enter orders'),
    hint: l(
      '模板或自己的表 → 校验 → 上传 → 状态',
      'Template or your sheet → check → send → status',
    ),
    steps: [...send('orders'), { kind: 'status', dataset: 'orders' }],
  },
  {
    id: 'check-stock',
    label: l('查库存', 'Check stock'),
    hint: l('下载库存并刷新', 'Get stock and refresh'),
    steps: get('stock'),
  },
  {
    id: 'order-status',
    label: l('订单状态', 'Order status'),
    hint: l('下载订单及其状态', 'Get orders and their status'),
    steps: get('orders'),
  },
  {
    id: 'returns',
    label: l('退货', 'Returns'),
    hint: l('登记退货并上传', 'Record returns and send'),
    steps: send('returns'),
  },
  {
    id: 'exchanges',
    label: l('调换', 'Exchanges'),
    hint: l('登记调换并上传', 'Record exchanges and send'),
    steps: send('exchanges'),
  },
  {
    id: 'goods-receipts',
    label: l('入库', 'Goods receipts'),
    hint: l('登记入库并上传', 'Record receipts and send'),
    steps: send('goods-receipts'),
  },
  {
    id: 'shipments',
    label: l('发货', 'Shipments'),
    hint: l('登记发货并上传', 'Record shipments and send'),
    steps: send('shipments'),
  },
  {
    id: 'transfers',
    label: l('调拨', 'Transfers'),
    hint: l('登记调拨并上传', 'Record transfers and send'),
    steps: send('transfers'),
  },
  {
    id: 'stocktakes',
    label: l('盘点', 'Stock count'),
    hint: l('录入盘点并上传', 'Enter the count and send'),
    steps: send('stocktakes'),
  },
  {
    id: 'reconcile',
    label: l('到账核对', 'Reconcile receipts'),
    hint: l('银行到账 → 对账 → 核销 → 上传', 'Bank receipts → reconciliation → allocations → send'),
    steps: [
      ...send('bank-receipts'),
      { kind: 'pull', dataset: 'reconciliation' },
      { kind: 'allocations', dataset: 'allocations' },
      { kind: 'validate', dataset: 'allocations' },
      { kind: 'push', dataset: 'allocations' },
    ],
  },
  {
    id: 'receivables',
    label: l('应收与账龄', 'Receivables and ageing'),
    hint: l('下载应收明细（账龄）', 'Get receivable items by age'),
    steps: get('receivable-items'),
  },
  {
    id: 'collections',
    label: l('信用与催收', 'Credit and collections'),
    hint: l('下载催收清单', 'Get the collection list'),
    steps: get('collection-list'),
  },
  {
    id: 'credit-release',
    label: l('信用释放', 'Credit release'),
    hint: l(
      '订单表 → 超额订单及额度 → 勾选放行',
      'Orders sheet → orders over the limit → release the ticked ones',
    ),
    steps: (['bind', 'credit-check', 'credit-release'] as const).map((kind) => ({
      kind,
      dataset: 'orders',
      option: 'releaseCredit',
    })),
  },
  {
    id: 'sales-control',
    label: l('销控表', 'Sales-control grid'),
    hint: l(
      '按楼栋下载销控表，刷新只改变化的房源',
      'Get the grid per building; a refresh recolours only what changed',
    ),
    steps: [{ kind: 'grid', dataset: 'estate-units' }],
  },
  {
    id: 'sales-facts',
    label: l('销售明细与透视表', 'Sales facts and pivot'),
    hint: l('下载销售明细，再建透视表', 'Get sales facts, then a PivotTable'),
    steps: [...get('sales-facts'), { kind: 'pivot', dataset: 'sales-facts' }],
  },
  {
    id: 'achievement',
    label: l('目标达成', 'Target achievement'),
    hint: l('下载任务达成', 'Get achievement'),
    steps: get('achievement'),
  },
  {
    id: 'dealer-grades',
    label: l('经销商评级', 'Dealer grades'),
    hint: l('下载客户分级', 'Get dealer grades'),
    steps: get('dealer-grades'),
  },
  {
    id: 'replenishment',
    label: l('补货建议', 'Replenishment'),
    hint: l(
      '下载补货建议 → 生成补货单 → 校验 → 上传',
      'Get replenishment advice → make the 补货 order sheet → check → send',
    ),
    // Who may not enter orders (the warehouse) still gets the advice, without the order steps.
    steps: [
      ...get('replenishment'),
      ...(['reorder', 'validate', 'push'] as const).map((kind) => ({
        kind,
        dataset: 'orders',
        optional: true,
      })),
    ],
  },
  {
    id: 'fair-guidance',
    label: l('订货会指导', 'Fair guidance'),
    hint: l('下载订货会指导', 'Get fair guidance'),
    steps: get('fair-guidance'),
  },
];

const pushing: ReadonlySet<StepKind> = new Set([
  'sheet',
  'validate',
  'push',
  'status',
  'allocations',
  'bind',
  'credit-check',
  'credit-release',
  'reorder',
]);

/** May `role` take this step, by the dataset's roles in meta? False when meta lacks the dataset. */
function isAllowed(meta: MetaResponse, role: Role, step: TaskStep): boolean {
  const dataset = meta.datasets.find((d) => d.name === step.dataset);
  if (!dataset) return false;
  if (step.option !== undefined) return dataset.pushOptions[step.option]?.includes(role) ?? false;
  return pushing.has(step.kind)
    ? dataset.pushable && dataset.pushRoles.includes(role)
    : dataset.pullable && dataset.pullRoles.includes(role);
}

/** The tasks this user can carry out from start to end, without the optional steps they may not take. */
export function tasksFor(meta: MetaResponse, role: Role): TaskDef[] {
  return tasks
    .filter((task) => task.steps.every((step) => step.optional || isAllowed(meta, role, step)))
    .map((task) => ({
      ...task,
      steps: task.steps.filter((step) => !step.optional || isAllowed(meta, role, step)),
    }));
}
