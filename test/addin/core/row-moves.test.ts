// Finding rows again after the user moved them: by `_key`; a row without a key only while the key
// column reads as it did. And the rows holding given keys (the below-safety highlight's).
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { locateRows, placeRows, rowsHoldingKeys } from '../../../addin/core/row-moves';
import type { CellValue } from '../../../addin/excel/port';

describe('row moves', () => {
  afterEach(() => {
    sinon.restore();
  });

  const cases: {
    name: string;
    before: (string | null)[];
    now: CellValue[];
    /** Where each row of `before` is now. */
    expected: (number | null)[];
  }[] = [
    {
      name: 'nothing moved: every row where it was, keyless ones too',
      before: ['a', null, 'c'],
      now: ['a', '', ' c '],
      expected: [0, 1, 2],
    },
    {
      name: 'sorted: keyed rows by key, a keyless row cannot be told',
      before: ['a', null, 'c'],
      now: ['c', null, 'a'],
      expected: [2, null, 0],
    },
    {
      name: 'a row deleted: the others found, the deleted one not',
      before: ['a', 'b', 'c'],
      now: ['a', 'c'],
      expected: [0, null, 1],
    },
    {
      name: 'a row inserted above: the others found one lower',
      before: ['a', 'b', null],
      now: [null, 'a', 'b', null],
      expected: [1, 2, null],
    },
    {
      name: 'a key cleared by the user: that row is not found',
      before: ['a', 'b'],
      now: ['b', null],
      expected: [null, 0],
    },
    {
      name: 'a copied row shares a key: one row each, in order',
      before: ['a', 'a', 'b'],
      now: ['b', 'a', 'a'],
      expected: [1, 2, 0],
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const locate = locateRows(c.before, c.now);
      assert.deepEqual(
        c.before.map((_, row) => locate(row)),
        c.expected,
      );
    });
  }

  it('finds no row beyond the table', () => {
    assert.equal(locateRows(['a'], ['a'])(5), null);
    assert.equal(locateRows(['a'], ['b'])(5), null);
  });

  it('places writes on the rows where their rows are now, dropping and counting the lost', () => {
    const locate = locateRows(['a', 'b', 'c'], ['c', 'a']);
    const writes = [
      { row: 0, values: ['A'] },
      { row: 1, values: ['B'] },
      { row: 2, values: ['C'] },
    ];
    assert.deepEqual(placeRows(writes, locate), {
      placed: [
        { row: 1, values: ['A'] },
        { row: 0, values: ['C'] },
      ],
      unplaced: 1,
    });
    assert.deepEqual(
      writes[0],
      { row: 0, values: ['A'] },
      'the writes given are left as they were',
    );
  });

  const held: { name: string; keys: string[]; now: CellValue[]; rows: number[] }[] = [
    { name: 'keys after a sort', keys: ['c', 'a'], now: ['a', 'b', 'c'], rows: [0, 2] },
    { name: 'a key no longer in the table', keys: ['x', 'b'], now: ['a', 'b'], rows: [1] },
    {
      name: 'a copied row, and rows without a key',
      keys: ['a'],
      now: [null, 'a', '', 'a'],
      rows: [1, 3],
    },
    { name: 'no keys', keys: [], now: ['a'], rows: [] },
  ];
  for (const c of held) {
    it(`finds the rows holding keys: ${c.name}`, () => {
      assert.deepEqual(rowsHoldingKeys(c.keys, c.now), c.rows);
    });
  }
});
