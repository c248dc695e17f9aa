import assert from 'node:assert/strict';
import { dateToSerial, parseCell, serialToDate, type CellValue } from '../../shared/cells';
import { coreDatasets } from '../../shared/datasets';
import { describeDataset } from '../../shared/meta';

const fields = new Map(
  describeDataset(coreDatasets.find((d) => d.name === 'orders')!).fields.map((f) => [f.name, f]),
);
const parse = (raw: CellValue, name: string) => parseCell(raw, fields.get(name)!);

describe('cells → typed values', () => {
  const cases: [CellValue, string, unknown][] = [
    [46353, 'orderDate', '2026-11-27'],
    ['2026/11/27', 'orderDate', '2026-11-27'],
    ['2026年1月5日', 'orderDate', '2026-01-05'],
    ['2026-02-30', 'orderDate', 'invalid-date'],
    [12, 'quantity', 12],
    ['１２', 'quantity', 12],
    [1.5, 'quantity', 'not-integer'],
    ['十二', 'quantity', 'invalid-number'],
    [199.9, 'unitPrice', 19990],
    ['¥1,299.00', 'unitPrice', 129900],
    ['12.345', 'unitPrice', 'invalid-money'],
    ['补货', 'orderType', 'replenishment'],
    ['Fair', 'orderType', 'fair'],
    ['加单', 'orderType', 'replenishment'],
    ['随便', 'orderType', 'invalid-option'],
    ['是', 'cancelled', true],
    ['否', 'cancelled', false],
    [' ＳＫ－１ ', 'skuCode', 'SK-1'],
  ];
  for (const [raw, field, expected] of cases) {
    it(`${field}: ${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => {
      const parsed = parse(raw, field);
      assert.deepEqual(parsed.ok ? parsed.value : parsed.code, expected);
    });
  }

  it('flags numbers typed as text', () => {
    const parsed = parse('１２', 'quantity');
    assert.ok(parsed.ok && parsed.textNumber === true);
    const plain = parse(12, 'quantity');
    assert.ok(plain.ok && plain.textNumber === undefined);
  });

  it('converts Excel serial dates both ways', () => {
    for (const date of ['1900-03-01', '2024-12-30', '2026-11-27', '2099-12-31'])
      assert.equal(serialToDate(dateToSerial(date)), date);
    assert.equal(dateToSerial('2026-11-27'), 46353);
  });
});
