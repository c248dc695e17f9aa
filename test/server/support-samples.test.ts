// Samples and promotional material over HTTP with worked numbers: a grade-A dealer's quota of
// 5 T-shirts in 2026Q4 — issues up to the quota pass, one more is refused, a manager may allow
// it (`overQuota`), a sales user may not; issues of one push count against each other; the
// quota-use pull's used, left and the marketing budget charged at the dealer price (199.90).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { fixedNow, seedSalesData, stockByKey } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { codesOf, messagesOf, pullRows, pushRows, seedRows } from './support-helpers';

const issue = (issueRef: string, quantity: number, extra: Record<string, unknown> = {}) => ({
  issueRef,
  issueDate: '2026-11-27',
  season: '2026Q4',
  dealerCode: 'D-SH01',
  skuCode: 'TEE-BLK-M',
  quantity,
  locationCode: 'WH-E',
  ...extra,
});

describe('dealer support: samples and promotional material', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
    await seedRows(server, 'sample-quotas', [
      { grade: 'A', season: '2026Q4', skuCode: 'TEE-BLK-M', quantity: 5 },
      { grade: 'B', season: '2026Q4', skuCode: 'TEE-BLK-M', quantity: 2 },
    ]);
    await seedRows(server, 'marketing-budgets', [
      { dealerCode: 'D-SH01', season: '2026Q4', budget: 100_000 },
    ]);
  });
  afterEach(() => server.close());

  const issueOne = (values: Record<string, unknown>, opts: Parameters<typeof pushRows>[3] = {}) =>
    pushRows(server, 'sample-issues', [{ values }], { role: 'sales', ...opts });
  const useOf = async () =>
    (await pullRows(server, 'sample-quota-use', { query: 'dealer=D-SH01' })).find(
      (r) => r.skuCode === 'TEE-BLK-M' && r.season === '2026Q4',
    );

  it('passes issues up to the quota and refuses one over it', async () => {
    assert.equal((await issueOne(issue('SMP-1', 3)))[0]?.status, 'applied');
    assert.equal((await issueOne(issue('SMP-2', 2)))[0]?.status, 'applied'); // 5 of 5
    const over = (await issueOne(issue('SMP-3', 1)))[0];
    assert.deepEqual([over?.status, codesOf(over)], ['rejected', ['sample-over-quota']]);
    assert.match(messagesOf(over), /配额 5，已用 5，剩余 0，本次 1/);
    const use = await useOf();
    // 5 × 199.90 = 999.50 charged against a 1 000.00 budget.
    assert.deepEqual(
      [use?.quota, use?.used, use?.left, use?.value, use?.budget, use?.charged, use?.budgetLeft],
      [5, 5, 0, 99_950, 100_000, 99_950, 50],
    );
  });

  it('lets a manager allow an issue over the quota, not a sales user', async () => {
    await issueOne(issue('SMP-1', 5));
    const sales = (await issueOne(issue('SMP-2', 1), { options: { overQuota: true } }))[0];
    assert.deepEqual(codesOf(sales), ['option-needs-manager']);
    const manager = (
      await issueOne(issue('SMP-2', 1), { role: 'manager', options: { overQuota: true } })
    )[0];
    assert.equal(manager?.status, 'applied', JSON.stringify(manager));
    const use = await useOf();
    assert.deepEqual(
      [use?.used, use?.left, use?.charged, use?.budgetLeft],
      [6, -1, 119_940, -19_940],
    );
  });

  it('counts the issues of one push against each other', async () => {
    const results = await pushRows(
      server,
      'sample-issues',
      [{ values: issue('SMP-1', 3) }, { values: issue('SMP-2', 3) }, { values: issue('SMP-3', 2) }],
      { role: 'sales' },
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['applied', 'rejected', 'applied'],
    );
    assert.equal((await useOf())?.used, 5);
  });

  it('gives a deleted issue’s units back, and keeps an issue once made', async () => {
    const rowKey = randomUUID();
    const [made] = await pushRows(server, 'sample-issues', [{ rowKey, values: issue('SMP-1', 4) }]);
    assert.equal(made?.version, 1);
    const changed = await pushRows(server, 'sample-issues', [
      { rowKey, baseVersion: 1, values: issue('SMP-1', 1) },
    ]);
    assert.deepEqual(codesOf(changed[0]), ['sample-issue-fixed']);
    const remarked = await pushRows(server, 'sample-issues', [
      { rowKey, baseVersion: 1, values: issue('SMP-1', 4, { remark: '陈列用' }) },
    ]);
    assert.deepEqual([remarked[0]?.status, remarked[0]?.version], ['applied', 2]);
    assert.equal((await useOf())?.used, 4);
    const deleted = await pushRows(server, 'sample-issues', [
      { rowKey, op: 'delete', baseVersion: 2 },
    ]);
    assert.equal(deleted[0]?.status, 'applied');
    assert.deepEqual([(await useOf())?.used, (await useOf())?.left], [0, 5]);
    assert.equal((await stockByKey(server)).get('WH-E|TEE-BLK-M')?.onHand, 100);
  });

  it('issues out of the location’s stock at zero price, never more than it has', async () => {
    await issueOne(issue('SMP-1', 5));
    // Opening stock 100 at WH-E, 30 at WH-S.
    assert.equal((await stockByKey(server)).get('WH-E|TEE-BLK-M')?.onHand, 95);
    const opts = { role: 'manager' as const, options: { overQuota: true } };
    const short = (await issueOne(issue('SMP-2', 31, { locationCode: 'WH-S' }), opts))[0];
    assert.deepEqual(codesOf(short), ['insufficient-stock']);
    assert.equal(
      (await issueOne(issue('SMP-3', 30, { locationCode: 'WH-S' }), opts))[0]?.status,
      'applied',
    );
    assert.equal((await stockByKey(server)).get('WH-S|TEE-BLK-M')?.onHand, 0);
  });

  it('refuses an item the dealer’s grade has no quota of, and shows the issue’s charged value', async () => {
    const none = (await issueOne(issue('SMP-9', 6, { skuCode: 'SOCK-WHT-F' })))[0];
    assert.deepEqual(codesOf(none), ['sample-no-quota']);
    await issueOne(issue('SMP-1', 2));
    const [pulled] = await pullRows(server, 'sample-issues', { query: 'dealer=D-SH01' });
    assert.deepEqual(
      [pulled?.id, pulled?.referencePrice, pulled?.value],
      ['SMP-1', 19_990, 39_980],
    );
  });
});
