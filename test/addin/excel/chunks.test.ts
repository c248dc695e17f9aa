// Chunk planning and text protection, pure.

import assert from 'node:assert/strict';
import sinon from 'sinon';
import { halveChunk, jsonStringBytes, planChunks, rowBytes } from '../../../addin/excel/chunks';
import { isReinterpreted, protectValue } from '../../../addin/excel/text-safety';

describe('chunk planning', () => {
  afterEach(() => {
    sinon.restore();
  });

  it('measures strings as UTF-8 JSON', () => {
    assert.equal(jsonStringBytes('ab'), new TextEncoder().encode(JSON.stringify('ab')).length);
    assert.equal(
      jsonStringBytes('华东"'),
      new TextEncoder().encode(JSON.stringify('华东"')).length,
    );
    assert.equal(rowBytes(['a', 1, null, true]), JSON.stringify(['a', 1, null, true]).length);
  });

  it('keeps every chunk under the byte and cell limits', () => {
    const sizes = Array.from({ length: 1000 }, () => 100);
    const chunks = planChunks(sizes, 10, { maxBytes: 10_000, maxCells: 500 });
    assert.ok(chunks.every((c) => c.bytes <= 10_000 && c.count <= 50));
    assert.equal(
      chunks.reduce((n, c) => n + c.count, 0),
      1000,
    );
    assert.equal(chunks.length, 20);
  });

  it('halves a chunk into two that cover it', () => {
    const sizes = [1, 2, 3, 4, 5];
    assert.deepEqual(halveChunk({ start: 0, count: 5, bytes: 15 }, sizes), [
      { start: 0, count: 3, bytes: 6 },
      { start: 3, count: 2, bytes: 9 },
    ]);
  });
});

describe('text protection', () => {
  const cases: [string, boolean][] = [
    ['=SUM(A1)', true],
    ['+86', true],
    ['-折扣', true],
    ['@home', true],
    ['0012', true],
    ['１２', true],
    ['2026-01-02', true],
    ['TRUE', true],
    ['华东商贸', false],
    ['A-1', false],
    ['', false],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} ${expected ? 'needs' : 'does not need'} protection`, () => {
      assert.equal(isReinterpreted(text), expected);
    });
  }

  it("prefixes an apostrophe outside '@' cells, and only a real leading apostrophe inside them", () => {
    assert.equal(protectValue('=x', false), "'=x");
    assert.equal(protectValue('=x', true), '=x');
    assert.equal(protectValue("'quoted", true), "''quoted");
    assert.equal(protectValue(12, false), 12);
  });
});
