// Header mapping as a user meets it: Chinese, full-width and English titles, decorations, and a
// saved choice that wins over the automatic one.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { defaultedFields, describeDefault, proposeFrom } from '../../../addin/core/binding';
import { coreDatasets } from '../../../shared/datasets';
import { describeDataset } from '../../../shared/meta';
import { regionOf } from './region';

const orders = describeDataset(coreDatasets.find((d) => d.name === 'orders')!);
const orderFields = [
  'orderRef',
  'dealerCode',
  'orderDate',
  'orderType',
  'skuCode',
  'quantity',
  'unitPrice',
  'locationCode',
];

describe('binding: header mapping', () => {
  afterEach(() => {
    sinon.restore();
  });

  const cases: { name: string; headers: string[] }[] = [
    {
      name: 'Chinese titles and synonyms',
      headers: ['订单号', '客户编码', '下单日期', '类型', '货号', '数量', '单价（元）', '仓库'],
    },
    {
      name: 'full-width letters and ideographic spaces',
      headers: [
        'ＰＯ',
        '经销商代码',
        '日期　',
        '单据类型',
        'ＳＫＵ',
        'ＱＴＹ',
        '经销价',
        '库位编码',
      ],
    },
    {
      name: 'English titles in any case',
      headers: [
        'Order No',
        'CUSTOMER CODE',
        'date',
        'Type',
        'sku',
        'Qty',
        'Unit Price',
        'Warehouse',
      ],
    },
    {
      name: 'decorations: a required star, a unit in brackets',
      headers: [
        '单号*',
        '经销商编码*',
        '订单日期',
        '订单类型',
        '产品编码*',
        '数量*',
        '单价(元)',
        '发货仓',
      ],
    },
  ];
  for (const { name, headers } of cases) {
    it(`maps ${name}`, () => {
      const binding = proposeFrom(regionOf(headers, []), orders, undefined);
      assert.deepEqual(
        binding.columns.map((c) => c.field),
        orderFields,
      );
      assert.deepEqual(binding.missing, []);
    });
  }

  it('lists required fields no column holds and no default fills, and leaves unknown titles unmapped', () => {
    const binding = proposeFrom(regionOf(['货号', '数量', '我的备忘'], []), orders, undefined);
    assert.deepEqual(
      binding.columns.map((c) => c.field),
      ['skuCode', 'quantity', null],
    );
    assert.deepEqual(binding.missing, ['orderRef', 'dealerCode', 'orderDate', 'locationCode']);
    assert.deepEqual(
      defaultedFields(binding.columns, orders.fields).map((f) => describeDefault(f, 'zh-CN')),
      ['订单类型（常规）', '单价（经销价）'],
    );
  });

  it('leaves the system columns out of the proposal', () => {
    const binding = proposeFrom(
      regionOf(['货号', '_status', '_key', '_version'], []),
      orders,
      undefined,
    );
    assert.deepEqual(
      binding.columns.map((c) => c.header),
      ['货号'],
    );
  });

  it("keeps the user's saved choice for a table over the automatic mapping", () => {
    const region = regionOf(['货号', '备用编码'], [], { tableName: 'T1' });
    const saved = {
      dataset: 'orders',
      sheetName: 'Sheet1',
      tableName: 'T1',
      columns: [
        { header: '货号', field: null },
        { header: '备用编码', field: 'skuCode' },
      ],
    };
    const binding = proposeFrom(region, orders, saved);
    assert.deepEqual(
      binding.columns.map((c) => c.field),
      [null, 'skuCode'],
    );
  });
});
