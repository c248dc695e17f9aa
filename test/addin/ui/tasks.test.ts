// Which tasks a user sees comes from the datasets' roles in meta, never from a role list in the
// pane: change a dataset's roles and the tasks follow.
import assert from 'node:assert/strict';
import { analysisDatasets } from '../../../shared/analysis/datasets';
import { coreDatasets } from '../../../shared/datasets';
import { financeDatasets } from '../../../shared/finance/datasets';
import { describeDataset, type MetaResponse } from '../../../shared/meta';
import { tasksFor } from '../../../addin/ui/tasks';

const meta = (): MetaResponse => ({
  limits: {},
  lists: {},
  datasets: [...coreDatasets, ...financeDatasets, ...analysisDatasets].map(describeDataset),
});
const ids = (m: MetaResponse, role: Parameters<typeof tasksFor>[1]) =>
  tasksFor(m, role).map((t) => t.id);

describe('tasks from meta', () => {
  it('gives each role the tasks its datasets allow', () => {
    const m = meta();
    assert.ok(ids(m, 'sales').includes('enter-orders'));
    assert.ok(!ids(m, 'sales').includes('goods-receipts'));
    assert.deepEqual(
      ['goods-receipts', 'shipments', 'transfers'].filter((t) => ids(m, 'warehouse').includes(t)),
      ['goods-receipts', 'shipments', 'transfers'],
    );
    assert.ok(ids(m, 'finance').includes('reconcile'));
    assert.ok(!ids(m, 'finance').includes('enter-orders'), 'finance does not change orders');
    assert.ok(ids(m, 'analyst').includes('sales-facts'));
    assert.ok(!ids(m, 'analyst').includes('enter-orders'), 'analysts read');
  });

  it('follows the roles meta publishes, and hides a task whose dataset the server lacks', () => {
    const m = meta();
    const orders = m.datasets.find((d) => d.name === 'orders')!;
    orders.pushRoles = [...orders.pushRoles, 'warehouse'];
    assert.ok(ids(m, 'warehouse').includes('enter-orders'));
    assert.ok(!ids(m, 'manager').includes('stocktakes'), 'no stocktakes dataset yet');
    m.datasets.push({ ...orders, name: 'stocktakes', pushRoles: ['warehouse'], pullRoles: [] });
    assert.ok(ids(m, 'warehouse').includes('stocktakes'));
  });

  it('gives 补货建议 its order steps only to who may enter orders', () => {
    const m = meta();
    const steps = (role: Parameters<typeof tasksFor>[1]) =>
      tasksFor(m, role)
        .find((t) => t.id === 'replenishment')
        ?.steps.map((s) => `${s.kind}:${s.dataset}`);
    const withOrders = ['pull:replenishment', 'reorder:orders', 'validate:orders', 'push:orders'];
    assert.deepEqual(steps('sales'), withOrders);
    assert.deepEqual(steps('warehouse'), ['pull:replenishment'], 'the warehouse keeps the advice');
    const orders = m.datasets.find((d) => d.name === 'orders')!;
    orders.pushRoles = [...orders.pushRoles, 'warehouse'];
    assert.deepEqual(steps('warehouse'), withOrders, 'follows the orders push roles in meta');
  });
});
