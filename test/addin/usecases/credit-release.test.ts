// The orders push with a credit release, over the fake host and the real server: without it an
// order over the dealer's limit is rejected with the figures; a manager's release (this push
// only) lets it through.
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { startAddin, type AddinHarness } from '../../support/addin';
import { addDealer, fixedNow, seedFinance, TODAY } from '../../server/finance-seed';
import { bindSheet, cellOf, ORDER_HEADERS } from './helpers';

function pushOptions(send: sinon.SinonSpy): unknown[] {
  return send
    .getCalls()
    .map((call) => call.args[0] as { url: string; body?: string })
    .filter((request) => request.url.endsWith('/api/v1/sync/push'))
    .map((request) => (JSON.parse(request.body ?? '{}') as { options?: unknown }).options);
}

describe('push: credit release on orders', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager', server: { now: fixedNow } });
    await seedFinance(h.server);
    await addDealer(h.server, 'F-LIM', { creditLimit: 1_000_000 }); // ¥10,000
    // ¥11,000 of FIN-BOX: ¥1,000 over the limit.
    await bindSheet(h, {
      sheet: 'Orders',
      dataset: 'orders',
      rows: [ORDER_HEADERS, ['PO-OVER', 'F-LIM', TODAY, '常规', 'FIN-BOX', 11, 1000, 'WH-E']],
    });
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const status = () => String(cellOf(h, { sheet: 'Orders', row: 0, header: '_status' }));

  it('rejects the order over the limit without a release, and applies it with one', async () => {
    const send = sinon.spy(h.transport, 'send');
    const refused = await h.app.push();
    assert.deepEqual([refused.applied, refused.rejected], [0, 1]);
    assert.match(
      status(),
      /超出信用额度：额度 10,000.00，已用 0.00，本单 11,000.00，超出 1,000.00/,
    );

    const released = await h.app.push({ releaseCredit: true });
    assert.deepEqual([released.applied, released.rejected], [1, 0]);
    assert.match(status(), /^已接受/);
    assert.deepEqual(pushOptions(send), [undefined, { releaseCredit: true }]);
  });
});
