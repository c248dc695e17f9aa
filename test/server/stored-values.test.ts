// Reading values back from the store through their dataset's schema (server/datasets/stored-values.ts).
import assert from 'node:assert/strict';
import { targetSchema } from '../../shared/analysis/datasets';
import { readStored } from '../../server/datasets/stored-values';
import { inputOf } from '../../server/finance/allocations-check';
import type { FinAllocationsTable } from '../../server/finance/tables';

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

  describe('a stored allocation', () => {
    const row: FinAllocationsTable = {
      id: 'AL-20261127-0001',
      row_key: 'k1',
      receipt_id: 'RC-20261127-0001',
      target_kind: 'order-deposit',
      target_id: 'SO-20261127-0001',
      dealer_code: 'D-SH01',
      amount: 5000,
      write_off_amount: 0,
      write_off_reason: null,
      remark: null,
      source: 'manual',
      deleted: 0,
      version: 1,
      change_seq: 7,
      updated_at: '2026-11-27T02:00:00.000Z',
      updated_by: 'finance-user',
    };

    it('reads back as the input it was made from', () => {
      assert.deepEqual(inputOf(row), {
        receiptId: 'RC-20261127-0001',
        targetKind: 'order-deposit',
        targetId: 'SO-20261127-0001',
        dealerCode: 'D-SH01',
        amount: 5000,
      });
    });

    it('fails when its target kind is one no schema allows', () => {
      assert.throws(
        () => inputOf({ ...row, target_kind: 'gift' }),
        /allocation AL-20261127-0001: unknown target kind/,
      );
    });
  });
});
