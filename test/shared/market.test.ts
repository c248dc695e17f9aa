// The pure market rules (shared/market/): reading authorised areas and rebate rates, whether a
// place is inside an area, and the rebate sections at and around their boundaries.
import assert from 'node:assert/strict';
import { isInArea, isSamePlace, parseAreas } from '../../shared/market/areas';
import { checkCaseMove } from '../../shared/market/case-flow';
import { calculateRebate, parseRates } from '../../shared/market/rebate';

describe('market rules', () => {
  it('reads areas as provinces or province/city, and refuses malformed ones', () => {
    assert.deepEqual(parseAreas('上海市；浙江省/杭州市'), [
      { province: '上海市' },
      { province: '浙江省', city: '杭州市' },
    ]);
    for (const bad of ['', '浙江/杭州/西湖', '浙江/'])
      assert.equal(parseAreas(bad), undefined, bad);
  });

  it('puts a place inside a province area, or a city area of that city only', () => {
    const areas = parseAreas('上海；浙江省/杭州市')!;
    const cases: [string, string | undefined, boolean][] = [
      ['上海市', '上海市', true],
      ['浙江', '杭州', true],
      ['浙江省', '宁波市', false],
      ['浙江省', undefined, false],
      ['江苏省', '苏州市', false],
    ];
    for (const [province, city, inside] of cases)
      assert.equal(isInArea({ province, city }, areas), inside, `${province}/${city ?? ''}`);
    assert.equal(
      isSamePlace({ province: '浙江省', city: '杭州市' }, { province: '浙江', city: '杭州' }),
      true,
    );
  });

  it('reads rates: one flat rate; sections from 0 yuan, ascending, rates to two decimals', () => {
    assert.deepEqual(parseRates('2.5%', 'flat'), [{ from: 0, rateBp: 250 }]);
    assert.deepEqual(parseRates('0:1%; 100000:2%', 'progressive'), [
      { from: 0, rateBp: 100 },
      { from: 10_000_000, rateBp: 200 },
    ]);
    for (const [text, method] of [
      ['1%; 2%', 'flat'],
      ['100:1%', 'reached'],
      ['0:1%; 0:2%', 'reached'],
      ['0:1.234%', 'progressive'],
    ] as const)
      assert.equal(parseRates(text, method), undefined, text);
  });

  it('applies sections at the boundary: reached takes the new rate on all, progressive nothing above', () => {
    const sections = parseRates('0:1%; 100000:2%; 300000:3%', 'reached')!;
    const table: [number, number, number][] = [
      // base (fen), reached, progressive
      [30_000_000, 900_000, 500_000],
      [29_999_999, 600_000, 500_000],
      [10_000_000, 200_000, 100_000],
      [9_999_999, 100_000, 100_000],
      [0, 0, 0],
    ];
    for (const [base, reached, progressive] of table) {
      assert.equal(calculateRebate(base, sections, 'reached').amount, reached, `reached ${base}`);
      assert.equal(
        calculateRebate(base, sections, 'progressive').amount,
        progressive,
        `progressive ${base}`,
      );
    }
  });

  it('lets sales record findings but only a manager decide', () => {
    assert.deepEqual(checkCaseMove('pending', 'pending', 'sales'), { ok: true });
    assert.equal(checkCaseMove('pending', 'confirmed', 'sales').ok, false);
    assert.deepEqual(checkCaseMove('pending', 'handled', 'manager'), {
      ok: false,
      code: 'market-case-move-refused',
    });
    assert.deepEqual(checkCaseMove('confirmed', 'handled', 'manager'), { ok: true });
  });
});
