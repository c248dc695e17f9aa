// Typed values into cells: dates as serials, money as yuan, options by label, text as text.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { numberFormatOf, toCell } from '../../../addin/core/cell-format';
import { coreDatasets } from '../../../shared/datasets';
import { describeDataset } from '../../../shared/meta';

const fields = new Map(
  describeDataset(coreDatasets.find((d) => d.name === 'orders')!).fields.map((f) => [f.name, f]),
);
const field = (name: string) => fields.get(name)!;

describe('cell format', () => {
  afterEach(() => {
    sinon.restore();
  });

  const cases: [string, unknown, unknown, string][] = [
    ['orderDate', '2026-11-27', 46353, 'yyyy-mm-dd'],
    ['unitPrice', 19990, 199.9, '#,##0.00'],
    ['quantity', 5, 5, '0'],
    ['orderType', 'fair', '订货会', '@'],
    ['dealerCode', '0012', '0012', '@'],
    ['remark', '=HYPERLINK("x")', '=HYPERLINK("x")', '@'],
    ['cancelled', true, true, 'General'],
    ['remark', null, null, '@'],
    ['quantity', 'oops', 'oops', '0'],
    ['remark', { odd: 1 }, '{"odd":1}', '@'],
  ];
  for (const [name, value, cell, format] of cases) {
    it(`${name}: ${JSON.stringify(value)} → ${JSON.stringify(cell)} (${format})`, () => {
      assert.deepEqual(toCell(field(name), value, 'zh-CN'), cell);
      assert.equal(numberFormatOf(field(name)), format);
    });
  }
});
