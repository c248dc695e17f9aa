// The sample-issues push with a quota override, over the fake host and the real server: an
// issue over the dealer's quota is refused with the figures; a manager's override (this push
// only) lets it through (docs/dealer-support.md).
import assert from 'node:assert/strict';
import sinon from 'sinon';
import { startAddin, type AddinHarness } from '../../support/addin';
import { fixedNow, push, seedSalesData } from '../../support/fixtures';
import { bindSheet, cellOf } from './helpers';

const HEADERS = ['发放单号', '发放日期', '季度', '经销商编码', '产品编码', '数量', '发货仓'];

describe('push: sample issues over the quota', () => {
  let h: AddinHarness;
  beforeEach(async () => {
    h = await startAddin({ role: 'manager', server: { now: fixedNow } });
    await seedSalesData(h.server);
    const quota = { grade: 'A', season: '2026Q4', skuCode: 'TEE-BLK-M', quantity: 5 };
    const res = await push(h.server, { dataset: 'sample-quotas', rows: [{ values: quota }] });
    assert.equal(res.body.summary.applied, 1);
    await bindSheet(h, {
      sheet: 'Samples',
      dataset: 'sample-issues',
      rows: [HEADERS, ['YP-1', '2026-11-27', '2026Q4', 'D-SH01', 'TEE-BLK-M', 6, 'WH-E']],
    });
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  it('refuses the issue over the quota without the override, and applies it with one', async () => {
    const send = sinon.spy(h.transport, 'send');
    const refused = await h.app.push();
    assert.deepEqual([refused.applied, refused.rejected], [0, 1]);
    const status = () => String(cellOf(h, { sheet: 'Samples', row: 0, header: '_status' }));
    assert.match(status(), /配额 5，已用 0，剩余 5，本次 6/);
    const allowed = await h.app.push({ overQuota: true });
    assert.deepEqual([allowed.applied, allowed.rejected], [1, 0]);
    const options = send
      .getCalls()
      .map((call) => call.args[0] as { url: string; body?: string })
      .filter((request) => request.url.endsWith('/api/v1/sync/push'))
      .map((request) => (JSON.parse(request.body ?? '{}') as { options?: unknown }).options);
    assert.deepEqual(options, [undefined, { overQuota: true }]);
  });
});
