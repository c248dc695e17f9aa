// Offline reference checks against meta's lists: unknown codes, and inactive ones only where the
// field needs an active record.
import assert from 'node:assert/strict';
import type { DatasetDescription, MetaResponse } from '../../../shared/meta';
import { refChecker } from '../../../addin/core/refs';

/** The list datasets as meta describes them (shared/datasets.ts declares each `list`). */
const listDataset = (name: string, unknownCode: string, inactiveCode?: string) =>
  ({
    name,
    list: { unknownCode, ...(inactiveCode ? { inactiveCode } : {}) },
  }) as DatasetDescription;

const meta = (inactive?: Record<string, string[]>): MetaResponse => ({
  limits: {},
  datasets: [
    listDataset('dealers', 'unknown-dealer', 'dealer-inactive'),
    listDataset('products', 'unknown-sku', 'sku-inactive'),
    listDataset('regions', 'unknown-region'),
  ],
  lists: {
    dealers: [{ code: 'D1', name: '一号经销商' }],
    products: [{ code: 'SKU-1', name: '衬衫' }],
    regions: [{ code: 'HD', name: '华东' }],
  },
  ...(inactive ? { inactive } : {}),
});

const dataset = (name: string) => ({ name }) as DatasetDescription;
const orderDealer = { ref: 'dealers', refActive: true };
const paymentDealer = { ref: 'dealers' };

describe('refChecker', () => {
  const checker = refChecker(
    meta({ dealers: ['D9'], products: ['SKU-9'], regions: ['DB'] }),
    dataset('orders'),
    new Set(),
  );

  const cases = [
    ['an active dealer on an order', orderDealer, 'D1', null],
    ['an inactive dealer on an order', orderDealer, 'D9', 'dealer-inactive'],
    ['an unknown dealer on an order', orderDealer, 'D404', 'unknown-dealer'],
    ['an inactive dealer paying', paymentDealer, 'D9', null],
    ['an unknown dealer paying', paymentDealer, 'D404', 'unknown-dealer'],
    ['an inactive SKU on an order', { ref: 'products', refActive: true }, 'SKU-9', 'sku-inactive'],
    ['an inactive parent region', { ref: 'regions' }, 'DB', null],
    ['a field without a list', { ref: 'staff' }, 'S1', null],
    ['an empty cell', orderDealer, undefined, null],
  ] as const;
  for (const [name, field, value, expected] of cases) {
    it(name, () => {
      assert.equal(checker.check(field, value), expected);
    });
  }

  it('takes an older server without inactive lists to mean unknown', () => {
    const older = refChecker(meta(), dataset('allocations'), new Set());
    assert.equal(older.check(paymentDealer, 'D9'), 'unknown-dealer');
  });

  it("accepts codes the table itself defines for its own dataset's refs", () => {
    const regions = refChecker(meta(), dataset('regions'), new Set(['XN']));
    assert.equal(regions.check({ ref: 'regions' }, 'XN'), null);
    assert.equal(regions.check({ ref: 'regions' }, 'XB'), 'unknown-region');
  });
});
