// Dealer sell-out reports and the 进销存 check over HTTP, with worked numbers. D1 × S1-BLK-M
// (dealer price 100 yuan): shipped 36 on 2025-01-10 and 24 on 2025-02-15.
//   2025-01 opening 10 + 36 − sold 20 = 26, reported 26 → no difference
//   2025-02 26 + 24 − 30 = 20, reported 15 → −5 units, −500 yuan
//   2025-03 15 + 0 − 5 = 10, reported 10 → no difference
// No returns or dealer transfers here: those terms are 0 (test/server/sellout-stock-terms.test.ts
// has them all non-zero).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { signInAs } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { upload, workbook } from '../fixtures/xlsx/workbooks';
import { pullAll, push, pushOk, seedMasters } from './analysis-seed';

const NOW = new Date('2025-04-10T04:00:00Z');
const report = (period: string, unitsSold: number, closingStock: number, extra = {}) => ({
  dealerCode: 'D1',
  skuCode: 'S1-BLK-M',
  period,
  unitsSold,
  closingStock,
  ...extra,
});

describe('sell-out: dealer reports and the 进销存 check', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ now: () => NOW });
    await seedMasters(server);
    await pushOk(server, 'warehouse', 'goods-receipts', [
      { date: '2025-01-02', locationCode: 'WH1', skuCode: 'S1-BLK-M', quantity: 600 },
    ]);
    const [line] = await pushOk(server, 'manager', 'orders', [
      {
        orderRef: 'SO-1',
        dealerCode: 'D1',
        orderDate: '2025-01-05',
        orderType: 'normal',
        skuCode: 'S1-BLK-M',
        quantity: 60,
        unitPrice: 10_000,
        locationCode: 'WH1',
      },
    ]);
    await pushOk(server, 'warehouse', 'shipments', [
      { date: '2025-01-10', lineId: line, quantity: 36 },
      { date: '2025-02-15', lineId: line, quantity: 24 },
    ]);
    await pushOk(server, 'sales', 'dealer-reports', [
      report('2025-01', 20, 26, { openingStock: 10 }),
      report('2025-02', 30, 15),
      report('2025-03', 5, 10),
    ]);
  });
  afterEach(() => server.close());

  const differences = async (role: Role = 'sales', query = '') =>
    (await pullAll(server, role, `dataset=stock-differences${query}`)).rows;
  const pushOne = async (
    dataset: string,
    values: Record<string, unknown>,
    role: Role = 'sales',
  ) => {
    const res = await push(server, role, dataset, [values]);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.results[0] as { status: string; id: string; errors: { code: string }[] };
  };

  it('lists the one period that does not add up, with every term and its value', async () => {
    const rows = await differences();
    assert.deepEqual([...rows.keys()], ['D1|S1-BLK-M|2025-02']);
    const v = rows.get('D1|S1-BLK-M|2025-02')!.values;
    assert.deepEqual(
      [v.opening, v.shipped, v.returns, v.transfersOut, v.transfersIn, v.sold],
      [26, 24, 0, 0, 0, 30],
    );
    assert.deepEqual([v.expectedClosing, v.reportedClosing, v.difference], [20, 15, -5]);
    assert.equal(v.value, -50_000);
  });

  it('takes the first period’s opening figure: without it January is 10 short', async () => {
    await pushOk(server, 'sales', 'dealer-reports', [report('2025-01', 20, 26)]);
    const v = (await differences()).get('D1|S1-BLK-M|2025-01')!.values;
    assert.deepEqual([v.opening, v.expectedClosing, v.difference], [0, 16, 10]);
  });

  it('replaces a re-pushed period from any row, audits the correction, and rechecks what follows', async () => {
    const key = randomUUID();
    const first = await pushOne('dealer-reports', { ...report('2025-02', 30, 20), _key: key });
    assert.equal(first.status, 'applied');
    const reports = (await pullAll(server, 'analyst', 'dataset=dealer-reports')).rows;
    const feb = [...reports.values()].filter((r) => r.values.period === '2025-02');
    assert.deepEqual(
      feb.map((r) => [r.key, r.values.closingStock]),
      [[key, 20]],
    );
    // February adds up now; March opens at 20: 20 − 5 = 15 expected, 10 reported.
    const rows = await differences();
    assert.deepEqual([...rows.keys()], ['D1|S1-BLK-M|2025-03']);
    assert.equal(rows.get('D1|S1-BLK-M|2025-03')!.values.difference, -5);
    const trail = await server.call(
      'manager',
      `/api/v1/audit?dataset=dealer-reports&key=${encodeURIComponent('D1|S1-BLK-M|2025-02')}`,
    );
    const entries = trail.body.entries as { action: string; before: any; after: any }[];
    assert.deepEqual(
      entries.map((e) => [e.action, e.before?.closingStock ?? null, e.after.closingStock]),
      [
        ['create', null, 15],
        ['correct', 15, 20],
      ],
    );
  });

  it('deletes the report a sheet row named before its period was edited', async () => {
    const key = randomUUID();
    await pushOne('dealer-reports', { ...report('2025-04', 1, 9), _key: key });
    await pushOne('dealer-reports', { ...report('2025-05', 1, 9), _key: key });
    // April gone, May opens at March's 10: 10 − 1 = 9 as reported. Were April still counted
    // (closing 9), May would expect 8 and show +1.
    assert.deepEqual([...(await differences()).keys()], ['D1|S1-BLK-M|2025-02']);
    const trail = await server.call(
      'manager',
      `/api/v1/audit?dataset=dealer-reports&key=${encodeURIComponent('D1|S1-BLK-M|2025-04')}`,
    );
    assert.deepEqual(
      (trail.body.entries as { action: string }[]).map((e) => e.action),
      ['create', 'delete'],
    );
  });

  it('takes a pushed-back reason off the open list, and reopens it when the difference changes', async () => {
    const reason = { dealerCode: 'D1', skuCode: 'S1-BLK-M', period: '2025-02', reason: '门店盘亏' };
    assert.equal((await pushOne('stock-differences', reason)).status, 'applied');
    assert.equal((await differences()).size, 0);
    await pushOk(server, 'sales', 'dealer-reports', [report('2025-02', 30, 12)]);
    const v = (await differences()).get('D1|S1-BLK-M|2025-02')!.values;
    assert.deepEqual([v.difference, v.reason], [-8, undefined]);
  });

  it('refuses a reason for a period that adds up or was never reported', async () => {
    const base = { dealerCode: 'D1', skuCode: 'S1-BLK-M', reason: '—' };
    const even = await pushOne('stock-differences', { ...base, period: '2025-01' });
    assert.deepEqual(
      even.errors.map((e) => e.code),
      ['sellout-no-difference'],
    );
    const none = await pushOne('stock-differences', { ...base, period: '2025-07' });
    assert.deepEqual(
      none.errors.map((e) => e.code),
      ['sellout-report-missing'],
    );
  });

  it('accepts a month or an ISO week and refuses anything else', async () => {
    const week = await pushOne('dealer-reports', report('2025-W15', 1, 9));
    assert.equal(week.status, 'applied');
    const bad = await pushOne('dealer-reports', report('2025-13', 1, 9));
    assert.deepEqual(
      bad.errors.map((e) => e.code),
      ['sellout-invalid-period'],
    );
  });

  it('filters by period dates and deletes a report by its row', async () => {
    const march = await pullAll(server, 'sales', 'dataset=dealer-reports&from=2025-03-01');
    assert.deepEqual(
      [...march.rows.values()].map((r) => r.values.period),
      ['2025-03'],
    );
    const [row] = [...march.rows.values()];
    const res = await server.call('sales', '/api/v1/sync/push', {
      headers: { 'idempotency-key': randomUUID() },
      body: {
        workbookId: 'wb',
        clientId: 'c',
        dataset: 'dealer-reports',
        mutations: [{ mutationId: randomUUID(), op: 'delete', rowKey: row!.key, baseVersion: 1 }],
      },
    });
    assert.equal(res.body.results[0].status, 'applied');
    const left = await pullAll(server, 'sales', 'dataset=dealer-reports');
    assert.deepEqual([...left.rows.values()].map((r) => r.values.period).sort(), [
      '2025-01',
      '2025-02',
    ]);
  });

  it('lets sales assistants write, analysts read, and keeps a region-limited assistant to her dealers', async () => {
    assert.equal(
      (await push(server, 'warehouse', 'dealer-reports', [report('2025-04', 1, 9)])).status,
      403,
    );
    assert.equal(
      (await push(server, 'analyst', 'dealer-reports', [report('2025-04', 1, 9)])).status,
      403,
    );
    assert.equal((await differences('analyst')).size, 1);
    const token = await signInAs(server, { username: 'js-sales', role: 'sales', regions: ['JS'] });
    const res = await server.call(null, '/api/v1/sync/push', {
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      body: {
        workbookId: 'wb',
        clientId: 'c',
        dataset: 'dealer-reports',
        mutations: [
          {
            mutationId: randomUUID(),
            op: 'upsert',
            rowKey: randomUUID(),
            values: report('2025-04', 1, 9),
          },
        ],
      },
    });
    assert.deepEqual(
      res.body.results[0].errors.map((e: { code: string }) => e.code),
      ['region-not-allowed'],
    );
    const seen = await fetch(`${server.url}/api/v1/sync/pull?dataset=stock-differences`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ rows: unknown[] }>);
    assert.equal(seen.rows.length, 0);
  });

  it('imports the dealer’s own sheet by its Chinese headers', async () => {
    const bytes = workbook([
      ['客户编码', '货号', '月份', '销售数量', '期末库存'],
      ['D1', 'S1-BLK-M', '2025-04', 3, 7],
    ]);
    const res = await upload(server, { role: 'sales', dataset: 'dealer-reports', bytes });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.mapping.map((m: { field: string }) => m.field),
      ['dealerCode', 'skuCode', 'period', 'unitsSold', 'closingStock'],
    );
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body.results[0]));
    // April: 10 + 0 − 3 = 7 → adds up, so only February stays on the list.
    assert.deepEqual([...(await differences()).keys()], ['D1|S1-BLK-M|2025-02']);
  });
});
