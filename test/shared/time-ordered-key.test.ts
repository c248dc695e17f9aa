import assert from 'node:assert/strict';
import { timeOrderedKey, uuidV7 } from '../../shared/time-ordered-key';

describe('time-ordered row keys (UUID version 7)', () => {
  it('lays out the milliseconds, the version and the variant as RFC 9562 says', () => {
    const random = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    // 2026-12-06T07:00:00.000Z = 1,796,540,400,000 ms = 0x01a2_4a27_0180.
    const key = uuidV7(new Date('2026-12-06T07:00:00.000Z'), random);
    assert.equal(key, '01a24a27-0180-7fff-bfff-ffffffffffff');
    assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts as text in the order the keys were made, across milliseconds', () => {
    const start = Date.parse('2026-12-06T07:00:00Z');
    const keys = Array.from({ length: 50 }, (_, i) => timeOrderedKey(new Date(start + i * 7)));
    assert.deepEqual([...keys].sort(), keys);
  });

  it('keys made in the same millisecond still differ', () => {
    const now = new Date();
    const keys = new Set(Array.from({ length: 1000 }, () => timeOrderedKey(now)));
    assert.equal(keys.size, 1000);
  });
});
