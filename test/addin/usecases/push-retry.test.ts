// A network drop after the server applied a chunk: the retry sends the same Idempotency-Key and
// mutation ids, so nothing is applied twice — within one push, and on the user's next push.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { ApiError } from '../../../addin/core/api-error';
import type { Transport } from '../../../addin/core/transport';
import { startAddin, type AddinHarness } from '../../support/addin';
import { bindSheet, cellOf, pushedMutations, REGION_HEADERS, serverRecords } from './helpers';

/** Passes requests to the server, then loses the answer of the first `drops` pushes. */
function droppingTransport(inner: Transport, drops: number): Transport & { replayed: boolean[] } {
  let left = drops;
  const replayed: boolean[] = [];
  return {
    replayed,
    async send(request) {
      const response = await inner.send(request);
      if (!request.url.endsWith('/sync/push')) return response;
      replayed.push(response.header('idempotent-replayed') === 'true');
      if (left > 0) {
        left -= 1;
        throw new TypeError('fetch failed: connection reset');
      }
      return response;
    },
  };
}

describe('push retry safety', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager' });
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const rows = () => [REGION_HEADERS, ['HD', '华东', null], ['SH', '上海', 'HD']];

  it('retries a chunk whose answer was lost with the same key: the server replays, nothing twice', async () => {
    await bindSheet(h, { sheet: 'Regions', dataset: 'regions', rows: rows() });
    const transport = droppingTransport(h.transport, 1);
    const send = sinon.spy(transport, 'send');
    const report = await h.reopen(transport).push();
    assert.equal(report.applied, 2);
    const keys = send
      .getCalls()
      .filter((c) => c.args[0].url.endsWith('/sync/push'))
      .map((c) => c.args[0].headers['Idempotency-Key']);
    assert.equal(keys.length, 2);
    assert.equal(keys[0], keys[1]);
    assert.deepEqual(transport.replayed, [false, true]);
    assert.equal((await serverRecords(h, 'regions')).size, 2);
  });

  it('after a push that failed for good, the next push reuses keys and mutation ids: the server skips them', async () => {
    await bindSheet(h, { sheet: 'Regions', dataset: 'regions', rows: rows() });
    const broken = droppingTransport(h.transport, 3);
    const brokenSend = sinon.spy(broken, 'send');
    const error = await h
      .reopen(broken)
      .push()
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.match(error.message, /无法连接服务器/);
    assert.equal(
      (await serverRecords(h, 'regions')).size,
      2,
      'the server applied the chunk the first time',
    );
    const firstKey = String(cellOf(h, { sheet: 'Regions', row: 0, header: '_key' }));
    assert.match(firstKey, /^[0-9a-f-]{36}$/, 'the row key was written before sending');
    assert.equal(cellOf(h, { sheet: 'Regions', row: 0, header: '_status' }), null);

    const send = sinon.spy(h.transport, 'send');
    const report = await h.app.push();
    assert.deepEqual([report.applied, report.unchanged], [0, 2]);
    const before = pushedMutations(brokenSend)[0]?.map((m) => m.mutationId);
    assert.deepEqual(
      pushedMutations(send)[0]?.map((m) => m.mutationId),
      before,
    );
    const records = await serverRecords(h, 'regions');
    assert.equal(records.size, 2);
    assert.equal(records.get('HD')?.version, 1);
    assert.equal(records.get('HD')?.key, firstKey);
    assert.match(String(cellOf(h, { sheet: 'Regions', row: 0, header: '_status' })), /^无变化/);
    assert.equal((await h.app.push()).sent, 0);
  });

  it('cancels between chunks: what was sent is recorded, the rest goes next time', async () => {
    const many = Array.from({ length: 2100 }, (_, i) => [`R${i}`, `区域${i}`, null]);
    await bindSheet(h, { sheet: 'Regions', dataset: 'regions', rows: [REGION_HEADERS, ...many] });
    const controller = new AbortController();
    const report = await h.app.push({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done > 0) controller.abort();
      },
    });
    assert.deepEqual([report.cancelled, report.sent, report.applied], [true, 2000, 2000]);
    assert.equal(cellOf(h, { sheet: 'Regions', row: 2099, header: '_status' }), null);
    const rest = await h.app.push();
    assert.deepEqual([rest.sent, rest.applied], [100, 100]);
    assert.equal((await serverRecords(h, 'regions')).size, 2100);
  });
});
