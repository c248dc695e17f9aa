// The pure rules of the stock operations with the worked numbers of docs/stocktake.md,
// docs/samples.md and docs/group-buy.md.
import assert from 'node:assert/strict';
import { mostCallable } from '../../../shared/stock-ops/group-rows';
import { rotationList } from '../../../shared/stock-ops/rotation';
import { totalsOf, varianceOf } from '../../../shared/stock-ops/variance';

describe('stock operations: pure rules', () => {
  it('values a variance at cost, and leaves a SKU without cost out of the total value', () => {
    assert.deepEqual(varianceOf({ counted: 47, system: 50, unitCost: 8000 }), {
      variance: -3,
      value: -24000,
    });
    assert.deepEqual(varianceOf({ counted: 2, system: 0 }), { variance: 2 });
    const lines = [
      { counted: 47, system: 50, unitCost: 8000 },
      { counted: 12, system: 10, unitCost: 8500 },
      { counted: 30, system: 30, unitCost: 300 },
      { counted: 2, system: 0 },
    ];
    assert.deepEqual(totalsOf(lines), { lines: 4, varianceQuantity: 1, varianceValue: -7000 });
  });

  it('caps a call-off at remaining × (1 + allowance), in whole units, never below zero', () => {
    const cases: [number, number, number][] = [
      [40, 5, 42],
      [20, 5, 21],
      [19, 5, 19], // 19.95 → 19
      [0, 5, 0],
      [-1, 5, 0],
      [20, 0, 20],
    ];
    for (const [remaining, allowance, most] of cases)
      assert.equal(mostCallable(remaining, allowance), most, `${remaining} at ${allowance}%`);
  });

  it('pairs slow styles on show with best-sellers the showroom lacks', () => {
    const rows = rotationList({
      samples: new Map([
        ['TEE', 6],
        ['JK', 2],
        ['POLO', 3],
      ]),
      shippedSlowPeriod: new Map([['POLO', 4]]),
      shippedWindow: new Map([
        ['SOCK', 12],
        ['POLO', 4],
        ['CS', 30],
      ]),
      size: 10,
    });
    assert.deepEqual(rows, [
      { rank: 1, slowStyleCode: 'TEE', slowSamples: 6, bestStyleCode: 'CS', bestShipped: 30 },
      { rank: 2, slowStyleCode: 'JK', slowSamples: 2, bestStyleCode: 'SOCK', bestShipped: 12 },
    ]);
  });
});
