import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fenToYuan, formatYuan, toHalfWidth, yuanToFen } from '../../shared/money';

describe('money: yuan ↔ fen', () => {
  const cases: [string | number, number | null][] = [
    ['199.90', 19990],
    ['1,234.5', 123450],
    ['¥12', 1200],
    ['￥ 0.01', 1],
    ['１２．３４', 1234],
    ['-5.00', -500],
    [199.9, 19990],
    [0.1 + 0.2, 30],
    ['12.345', null],
    [12.345, null],
    ['abc', null],
    ['', null],
    [Number.NaN, null],
    ['1e5', null],
  ];
  for (const [input, fen] of cases) {
    it(`${JSON.stringify(input)} → ${fen}`, () => assert.equal(yuanToFen(input), fen));
  }

  it('round-trips every fen amount through the yuan a sheet shows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        (fen) => yuanToFen(fenToYuan(fen)) === fen,
      ),
    );
  });

  it('formats for messages', () => {
    assert.equal(formatYuan(123456789), '1,234,567.89');
    assert.equal(formatYuan(-5), '-0.05');
  });

  it('turns full-width characters half-width', () => {
    assert.equal(toHalfWidth('ＳＯ－２０２６\u3000Ａ'), 'SO-2026 A');
  });
});
