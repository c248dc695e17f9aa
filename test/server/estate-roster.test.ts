// 排班 and 考勤 over HTTP: assignments that overlap are refused naming the one in the way, and
// attendance at each edge of the shift's thresholds (docs/estate-roster.md).
import assert from 'node:assert/strict';
import { upload, workbook } from '../fixtures/xlsx/workbooks';
import { must, pullAs, pushAs, startEstateServer, type EstateServer } from './estate-helpers';

/** 09:00–18:00, 10 minutes' grace; under 4 h is a half day, under 2 h absent. */
const dayShift = {
  code: 'S1',
  name: '白班',
  start: '09:00',
  end: '18:00',
  lateGraceMinutes: 10,
  halfDayMinutes: 240,
  absentMinutes: 120,
  status: 'active',
};
const DAY = '2026-11-23';

/** Each consultant's punches on DAY: [in, out] wall-clock times (null: none). */
const punches: Record<string, [string | null, string | null]> = {
  ONTIME: ['09:10', '18:00'], // grace exactly: not late
  LATE1: ['09:11', '17:59'], // grace + 1: 1 minute late, 1 minute early
  HALF: ['09:00', '13:00'], // 240 minutes: exactly the half-day threshold → present
  HALFLESS: ['09:00', '12:59'], // 239 minutes → half day
  ABSENTAT: ['09:00', '11:00'], // 120 minutes: exactly the absent threshold → half day
  ABSENTLESS: ['09:00', '10:59'], // 119 minutes → absent
  NOOUT: ['09:00', null], // no check-out: 0 minutes → absent
  NOSHOW: [null, null],
};

describe('estate: 排班 and 考勤', () => {
  let server: EstateServer;
  before(async () => {
    server = await startEstateServer();
    await must(server, 'manager', 'estate-shifts', [dayShift]);
    await must(
      server,
      'manager',
      'estate-shift-assignments',
      Object.keys(punches).map((consultant) => ({
        consultant,
        shiftCode: 'S1',
        fromDate: DAY,
        toDate: '2026-11-29',
      })),
      Object.keys(punches).map((consultant) => `as-${consultant}`),
    );
    const rows = Object.entries(punches).flatMap(([consultant, [inAt, outAt]]) => [
      ...(inAt ? [{ consultant, at: `${DAY} ${inAt}`, direction: 'in' }] : []),
      ...(outAt ? [{ consultant, at: `${DAY} ${outAt}`, direction: 'out' }] : []),
    ]);
    await must(server, 'manager', 'estate-check-ins', rows);
  });
  after(() => server.close());

  const day = async (consultant: string) => {
    const rows = await pullAs(server, 'manager', 'estate-attendance', `&from=${DAY}&to=${DAY}`);
    const row = rows.find((r) => r.key === `${DAY}|${consultant}`)?.values;
    assert.ok(row, `no attendance row for ${consultant}`);
    return row;
  };

  it('is not late at the grace exactly, 1 minute late at grace + 1', async () => {
    const onTime = await day('ONTIME');
    const late = await day('LATE1');
    assert.deepEqual(
      [onTime.lateMinutes, onTime.earlyExitMinutes, onTime.workedMinutes, onTime.status],
      [0, 0, 530, 'present'],
    );
    assert.deepEqual(
      [late.lateMinutes, late.earlyExitMinutes, late.workedMinutes, late.status],
      [1, 1, 528, 'present'],
    );
    assert.equal(late.firstIn, `${DAY} 09:11`);
  });

  it('is present at exactly the half-day threshold and a half day one minute below', async () => {
    const at = await day('HALF');
    const below = await day('HALFLESS');
    assert.deepEqual([at.workedMinutes, at.status, at.earlyExitMinutes], [240, 'present', 300]);
    assert.deepEqual([below.workedMinutes, below.status], [239, 'half-day']);
  });

  it('is a half day at exactly the absent threshold and absent one minute below', async () => {
    const at = await day('ABSENTAT');
    const below = await day('ABSENTLESS');
    assert.deepEqual([at.workedMinutes, at.status], [120, 'half-day']);
    assert.deepEqual([below.workedMinutes, below.status], [119, 'absent']);
  });

  it('counts a day without a check-out, or without any punch, as absent', async () => {
    const noOut = await day('NOOUT');
    const noShow = await day('NOSHOW');
    assert.deepEqual([noOut.workedMinutes, noOut.status, noOut.lastOut], [0, 'absent', undefined]);
    assert.deepEqual(
      [noShow.workedMinutes, noShow.status, noShow.firstIn],
      [0, 'absent', undefined],
    );
  });

  it('has one row per assigned day up to today, none after', async () => {
    // The clock is 2026-11-27 10:00 in Shanghai: 23rd–27th, five days × eight consultants.
    const rows = await pullAs(server, 'manager', 'estate-attendance', `&from=${DAY}&to=2026-11-30`);
    const dates = [...new Set(rows.map((r) => r.values.date as string))].sort();
    assert.deepEqual(dates, ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']);
    assert.equal(rows.length, 5 * 8);
  });

  it('refuses an assignment that overlaps another, naming it; the next day is fine', async () => {
    const overlapping = {
      consultant: 'ONTIME',
      shiftCode: 'S1',
      fromDate: '2026-11-29',
      toDate: '2026-12-05',
    };
    const res = await pushAs(
      server,
      'manager',
      'estate-shift-assignments',
      [{ values: overlapping }],
      {
        locale: 'en-US',
      },
    );
    const result = res.body.results[0];
    assert.equal(result.status, 'rejected', JSON.stringify(res.body));
    assert.equal(result.errors[0].code, 'estate-assignment-overlap');
    assert.match(
      result.errors[0].message,
      /ONTIME is already assigned S1 from 2026-11-23 to 2026-11-29/,
    );
    assert.equal(result.serverValues.overlapsRowKey, 'as-ONTIME');
    await must(server, 'manager', 'estate-shift-assignments', [
      { ...overlapping, fromDate: '2026-11-30' },
    ]);
  });

  it('lets an assignment change its own dates, refuses an end before the start and an unknown shift', async () => {
    const own = { consultant: 'NOSHOW', shiftCode: 'S1', fromDate: DAY, toDate: '2026-11-30' };
    const moved = await pushAs(server, 'manager', 'estate-shift-assignments', [
      { rowKey: 'as-NOSHOW', baseVersion: 1, values: own },
    ]);
    assert.equal(moved.body.results[0].status, 'applied', JSON.stringify(moved.body));
    const bad = await pushAs(server, 'manager', 'estate-shift-assignments', [
      { values: { ...own, consultant: 'X', fromDate: '2026-12-02', toDate: '2026-12-01' } },
      { values: { ...own, consultant: 'Y', shiftCode: 'NIGHT' } },
    ]);
    assert.deepEqual(
      bad.body.results.map((r: { errors: { code: string }[] }) => r.errors[0]?.code),
      ['estate-date-range', 'estate-shift-unknown'],
    );
  });

  it('lets a consultant check in for themselves only', async () => {
    const own = await pushAs(server, 'sales', 'estate-check-ins', [
      { values: { at: '2026-11-27 08:55', direction: 'in' } },
    ]);
    assert.equal(own.body.results[0].status, 'applied', JSON.stringify(own.body));
    const other = await pushAs(server, 'sales', 'estate-check-ins', [
      { values: { consultant: 'ONTIME', at: '2026-11-27 08:55', direction: 'in' } },
    ]);
    assert.equal(other.body.results[0].errors[0].code, 'estate-not-your-row');
    const rows = await pullAs(server, 'analyst', 'estate-check-ins');
    assert.ok(
      rows.some((r) => r.values.consultant === 'sales-user' && r.values.at === '2026-11-27 08:55'),
    );
  });

  it('refuses a shift time that is not HH:mm', async () => {
    const res = await pushAs(server, 'manager', 'estate-shifts', [
      { values: { ...dayShift, code: 'S2', start: '9:00' } },
      { values: { ...dayShift, code: 'S3', end: '24:00' } },
    ]);
    assert.deepEqual(
      res.body.results.map((r: { errors: { field: string; code: string }[] }) => [
        r.errors[0]?.field,
        r.errors[0]?.code,
      ]),
      [
        ['start', 'invalid-value'],
        ['end', 'invalid-value'],
      ],
    );
  });

  it("imports the time clock's sheet (签到/签退 in Chinese) and counts it", async () => {
    const bytes = workbook([
      ['考勤机导出'],
      ['顾问', '打卡时间', '类型'],
      ['ONTIME', '2026-11-24 09:05', '签到'],
      ['ONTIME', '2026-11-24 18:02', '签退'],
    ]);
    const res = await upload(server, { role: 'manager', dataset: 'estate-check-ins', bytes });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.results.map((r: { status: string }) => r.status),
      ['applied', 'applied'],
    );
    const rows = await pullAs(
      server,
      'manager',
      'estate-attendance',
      '&from=2026-11-24&to=2026-11-24',
    );
    const day = rows.find((r) => r.key === '2026-11-24|ONTIME')?.values;
    assert.deepEqual([day?.workedMinutes, day?.lateMinutes, day?.status], [537, 0, 'present']);
  });
});
