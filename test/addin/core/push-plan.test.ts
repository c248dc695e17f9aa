// What a push sends: changed rows only, ids that a retry reuses, chunks that keep an order whole.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  chunkKey,
  isChanged,
  planPushChunks,
  toPushRow,
  type PushRow,
} from '../../../addin/core/push-plan';
import type { RowState } from '../../../addin/core/row-state';
import type { CheckedRow } from '../../../addin/core/validate-rows';

function checked(
  row: number,
  state: Partial<RowState>,
  more: { values?: Record<string, unknown>; digest?: string } = {},
): CheckedRow {
  const values = more.values ?? { code: `R${row}` };
  const digest = more.digest ?? 'aaaa';
  return {
    row,
    parsed: { values, findings: [], digest, blank: false },
    state: { key: null, version: null, hash: null, ...state },
    valid: true,
    reasons: [],
  };
}

let counter = 0;
const ctx = { dataset: 'regions', clientId: 'client-1', newKey: () => `key-${++counter}` };

describe('push plan', () => {
  afterEach(() => {
    sinon.restore();
  });

  it('sends rows without a key, without a digest, or whose digest changed — not the rest', () => {
    const rows = [
      checked(0, {}),
      checked(1, { key: 'k1', version: 1, hash: 'aaaa' }),
      checked(2, { key: 'k2', version: 1, hash: 'bbbb' }),
      checked(3, { key: 'k3', version: null, hash: null }),
    ];
    assert.deepEqual(
      rows.filter(isChanged).map((r) => r.row),
      [0, 2, 3],
    );
  });

  it('derives the same mutation id for the same row content and base version, and a new one otherwise', () => {
    const row = checked(0, { key: 'k1', version: 3 });
    const again = toPushRow(row, ctx).mutation;
    assert.equal(toPushRow(row, ctx).mutation.mutationId, again.mutationId);
    assert.notEqual(
      toPushRow(checked(0, { key: 'k1', version: 4 }), ctx).mutation.mutationId,
      again.mutationId,
    );
    assert.notEqual(
      toPushRow(checked(0, { key: 'k1', version: 3 }, { digest: 'bbbb' }), ctx).mutation.mutationId,
      again.mutationId,
    );
    assert.equal(again.baseVersion, 3);
    assert.equal(again.rowKey, 'k1');
  });

  it('gives a new row a fresh key and no base version', () => {
    const pushRow = toPushRow(checked(0, {}), ctx);
    assert.equal(pushRow.isNewKey, true);
    assert.match(pushRow.rowKey, /^key-\d+$/);
    assert.equal('baseVersion' in pushRow.mutation, false);
  });

  it('keeps the lines of one order in one chunk and respects the row limit', () => {
    const line = (row: number, orderRef: string) =>
      toPushRow(
        checked(
          row,
          { key: `k${row}` },
          { values: { dealerCode: 'D1', orderRef, skuCode: `S${row}` } },
        ),
        { ...ctx, dataset: 'orders' },
      );
    const rows = [line(0, 'A'), line(1, 'B'), line(2, 'A'), line(3, 'C'), line(4, 'B')];
    const chunks = planPushChunks(['dealerCode', 'orderRef'], rows, {
      maxRows: 3,
      maxBytes: 1_000_000,
    });
    const refs = chunks.map((c) => c.map((r) => String(r.values.orderRef)));
    assert.deepEqual(refs, [
      ['A', 'A'],
      ['B', 'B', 'C'],
    ]);
  });

  it('splits by bytes as well as rows', () => {
    const rows = Array.from({ length: 10 }, (_, i) =>
      toPushRow(checked(i, { key: `k${i}` }, { values: { name: 'x'.repeat(1000) } }), ctx),
    );
    const chunks = planPushChunks([], rows, { maxRows: 100, maxBytes: 3500 });
    assert.deepEqual(
      chunks.map((c) => c.length),
      [3, 3, 3, 1],
    );
  });

  it('keys a chunk the same way for every try of one push, differently for another push', () => {
    const chunk: PushRow[] = [toPushRow(checked(0, { key: 'k1' }), ctx)];
    assert.equal(chunkKey('attempt-1', chunk), chunkKey('attempt-1', chunk));
    assert.notEqual(chunkKey('attempt-1', chunk), chunkKey('attempt-2', chunk));
    assert.match(chunkKey('attempt-1', chunk), /^[\w-]{8,100}$/);
  });
});
