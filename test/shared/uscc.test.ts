import assert from 'node:assert/strict';
import { isValidUscc, usccCheckCharacter } from '../../shared/uscc';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  // The first is the standard's worked example; the others are registered companies' codes.
  const valid = ['91350100M000100Y43', '91440300708461136T', '91310000775785552L'];
  for (const code of valid) it(`accepts ${code}`, () => assert.ok(isValidUscc(code)));

  const invalid: [string, string][] = [
    ['91350100M000100Y44', 'wrong check character'],
    ['91110000100000589B', 'check character should be A'],
    ['91350100M000100Y4', 'too short'],
    ['91350100M00010OY43', 'forbidden letter O'],
    ['', 'empty'],
  ];
  for (const [code, why] of invalid)
    it(`refuses ${code || '""'} (${why})`, () => assert.equal(isValidUscc(code), false));

  it('computes the check character from the first 17', () => {
    assert.equal(usccCheckCharacter('91350100M000100Y4'), '3');
  });
});
