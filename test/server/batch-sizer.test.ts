// The import's batch size follows the time its last batch took (server/files/batch-sizer.ts).
import assert from 'node:assert/strict';
import { BatchSizer, batchLimits } from '../../server/files/batch-sizer';

describe('import batch sizer', () => {
  it('starts at the first size', () => {
    assert.equal(new BatchSizer().next, batchLimits.first);
  });

  it('shrinks a batch that held the loop longer than the target, at most to a quarter', () => {
    const sizer = new BatchSizer();
    // 100 rows in 30 ms = 0.3 ms a row; 15 ms ÷ 0.3 ms = 50 rows.
    sizer.took(100, 30);
    assert.equal(sizer.next, 50);
    // 50 rows in 1,500 ms would ask for 0.5 rows: a quarter of 50 (13) is the most it drops.
    sizer.took(50, 1500);
    assert.equal(sizer.next, 13);
  });

  it('grows a fast batch toward the target, at most doubling, never past the maximum', () => {
    const sizer = new BatchSizer();
    // 100 rows in 5 ms = 0.05 ms a row: 300 rows would take 15 ms, but it only doubles.
    sizer.took(100, 5);
    assert.equal(sizer.next, 200);
    for (let i = 0; i < 10; i += 1) sizer.took(sizer.next, 0);
    assert.equal(sizer.next, batchLimits.max);
  });

  it('never goes below the minimum', () => {
    const sizer = new BatchSizer();
    for (let i = 0; i < 10; i += 1) sizer.took(sizer.next, 10_000);
    assert.equal(sizer.next, batchLimits.min);
  });
});
