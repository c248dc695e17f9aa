// Complaints (客诉) over HTTP with worked numbers: due times per priority from the service levels
// (defaults, then a manager's), the Failed edge (on time at the due instant, Failed a minute
// later), the overdue list's hours, who may do what, a region-limited sales user's view, and
// the engine's duplicate guards. Times are typed as Shanghai wall-clock times.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { seedDemo } from '../../server/demo/seed';
import { push, seedSalesData, signInAs, type Row } from '../support/fixtures';
import { PASSWORD, serverPerTest, startTestServer } from '../support/server';

/** The server's clock, set per test as a Shanghai time. */
let clock = new Date('2026-11-20T06:30:00Z');
const at = (shanghai: string) => new Date(`${shanghai.replace(' ', 'T')}:00+08:00`);

const complaint = (values: Record<string, unknown>) => ({
  openedAt: '2026-11-20 14:30',
  priority: 'urgent',
  dealerCode: 'D-SH01',
  skuCode: 'TEE-BLK-M',
  batchCode: 'B2611',
  description: '领口开线',
  ...values,
});

describe('complaints', () => {
  beforeEach(() => {
    clock = at('2026-11-20 14:30');
  });
  const server = serverPerTest({ now: () => clock, prepare: seedSalesData });

  const log = async (rows: Row[], role: Role = 'sales', token?: string) => {
    const res = await push(server, {
      dataset: 'complaints',
      rows,
      role,
      ...(token ? { token } : {}),
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.results as {
      status: string;
      id: string;
      version: number;
      errors: { code: string; message: string }[];
    }[];
  };
  const logOne = async (values: Record<string, unknown>) =>
    (await log([{ values: complaint(values) }]))[0]!;
  const pull = async (dataset: string, role: Role = 'manager', token?: string) => {
    const res = token
      ? await fetch(`${server.url}/api/v1/sync/pull?dataset=${dataset}`, {
          headers: { authorization: `Bearer ${token}` },
        }).then(async (r) => ({ status: r.status, body: await r.json() }))
      : await server.call(role, `/api/v1/sync/pull?dataset=${dataset}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const rows = (res.body as { rows: { values: Record<string, unknown> }[] }).rows;
    return new Map(rows.map((r) => [r.values.id as string, r.values]));
  };
  const statusOf = async (id: string) => {
    const v = (await pull('complaints')).get(id)!;
    return [v.status, v.missed];
  };

  it('sets due times from each priority’s default service level, and from a manager’s', async () => {
    const ids: string[] = [];
    for (const priority of ['urgent', 'high', 'normal', 'low'])
      ids.push((await logOne({ priority })).id);
    const due = async (id: string) => {
      const v = (await pull('complaints')).get(id)!;
      return [v.firstResponseDueAt, v.resolutionDueAt];
    };
    // Opened 2026-11-20 14:30: urgent 2 h / 24 h, high 4 h / 48 h, normal 24 h / 120 h, low 48 h / 240 h.
    assert.deepEqual(await due(ids[0]!), ['2026-11-20 16:30', '2026-11-21 14:30']);
    assert.deepEqual(await due(ids[1]!), ['2026-11-20 18:30', '2026-11-22 14:30']);
    assert.deepEqual(await due(ids[2]!), ['2026-11-21 14:30', '2026-11-25 14:30']);
    assert.deepEqual(await due(ids[3]!), ['2026-11-22 14:30', '2026-11-30 14:30']);
    const sla = await push(server, {
      dataset: 'complaint-slas',
      rows: [{ values: { priority: 'urgent', firstResponseHours: 1, resolutionHours: 8 } }],
    });
    assert.equal(sla.body.results[0].status, 'applied');
    // A complaint logged now gets 1 h / 8 h; one logged before keeps the due times it was given.
    const later = await logOne({ openedAt: '2026-11-20 23:15' });
    assert.deepEqual(await due(later.id), ['2026-11-21 00:15', '2026-11-21 07:15']);
    assert.deepEqual(await due(ids[0]!), ['2026-11-20 16:30', '2026-11-21 14:30']);
    // Stored in UTC: 14:30 in Shanghai is 06:30Z.
    const row = await server.store.db
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', ids[0]!)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.opened_at, row.first_response_due],
      ['2026-11-20T06:30:00.000Z', '2026-11-20T08:30:00.000Z'],
    );
  });

  it('refuses a service level whose resolution is shorter than its first response', async () => {
    const res = await push(server, {
      dataset: 'complaint-slas',
      rows: [{ values: { priority: 'low', firstResponseHours: 10, resolutionHours: 5 } }],
    });
    const [result] = res.body.results as { status: string; errors: { message: string }[] }[];
    assert.deepEqual(
      [result?.status, result?.errors[0]?.message],
      ['rejected', '解决时限不能短于首次响应时限。'],
    );
  });

  it('is on time at the due instant and Failed one minute after', async () => {
    // Urgent, opened 14:30: first response due 16:30, resolution due 2026-11-21 14:30.
    const onTime = await logOne({ firstResponseAt: '2026-11-20 16:30' });
    const late = await logOne({ firstResponseAt: '2026-11-20 16:31' });
    const open = await logOne({});
    clock = at('2026-11-20 16:30');
    assert.deepEqual(await statusOf(onTime.id), ['resolution-due', undefined]);
    assert.deepEqual(await statusOf(late.id), ['failed', 'first-response']);
    assert.deepEqual(await statusOf(open.id), ['first-response-due', undefined]);
    clock = at('2026-11-20 16:31');
    assert.deepEqual(await statusOf(open.id), ['failed', 'first-response']);
    const resolved = (minute: string) =>
      logOne({
        firstResponseAt: '2026-11-20 15:00',
        resolvedAt: `2026-11-21 14:${minute}`,
        rootCause: 'quality',
        fix: '换货并返厂检验',
      });
    const fulfilled = await resolved('30');
    const failed = await resolved('31');
    assert.deepEqual(await statusOf(fulfilled.id), ['fulfilled', undefined]);
    assert.deepEqual(await statusOf(failed.id), ['failed', 'resolution']);
  });

  it('lists open complaints past a due time with the whole hours overdue', async () => {
    const a = await logOne({}); // urgent, no response: due 11-20 16:30
    const b = await logOne({ priority: 'high', firstResponseAt: '2026-11-20 15:00' }); // due 11-22 14:30
    const c = await logOne({ priority: 'normal' }); // first response due 11-21 14:30
    const d = await logOne({ openedAt: '2026-11-20 10:00', firstResponseAt: '2026-11-20 10:30' }); // resolution due 11-21 10:00
    const e = await logOne({ resolvedAt: '2026-11-20 15:00', rootCause: 'usage', fix: '指导洗涤' });
    clock = at('2026-11-21 20:00');
    const overdue = await pull('complaints-overdue', 'analyst');
    const seen = [...overdue.values()].map((v) => [v.id, v.missed, v.dueAt, v.hoursOverdue]);
    assert.deepEqual(
      seen.sort(),
      [
        [a.id, 'first-response', '2026-11-20 16:30', 27], // 27 h 30 min
        [c.id, 'first-response', '2026-11-21 14:30', 5], // 5 h 30 min
        [d.id, 'resolution', '2026-11-21 10:00', 10],
      ].sort(),
    );
    assert.equal(overdue.has(b.id) || overdue.has(e.id), false);
    assert.equal(overdue.get(a.id)!.asOf, '2026-11-21 20:00');
  });

  it('lets sales log, managers set service levels and analysts only read', async () => {
    const refused = async (role: Role, dataset: string, values: Record<string, unknown>) =>
      (await push(server, { dataset, role, rows: [{ values }] })).status;
    assert.equal(await refused('analyst', 'complaints', complaint({})), 403);
    assert.equal(await refused('warehouse', 'complaints', complaint({})), 403);
    const sla = { priority: 'low', firstResponseHours: 8, resolutionHours: 80 };
    assert.equal(await refused('sales', 'complaint-slas', sla), 403);
    assert.equal(await refused('analyst', 'complaint-slas', sla), 403);
    assert.equal((await logOne({})).status, 'applied');
    const finance = await server.call('finance', '/api/v1/sync/pull?dataset=complaints');
    assert.equal(finance.status, 403);
    assert.equal((await pull('complaints', 'analyst')).size, 1);
  });

  it('keeps a region-limited sales user to their regions, pushing and pulling', async () => {
    const sh = await logOne({}); // D-SH01, region SH
    const consumer = await logOne({
      dealerCode: undefined,
      consumerName: '王女士',
      consumerPhone: '13800000000',
      regionCode: 'HN',
    });
    const token = await signInAs(server, { username: 'sales-hn', role: 'sales', regions: ['HN'] });
    const results = await log(
      [
        { values: complaint({ dealerCode: 'D-HN01' }) },
        { values: complaint({}) },
        { values: complaint({ dealerCode: undefined, consumerName: '李先生', regionCode: 'SH' }) },
      ],
      'sales',
      token,
    );
    assert.deepEqual(
      results.map((r) => [r.status, r.errors[0]?.code]),
      [
        ['applied', undefined],
        ['rejected', 'region-not-allowed'],
        ['rejected', 'region-not-allowed'],
      ],
    );
    const seen = await pull('complaints', 'sales', token);
    assert.deepEqual([...seen.keys()].sort(), [consumer.id, results[0]!.id].sort());
    clock = at('2026-11-21 20:00');
    // Tokens last 12 hours: sign in again on the later day.
    const login = await server.call(null, '/api/v1/auth/login', {
      body: { username: 'sales-hn', password: PASSWORD },
    });
    const overdue = await pull(
      'complaints-overdue',
      'sales',
      (login.body as { token: string }).token,
    );
    assert.deepEqual([...overdue.keys()].sort(), [consumer.id, results[0]!.id].sort());
    // A user limited to 华东 sees 上海 below it.
    const hd = await signInAs(server, { username: 'sales-hd', role: 'sales', regions: ['HD'] });
    assert.deepEqual([...(await pull('complaints', 'sales', hd)).keys()], [sh.id]);
  });

  it('refuses a complaint naming no one, or resolved without cause and fix', async () => {
    const results = await log([
      { values: complaint({ dealerCode: undefined }) },
      { values: complaint({ dealerCode: undefined, consumerName: '张先生' }) },
      { values: complaint({ resolvedAt: '2026-11-21 09:00', rootCause: 'quality' }) },
      { values: complaint({ firstResponseAt: '2026-11-20 14:00' }) },
    ]);
    assert.deepEqual(
      results.map((r) => r.errors.map((e) => e.message)),
      [
        ['请填写经销商编码或消费者姓名。'],
        ['消费者投诉（无经销商）须填写区域。'],
        ['已解决的客诉须填写“处理措施”。'],
        ['“首次响应时间”早于受理时间 2026-11-20 14:30。'],
      ],
    );
  });

  it('stores a complaint once however often it is sent (the engine’s duplicate guards)', async () => {
    const rowKey = randomUUID();
    const request = {
      dataset: 'complaints',
      role: 'sales' as const,
      key: randomUUID(),
      rows: [{ rowKey, mutationId: randomUUID(), values: complaint({}) }],
    };
    const first = await push(server, request);
    const replay = await push(server, request);
    assert.deepEqual(replay.body, first.body);
    // The same row again under a new request, answered: an update of the same complaint.
    const answered = complaint({ firstResponseAt: '2026-11-20 15:10' });
    const again = await push(server, {
      ...request,
      key: randomUUID(),
      rows: [{ rowKey, baseVersion: 1, values: answered }],
    });
    assert.deepEqual(
      [again.body.results[0].status, again.body.results[0].id, again.body.results[0].version],
      ['applied', first.body.results[0].id, 2],
    );
    const stored = await server.store.db.selectFrom('complaints').select('id').execute();
    assert.equal(stored.length, 1);
  });
});

describe('complaints in the demo', function () {
  this.timeout(120_000);
  it('shows every status and one overdue complaint', async () => {
    const now = new Date('2026-11-27T12:00:00Z'); // 20:00 in Shanghai
    const server = await startTestServer({ now: () => now });
    try {
      const counts = await seedDemo(server.store, { seed: 3, today: '2026-11-27', scale: 0.05 });
      assert.equal(counts.rejected, 0);
      const pulled = async (dataset: string) => {
        const res = await server.call('manager', `/api/v1/sync/pull?dataset=${dataset}`);
        return (res.body as { rows: { values: Record<string, unknown> }[] }).rows.map(
          (r) => r.values,
        );
      };
      const statuses = (await pulled('complaints')).map((v) => v.status).sort();
      assert.deepEqual(statuses, [
        'failed',
        'failed',
        'first-response-due',
        'fulfilled',
        'resolution-due',
      ]);
      // The consumer's urgent complaint opened 11-24 16:00: first response due 18:00, 74 h ago.
      const overdue = (await pulled('complaints-overdue')).map((v) => [
        v.consumerName,
        v.dueAt,
        v.hoursOverdue,
      ]);
      assert.deepEqual(overdue, [['王女士', '2026-11-24 18:00', 74]]);
    } finally {
      await server.close();
    }
  });
});
