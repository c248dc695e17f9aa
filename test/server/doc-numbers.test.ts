// The one document-number allocator (server/sync/doc-numbers.ts) on a real SQLite file, and
// through real pushes: one sequence per prefix and day, kept across a restart, never shared.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RowResult } from '../../shared/protocol';
import type { Db, Store } from '../../server/store/db';
import { openMigratedStore } from '../../server/store/open';
import { DocNumbers, type DocPrefix } from '../../server/sync/doc-numbers';
import { suiteServer } from '../support/server';
import { fixedNow, orderRow, push, seedSalesData } from '../support/fixtures';

/** Opens an allocator in its own transaction, takes `count` numbers and commits them. */
async function takeCommitted(db: Db, prefix: DocPrefix, day: string, count: number) {
  return db.transaction().execute(async (trx) => {
    const numbers = await DocNumbers.open(trx, prefix, day);
    const taken = Array.from({ length: count }, () => numbers.take());
    await numbers.flush();
    return taken;
  });
}

describe('document numbers', () => {
  let dir: string;
  let store: Store | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sales-sync-numbers-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts each prefix and each business day on its own, from 0001', async () => {
    store = await openMigratedStore(path.join(dir, 'a.db'));
    assert.deepEqual(await takeCommitted(store.db, 'SO', '2026-11-27', 2), [
      'SO-20261127-0001',
      'SO-20261127-0002',
    ]);
    assert.deepEqual(await takeCommitted(store.db, 'RC', '2026-11-27', 1), ['RC-20261127-0001']);
    assert.deepEqual(await takeCommitted(store.db, 'SO', '2026-11-28', 1), ['SO-20261128-0001']);
    assert.deepEqual(await takeCommitted(store.db, 'SO', '2026-11-27', 1), ['SO-20261127-0003']);
  });

  it('peek names the next number without using it', async () => {
    store = await openMigratedStore(path.join(dir, 'a.db'));
    const taken = await store.db.transaction().execute(async (trx) => {
      const numbers = await DocNumbers.open(trx, 'GR', '2026-11-27');
      assert.equal(numbers.peek(), 'GR-20261127-0001');
      assert.equal(numbers.peek(), 'GR-20261127-0001');
      const id = numbers.take();
      await numbers.flush();
      return id;
    });
    assert.equal(taken, 'GR-20261127-0001');
    assert.deepEqual(await takeCommitted(store.db, 'GR', '2026-11-27', 1), ['GR-20261127-0002']);
  });

  it('continues after a restart, and a rolled-back push gives its numbers back', async () => {
    const file = path.join(dir, 'restart.db');
    store = await openMigratedStore(file);
    await takeCommitted(store.db, 'AL', '2026-11-27', 3);
    await assert.rejects(
      store.db.transaction().execute(async (trx) => {
        const numbers = await DocNumbers.open(trx, 'AL', '2026-11-27');
        numbers.take();
        await numbers.flush();
        throw new Error('the push failed');
      }),
      /the push failed/,
    );
    await store.close();
    store = await openMigratedStore(file);
    assert.deepEqual(await takeCommitted(store.db, 'AL', '2026-11-27', 1), ['AL-20261127-0004']);
  });

  it('fails the push rather than reuse numbers when the counter moved after the claim', async () => {
    store = await openMigratedStore(path.join(dir, 'moved.db'));
    await assert.rejects(
      store.db.transaction().execute(async (trx) => {
        const numbers = await DocNumbers.open(trx, 'CN', '2026-11-27');
        numbers.take();
        // What a second server instance that ignored the claim's lock would have done.
        await trx
          .updateTable('counters')
          .set((eb) => ({ value: eb('value', '+', 1) }))
          .where('name', '=', 'CN-20261127')
          .execute();
        await numbers.flush();
      }),
      /counter CN-20261127 moved/,
    );
  });

  describe('through pushes', () => {
    const server = suiteServer({ now: fixedNow, prepare: seedSalesData });

    it('gives two pushes sent at once different orders, in sequence', async () => {
      const send = (orderRef: string) =>
        push(server, { dataset: 'orders', role: 'sales', rows: [orderRow(orderRef, 1)] });
      const answers = await Promise.all([send('PO-AT-ONCE-1'), send('PO-AT-ONCE-2')]);
      const ids = answers.map((res) => (res.body.results as RowResult[])[0]?.id ?? '');
      const orders = ids.map((id) => id.slice(0, -3)).sort();
      assert.match(orders[0] ?? '', /^SO-20261127-\d{4}$/);
      const [first, second] = orders.map((o) => Number(o.slice(-4)));
      assert.equal(second, (first ?? 0) + 1);
    });
  });
});
