// recordsOf (server/datasets/records-store.ts): a push's master data from several datasets in
// one query, on the store under test, read as recordsById and allRecords read them one by one.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import {
  allRecords,
  recordsById,
  recordsOf,
  writeRecords,
} from '../../server/datasets/records-store';
import { onPostgres, storePerSuite } from '../support/store';

let seq = 0;
const record = (dataset: string, id: string, deleted = false, rowKey = `${dataset}-${id}`) => ({
  dataset,
  rowKey,
  id,
  version: 1,
  changeSeq: ++seq,
  deleted,
  values: { code: id, deleted },
  at: '2026-11-27T02:00:00.000Z',
  by: 'test',
});

describe('recordsOf', () => {
  const store = storePerSuite();
  before(async () => {
    await writeRecords(store.db, [
      record('products', 'SKU-1'),
      record('products', 'SKU-2'),
      record('products', 'SKU-3'),
      // A deleted record whose id a live one took again: the live one is the answer.
      record('dealers', 'D1', true, 'dealers-old-D1'),
      record('dealers', 'D1'),
      record('dealers', 'D2', true),
      record('locations', 'WH'),
      record('regions', 'HD'),
      record('regions', 'HB', true),
      record('licence-requirements', 'T恤'),
    ]);
  });

  it('reads by id and whole datasets as the one-by-one reads do (one query on PostgreSQL)', async () => {
    const execute = sinon.spy(store.db.getExecutor(), 'executeQuery');
    const found = await recordsOf(store.db, [
      { dataset: 'products', ids: ['SKU-1', 'SKU-3', 'SKU-9'] },
      { dataset: 'dealers', ids: ['D1', 'D2'] },
      { dataset: 'locations', ids: ['WH'] },
      { dataset: 'regions', all: true },
      { dataset: 'licence-requirements', all: true },
    ]);
    const queries = execute.callCount;
    execute.restore();
    if (onPostgres) assert.equal(queries, 1);
    assert.deepEqual(
      found.get('products'),
      await recordsById(store.db, 'products', ['SKU-1', 'SKU-3', 'SKU-9']),
    );
    assert.deepEqual(found.get('dealers'), await recordsById(store.db, 'dealers', ['D1', 'D2']));
    assert.equal(found.get('dealers')?.get('D1')?.deleted, false);
    assert.equal(found.get('dealers')?.get('D2')?.deleted, true);
    assert.deepEqual(found.get('locations'), await recordsById(store.db, 'locations', ['WH']));
    assert.deepEqual(found.get('regions'), await allRecords(store.db, 'regions'));
    assert.deepEqual([...(found.get('regions')?.keys() ?? [])], ['HD']);
    assert.deepEqual(
      found.get('licence-requirements'),
      await allRecords(store.db, 'licence-requirements'),
    );
  });

  it('answers an empty map for a dataset with nothing asked or nothing found', async () => {
    const found = await recordsOf(store.db, [
      { dataset: 'products', ids: [] },
      { dataset: 'dealers', ids: ['nobody'] },
    ]);
    assert.deepEqual(found.get('products'), new Map());
    assert.deepEqual(found.get('dealers'), new Map());
  });

  it('reads long id lists a dataset at a time', async () => {
    const ids = Array.from({ length: 1_200 }, (_, i) => `SKU-${i}`);
    const found = await recordsOf(store.db, [
      { dataset: 'products', ids },
      { dataset: 'regions', all: true },
    ]);
    assert.deepEqual([...(found.get('products')?.keys() ?? [])].sort(), [
      'SKU-1',
      'SKU-2',
      'SKU-3',
    ]);
    assert.deepEqual([...(found.get('regions')?.keys() ?? [])], ['HD']);
  });
});

describe('recordsOf on an empty store', () => {
  const store = storePerSuite();

  it('answers empty maps for every dataset asked', async () => {
    const found = await recordsOf(store.db, [
      { dataset: 'products', ids: ['a', 'b'] },
      { dataset: 'dealers', ids: ['c'] },
      { dataset: 'regions', all: true },
      { dataset: 'licence-requirements', all: true },
    ]);
    assert.deepEqual(
      [...found.values()].map((m) => m.size),
      [0, 0, 0, 0],
    );
  });
});
