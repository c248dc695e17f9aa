// Which task entries the pane offers, from the server's own GET /meta (the fixture): 退货/调换 and
// 盘点 show only once their datasets (`returns`, `exchanges`, `stocktakes`) are served, to the
// roles that may push them; 信用释放 follows orders' `releaseCredit` option, not the right to
// enter orders.
import assert from 'node:assert/strict';
import type { MetaResponse } from '../../../shared/meta';
import type { Role } from '../../../shared/roles';
import { tasksFor } from '../../../addin/ui/tasks';
import { startAddin, type AddinHarness } from '../../support/addin';

describe('task entries from GET /meta', () => {
  let h: AddinHarness;
  let served: MetaResponse;
  before(async () => {
    h = await startAddin({ role: 'manager' });
    served = await h.app.meta();
  });
  after(async () => {
    await h.close();
  });

  const ids = (meta: MetaResponse, role: Role) => tasksFor(meta, role).map((t) => t.id);
  /** The served meta without the named datasets (a deployment that does not serve them). */
  const without = (names: readonly string[]): MetaResponse => ({
    ...served,
    datasets: served.datasets.filter((d) => !names.includes(d.name)),
  });
  const taskDatasets = ['returns', 'exchanges', 'stocktakes'];

  it('hides 退货/调换 and 盘点 while their datasets are not served', () => {
    const meta = without(taskDatasets);
    assert.deepEqual(
      ids(meta, 'sales').filter((id) => ['returns', 'exchanges'].includes(id)),
      [],
    );
    assert.ok(!ids(meta, 'warehouse').includes('stocktakes'));
  });

  it('shows them once served, to the roles that may push them', () => {
    for (const name of taskDatasets)
      assert.ok(
        served.datasets.some((d) => d.name === name),
        `${name} is served`,
      );
    const sales = ids(served, 'sales');
    assert.ok(sales.includes('returns') && sales.includes('exchanges'), sales.join());
    assert.ok(!sales.includes('stocktakes'), 'counting stock is the warehouse’s');
    assert.ok(ids(served, 'warehouse').includes('stocktakes'));
    // The warehouse books the goods coming back; finance does not enter returns.
    assert.ok(ids(served, 'warehouse').includes('returns'));
    assert.ok(!ids(served, 'finance').includes('returns'));
  });

  it('offers 信用释放 to the roles of orders’ releaseCredit option', () => {
    assert.ok(ids(served, 'finance').includes('credit-release'), 'finance releases credit');
    assert.ok(ids(served, 'manager').includes('credit-release'));
    assert.ok(!ids(served, 'sales').includes('credit-release'), 'sales enters, never releases');
    const orders = served.datasets.find((d) => d.name === 'orders')!;
    const without: MetaResponse = {
      ...served,
      datasets: served.datasets.map((d) => (d === orders ? { ...d, pushOptions: {} } : d)),
    };
    assert.ok(!ids(without, 'finance').includes('credit-release'), 'follows the option');
  });

  it('offers the 销控表 grid to the office roles that may pull units, once they are served', () => {
    for (const role of ['sales', 'manager', 'finance', 'analyst'] as const)
      assert.ok(ids(served, role).includes('sales-control'), role);
    assert.ok(!ids(served, 'warehouse').includes('sales-control'), 'not the warehouse’s');
    const dealerOnly: MetaResponse = {
      ...served,
      datasets: served.datasets.filter((d) => d.name !== 'estate-units'),
    };
    assert.ok(!ids(dealerOnly, 'sales').includes('sales-control'), 'a dealer-only deployment');
  });
});
