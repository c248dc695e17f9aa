import assert from 'node:assert/strict';
import {
  compactReference,
  extractReferenceTokens,
  normalizeText,
} from '../../../shared/finance/tokens';

describe('finance/tokens', () => {
  describe('normalizeText', () => {
    const cases: [string, string, string][] = [
      ['full-width letters, digits, punctuation', 'ａｂｃ１２３！', 'ABC123!'],
      ['ideographic space', 'ＡＢ　ＣＤ', 'AB CD'],
      ['full-width hyphen-minus and tilde (range ends)', '！－～', '!-~'],
      ['em dash and minus sign become hyphens', 'A—B−C', 'A-B-C'],
      ['Chinese text is kept', '付款ａ', '付款A'],
    ];
    for (const [name, input, expected] of cases) {
      it(name, () => {
        assert.equal(normalizeText(input), expected);
      });
    }
  });

  describe('extractReferenceTokens', () => {
    const cases: [string, string, string[]][] = [
      ['order number inside Chinese text', '付SO-20261127-0001货款', ['SO-20261127-0001']],
      ['full-width order number', '付ＳＯ－２０２６１１２７－０００１货款', ['SO-20261127-0001']],
      ['lower case, two numbers', 'so-20261127-0001,inv-0002', ['SO-20261127-0001', 'INV-0002']],
      ['three characters is too short', 'ABC 付款', []],
      ['four characters is enough', '付ABCD', ['ABCD']],
      ['dashes at the ends do not count', '--SO1--', []],
      ['em dashes inside a number', 'SO—20261127—0001', ['SO-20261127-0001']],
      ['repeated token once', 'D003 D003', ['D003']],
    ];
    for (const [name, input, expected] of cases) {
      it(name, () => {
        assert.deepEqual(extractReferenceTokens(input), expected);
      });
    }
  });

  it('compactReference keeps letters and digits only', () => {
    assert.equal(compactReference('ｓｏ 20261127-0001'), 'SO202611270001');
  });
});
