// 来电/来访 over HTTP: counted in the daily report (day, month, year to date) and the weekly
// summary (ISO weeks, Monday 00:00 Asia/Shanghai), contacts masked for roles that do not need
// them, and 去化率 at each week's end (docs/estate-roster.md).
import assert from 'node:assert/strict';
import {
  must,
  pullAs,
  pushAs,
  startEstateServer,
  subscription,
  type EstateServer,
} from './estate-helpers';

const visit = (at: string, kind: 'call' | 'visit', extra: Record<string, unknown> = {}) => ({
  at,
  projectCode: 'P1',
  kind,
  customerName: '李四光',
  customerPhone: '13812345678',
  channel: '自然来访',
  ...extra,
});

describe('estate: 来电/来访 and the weekly summary', () => {
  let server: EstateServer;
  before(async () => {
    server = await startEstateServer();
    // Clock: Friday 2026-11-27 10:00 in Shanghai.
    await must(server, 'sales', 'estate-visits', [
      visit('2026-11-27 10:00', 'call'),
      visit('2026-11-27 11:00', 'visit'),
      visit('2026-11-20 15:00', 'visit'), // earlier in the month
      visit('2026-10-15 09:00', 'call'), // earlier in the year
      visit('2025-12-31 09:00', 'call'), // last year: in no period
      visit('2026-11-29 23:59', 'visit'), // Sunday, last minute of week 48
      visit('2026-11-30 00:00', 'visit'), // Monday, first minute of week 49
    ]);
    await must(server, 'manager', 'estate-visits', [
      visit('2026-11-27 09:30', 'visit', { consultant: 'C2' }),
    ]);
    // A subscription in week 48, withdrawn in week 49.
    await must(server, 'sales', 'estate-subscriptions', [subscription('B1-0801')], ['sub-1']);
    server.setNow('2026-12-01T02:00:00.000Z');
    const withdraw = { ...subscription('B1-0801'), cancel: 'withdraw' };
    const res = await pushAs(server, 'manager', 'estate-subscriptions', [
      { rowKey: 'sub-1', baseVersion: 1, values: withdraw },
    ]);
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body));
  });
  after(() => server.close());

  const row = (rows: Awaited<ReturnType<typeof pullAs>>, key: string) => {
    const found = rows.find((r) => r.key === key)?.values;
    assert.ok(found, `no row ${key}`);
    return found;
  };
  const callsAndVisits = (values: Record<string, unknown>) => [values.calls, values.visits];

  it('counts calls and visits for the day, the month and the year to date', async () => {
    const rows = await pullAs(server, 'manager', 'estate-daily-report', '&to=2026-11-27');
    assert.deepEqual(callsAndVisits(row(rows, 'day|P1|sales-user')), [1, 1]);
    assert.deepEqual(callsAndVisits(row(rows, 'day|P1|C2')), [0, 1]);
    assert.deepEqual(callsAndVisits(row(rows, 'day|P1|*')), [1, 2]);
    assert.deepEqual(callsAndVisits(row(rows, 'month|P1|sales-user')), [1, 2]);
    assert.deepEqual(callsAndVisits(row(rows, 'year|P1|sales-user')), [2, 2]);
    assert.deepEqual(callsAndVisits(row(rows, 'year|P1|*')), [2, 3]);
    assert.equal(row(rows, 'day|P1|*').subscriptions, 1);
  });

  it('puts Sunday 23:59 in week 48 and Monday 00:00 in week 49 (Asia/Shanghai)', async () => {
    const rows = await pullAs(server, 'manager', 'estate-weekly', '&from=2026-11-23&to=2026-11-30');
    const w48 = row(rows, '2026-W48|P1|sales-user');
    const w49 = row(rows, '2026-W49|P1|sales-user');
    assert.deepEqual(
      [w48.from, w48.to, w49.from, w49.to],
      ['2026-11-23', '2026-11-29', '2026-11-30', '2026-12-06'],
    );
    assert.deepEqual(callsAndVisits(w48), [1, 2]);
    assert.deepEqual(callsAndVisits(w49), [0, 1]);
    assert.deepEqual(callsAndVisits(row(rows, '2026-W48|P1|*')), [1, 3]);
  });

  it('gives 去化率 at each week end: 1 of 2 sold after week 48, none after the 退订 in week 49', async () => {
    const rows = await pullAs(server, 'manager', 'estate-weekly', '&from=2026-11-23&to=2026-11-30');
    const w48 = row(rows, '2026-W48|P1|*');
    const w49 = row(rows, '2026-W49|P1|*');
    assert.deepEqual([w48.subscriptions, w48.sellThroughBp, w48.cancellations], [1, 5_000, 0]);
    assert.deepEqual([w49.subscriptions, w49.sellThroughBp, w49.cancellations], [0, 0, 1]);
    assert.equal(row(rows, '2026-W48|P1|sales-user').sellThroughBp, undefined);
  });

  it('masks the customer for roles that do not need it; the consultant sees their own whole', async () => {
    // The sales user's call at 10:00 and the manager's entry for C2 at 09:30.
    const find = (rows: Awaited<ReturnType<typeof pullAs>>, consultant: string) => {
      const at = consultant === 'C2' ? '2026-11-27 09:30' : '2026-11-27 10:00';
      return rows.find((r) => r.values.consultant === consultant && r.values.at === at)?.values;
    };
    const finance = await pullAs(server, 'finance', 'estate-visits');
    assert.deepEqual(
      [find(finance, 'sales-user')?.customerName, find(finance, 'sales-user')?.customerPhone],
      ['李**', '138****5678'],
    );
    const sales = await pullAs(server, 'sales', 'estate-visits');
    assert.equal(find(sales, 'sales-user')?.customerPhone, '13812345678');
    assert.equal(find(sales, 'C2')?.customerPhone, '138****5678');
    const manager = await pullAs(server, 'manager', 'estate-visits');
    assert.equal(find(manager, 'C2')?.customerName, '李四光');
  });

  it('refuses a consultant recording for someone else, and an unknown project', async () => {
    const res = await pushAs(server, 'sales', 'estate-visits', [
      { values: visit('2026-12-01 10:00', 'call', { consultant: 'C2' }) },
      { values: visit('2026-12-01 10:00', 'call', { projectCode: 'P9' }) },
    ]);
    assert.deepEqual(
      res.body.results.map((r: { errors: { code: string }[] }) => r.errors[0]?.code),
      ['estate-not-your-row', 'estate-project-unknown'],
    );
  });

  it('lets a consultant delete only their own rows', async () => {
    const manager = await pullAs(server, 'manager', 'estate-visits');
    const c2 = manager.find((r) => r.values.consultant === 'C2');
    assert.ok(c2);
    const res = await pushAs(server, 'sales', 'estate-visits', [
      { op: 'delete', rowKey: c2.key, baseVersion: c2.version },
    ]);
    assert.equal(res.body.results[0].errors[0].code, 'estate-not-your-row');
    const own = manager.find((r) => r.values.consultant === 'sales-user');
    assert.ok(own);
    const deleted = await pushAs(server, 'sales', 'estate-visits', [
      { op: 'delete', rowKey: own.key, baseVersion: own.version },
    ]);
    assert.equal(deleted.body.results[0].status, 'applied', JSON.stringify(deleted.body));
  });

  it('gives the eight weeks up to the week of `to` when no `from` is given', async () => {
    const rows = await pullAs(server, 'manager', 'estate-weekly', '&to=2026-11-30');
    const weeks = rows.filter((r) => r.values.consultant === '*').map((r) => r.values.week);
    assert.deepEqual(
      weeks,
      [42, 43, 44, 45, 46, 47, 48, 49].map((n) => `2026-W${n}`),
    );
  });
});
