import assert from 'node:assert/strict';
import { addDays } from '../../shared/finance/dates';
import type { TestServer } from '../support/server';
import {
  addDealer,
  BOX,
  must,
  order,
  pullAs,
  pushAs,
  receipt,
  ship,
  startFinanceServer,
  TODAY,
} from './finance-seed';

// Days overdue at each bucket edge; invoice k is k+1 boxes (¥1,000 each) so totals tell them apart.
const edges = [
  [0, 'current'],
  [1, 'days1to30'],
  [30, 'days1to30'],
  [31, 'days31to60'],
  [60, 'days31to60'],
  [61, 'days61to90'],
  [90, 'days61to90'],
  [91, 'days91to120'],
  [120, 'days91to120'],
  [121, 'over120'],
] as const;

describe('finance: receivables and ageing', () => {
  let server: TestServer;
  const invoices: string[] = [];
  before(async () => {
    // The clock is fixed at 2026-11-27 in Shanghai; terms are 30 days.
    server = await startFinanceServer();
    await addDealer(server, 'F-AGE', { creditLimit: 50 * BOX });
    await addDealer(server, 'F-OK');
    for (const [index, [overdue]] of edges.entries()) {
      const lineId = await order(server, 'F-AGE', index + 1, {
        release: index === edges.length - 1,
      });
      invoices.push(await ship(server, lineId, index + 1, addDays(TODAY, -(30 + overdue))));
    }
  });
  after(() => server.close());

  it('ages each invoice by days past its due date, at the bucket edges', async () => {
    const rows = await pullAs(server, 'analyst', 'receivable-items', '&dealer=F-AGE');
    const byId = new Map(rows.map((r) => [r.values.invoiceId, r.values]));
    const got = invoices.map((id) => [byId.get(id)?.daysOverdue, byId.get(id)?.bucket]);
    assert.deepEqual(
      got,
      edges.map(([days, bucket]) => [days, bucket]),
    );
    assert.equal(byId.get(invoices[0])?.dueDate, TODAY);
    assert.equal(byId.get(invoices[0])?.asOf, TODAY);
  });

  it('sums the buckets per dealer with limit, headroom and what is overdue since when', async () => {
    const [row] = await pullAs(server, 'analyst', 'receivables', '&dealer=F-AGE');
    const v = row!.values;
    assert.deepEqual(
      [v.current, v.days1to30, v.days31to60, v.days61to90, v.days91to120, v.over120],
      [1, 2 + 3, 4 + 5, 6 + 7, 8 + 9, 10].map((n) => n * BOX),
    );
    assert.deepEqual(
      [v.outstanding, v.overdue, v.creditLimit, v.headroom],
      [55 * BOX, 54 * BOX, 50 * BOX, -5 * BOX],
    );
    assert.equal(v.oldestOverdueDueDate, '2026-07-29');
  });

  it('filters by region with every region below it (华东 holds 上海)', async () => {
    const codesIn = async (dataset: string, region: string) =>
      new Set(
        (await pullAs(server, 'finance', dataset, `&region=${region}`)).map(
          (r) => r.values.dealerCode,
        ),
      );
    for (const dataset of ['receivables', 'receivable-items', 'collection-list']) {
      assert.ok((await codesIn(dataset, 'HD')).has('F-AGE'), `${dataset} under 华东`);
      assert.ok((await codesIn(dataset, 'SH')).has('F-AGE'), `${dataset} in 上海`);
      assert.ok(!(await codesIn(dataset, 'HN')).has('F-AGE'), `${dataset} in 华南`);
    }
  });

  it('lists dealers to chase: over limit and overdue, not the ones in order', async () => {
    const lineId = await order(server, 'F-OK', 1);
    await ship(server, lineId, 1, TODAY);
    const rows = await pullAs(server, 'finance', 'collection-list');
    const codes = rows.map((r) => r.values.dealerCode);
    assert.ok(codes.includes('F-AGE'));
    assert.ok(!codes.includes('F-OK'));
    const age = rows.find((r) => r.values.dealerCode === 'F-AGE')!.values;
    assert.deepEqual(
      [age.owed, age.overdue, age.overLimitBy, age.since],
      [55 * BOX, 54 * BOX, 5 * BOX, '2026-07-29'],
    );
    assert.match(age.reasons, /over limit/);
  });
});

describe('finance: roles', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
  });
  after(() => server.close());

  const cases: [string, () => Promise<number>, number][] = [
    [
      'sales cannot push bank receipts',
      async () => (await pushAs(server, 'sales', 'bank-receipts', [{ values: receipt(1) }])).status,
      403,
    ],
    [
      'sales cannot confirm allocations',
      async () => (await pushAs(server, 'sales', 'allocations', [{ values: {} }])).status,
      403,
    ],
    [
      'finance cannot push orders',
      async () => (await pushAs(server, 'finance', 'orders', [{ values: {} }])).status,
      403,
    ],
    [
      'analyst cannot pull reconciliation',
      async () => (await server.call('analyst', '/api/v1/sync/pull?dataset=reconciliation')).status,
      403,
    ],
    [
      'analyst can pull receivables',
      async () => (await server.call('analyst', '/api/v1/sync/pull?dataset=receivables')).status,
      200,
    ],
    [
      'finance can push bank receipts',
      async () =>
        (await pushAs(server, 'finance', 'bank-receipts', [{ values: receipt(1) }])).status,
      200,
    ],
  ];
  for (const [name, run, status] of cases) {
    it(name, async () => {
      assert.equal(await run(), status);
    });
  }

  it('publishes the finance datasets in meta with their roles', async () => {
    const meta = await server.call('finance', '/api/v1/meta');
    const receipts = meta.body.datasets.find((d: any) => d.name === 'bank-receipts');
    assert.deepEqual(receipts.pushRoles, ['admin', 'finance']);
    const amount = receipts.fields.find((f: any) => f.name === 'amount');
    assert.equal(amount.kind, 'money');
    assert.ok(receipts.fields.find((f: any) => f.name === 'remark').synonyms.includes('摘要'));
    await must(server, 'finance', 'bank-receipts', [receipt(2)]);
  });
});
