// Reading values back from the store through their dataset's schema (server/datasets/stored-values.ts).
import assert from 'node:assert/strict';
import { targetSchema } from '../../shared/analysis/datasets';
import { readStored } from '../../server/datasets/stored-values';

describe('stored values', () => {
  const where = { dataset: 'targets', id: '2026-region-HD' };

  it('gives a stored row typed by its schema, without the keys the server added', () => {
    const stored = { year: 2026, level: 'region', code: 'HD', amount: 100_000, targetId: where.id };
    const row = readStored(targetSchema, stored, where);
    assert.deepEqual(row, { year: 2026, level: 'region', code: 'HD', amount: 100_000 });
  });

  it('fails, naming the record, when a stored row no longer matches its schema', () => {
    assert.throws(
      () => readStored(targetSchema, { year: 2026, level: 'region' }, where),
      /stored targets record 2026-region-HD does not match its schema/,
    );
  });
});
