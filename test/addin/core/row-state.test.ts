// Row state in the system columns: a `_hash` column when the table has one, else the digest
// rides in the hidden `_version` cell; both read back what was written.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { derivedUuid, segmentDigest } from '../../../addin/core/hash';
import { encodeState, readState, stateLayout } from '../../../addin/core/row-state';
import { viewOf } from '../../../addin/core/table-view';
import { regionOf } from './region';

describe('row state', () => {
  afterEach(() => {
    sinon.restore();
  });

  const state = { key: 'k-1', version: 7, hash: '00120abc' };

  it('round-trips through a table with a _hash column', () => {
    const headers = ['名称', '_status', '_key', '_version', '_hash'];
    const layout = stateLayout(viewOf(regionOf(headers, [])));
    assert.deepEqual(layout.columns, ['_key', '_version', '_hash']);
    const cells = encodeState(layout, state);
    const view = viewOf(regionOf(headers, [['x', null, ...cells]]));
    assert.deepEqual(readState(view, layout, 0), state);
  });

  it('round-trips through a table with only _key and _version', () => {
    const headers = ['名称', '_status', '_key', '_version'];
    const layout = stateLayout(viewOf(regionOf(headers, [])));
    const cells = encodeState(layout, state);
    assert.deepEqual(cells, ['k-1', '7#00120abc']);
    const view = viewOf(regionOf(headers, [['x', null, ...cells]]));
    assert.deepEqual(readState(view, layout, 0), state);
  });

  it('reads a plain version number and empty cells', () => {
    const headers = ['_key', '_version'];
    const view = viewOf(
      regionOf(headers, [
        ['k', 3],
        [null, null],
      ]),
    );
    const layout = stateLayout(view);
    assert.deepEqual(readState(view, layout, 0), { key: 'k', version: 3, hash: null });
    assert.deepEqual(readState(view, layout, 1), { key: null, version: null, hash: null });
  });

  it('hashes: the same text the same id, UUID-shaped; digests 4 characters', () => {
    assert.equal(derivedUuid('a'), derivedUuid('a'));
    assert.notEqual(derivedUuid('a'), derivedUuid('b'));
    assert.match(
      derivedUuid('a'),
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    assert.equal(segmentDigest('"x"').length, 4);
    assert.notEqual(segmentDigest('"x"'), segmentDigest('"y"'));
  });
});
