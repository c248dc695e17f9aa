import assert from 'node:assert/strict';
import { coreDatasets } from '../../shared/datasets';
import { mapHeaders, normalizeHeader } from '../../shared/headers';
import { describeDataset } from '../../shared/meta';

const orderFields = describeDataset(coreDatasets.find((d) => d.name === 'orders')!).fields;

describe('header mapping', () => {
  it('normalises width, case, spaces and decorations', () => {
    assert.equal(normalizeHeader('  单 价（元）* '), '单价');
    assert.equal(normalizeHeader('Ｑｔｙ'), 'qty');
    assert.equal(normalizeHeader('Unit Price'), 'unitprice');
  });

  it('maps the Chinese titles users write, in any order', () => {
    const mapping = mapHeaders(
      [
        '客户编码',
        '货号',
        '数量',
        '单价（元）',
        '单号',
        '下单日期',
        '类型',
        '仓库',
        '说明',
        '_status',
      ],
      orderFields,
    );
    assert.deepEqual(mapping.columns, [
      'dealerCode',
      'skuCode',
      'quantity',
      'unitPrice',
      'orderRef',
      'orderDate',
      'orderType',
      'locationCode',
      'remark',
      null,
    ]);
    assert.deepEqual(mapping.missing, []);
  });

  it('maps English titles and reports missing required fields', () => {
    const mapping = mapHeaders(['Dealer Code', 'SKU', 'QTY', 'Something else'], orderFields);
    assert.deepEqual(mapping.columns, ['dealerCode', 'skuCode', 'quantity', null]);
    assert.deepEqual(mapping.missing, [
      'orderRef',
      'orderDate',
      'orderType',
      'unitPrice',
      'locationCode',
    ]);
  });

  it('gives a field to one column only', () => {
    const mapping = mapHeaders(['数量', '数量'], orderFields);
    assert.deepEqual(mapping.columns, ['quantity', null]);
  });
});
