// 轮岗接待 over HTTP: the front desk starts receptions and the server names the consultant —
// fewest receptions today, then the longest idle — skipping those busy with a visitor and those
// not checked in; the queue pull shows the order and counts (docs/estate-roster.md).
import assert from 'node:assert/strict';
import { must, pullAs, pushAs, startEstateServer, type EstateServer } from './estate-helpers';

const DAY = '2026-11-27';
const at = (clock: string) => new Date(`${DAY}T${clock}:00+08:00`).toISOString();

describe('estate: 轮岗接待', () => {
  let server: EstateServer;
  before(async () => {
    server = await startEstateServer();
    await must(server, 'manager', 'estate-shifts', [
      {
        code: 'S1',
        name: '白班',
        start: '09:00',
        end: '18:00',
        lateGraceMinutes: 10,
        halfDayMinutes: 240,
        absentMinutes: 120,
        status: 'active',
      },
    ]);
    await must(
      server,
      'manager',
      'estate-shift-assignments',
      ['A', 'B', 'C', 'D'].map((consultant) => ({
        consultant,
        shiftCode: 'S1',
        fromDate: DAY,
        toDate: DAY,
      })),
    );
    // C in first, then A, then B; D came and left; E checked in without a shift.
    await must(server, 'manager', 'estate-check-ins', [
      { consultant: 'A', at: `${DAY} 08:50`, direction: 'in' },
      { consultant: 'B', at: `${DAY} 08:55`, direction: 'in' },
      { consultant: 'C', at: `${DAY} 08:45`, direction: 'in' },
      { consultant: 'D', at: `${DAY} 08:40`, direction: 'in' },
      { consultant: 'D', at: `${DAY} 09:30`, direction: 'out' },
      { consultant: 'E', at: `${DAY} 08:30`, direction: 'in' },
    ]);
  });
  after(() => server.close());

  const start = async (clock: string, rowKey: string) => {
    server.setNow(at(clock));
    const res = await pushAs(server, 'sales', 'estate-receptions', [
      { rowKey, values: { projectCode: 'P1', customerName: `客户${rowKey}` } },
    ]);
    return res.body.results[0] as {
      status: string;
      serverValues?: { consultant: string };
      errors: { code: string }[];
    };
  };
  const end = async (clock: string, rowKey: string) => {
    server.setNow(at(clock));
    const res = await pushAs(server, 'sales', 'estate-receptions', [
      { rowKey, baseVersion: 1, values: { projectCode: 'P1', ended: true } },
    ]);
    return res.body.results[0] as { status: string; errors: { code: string }[] };
  };
  const queue = async () => {
    const rows = await pullAs(server, 'manager', 'estate-reception-queue', `&to=${DAY}`);
    return Object.fromEntries(rows.map((r) => [r.key, r.values]));
  };

  it('rotates fairly, skips the busy and the checked-out, and refuses when nobody is free', async () => {
    const before = await queue();
    assert.deepEqual(
      ['A', 'B', 'C', 'D'].map((c) => before[c]?.position),
      [2, 3, 1, 0],
      'longest idle (earliest check-in) first; D checked out',
    );
    assert.equal(before.E, undefined, 'E has no shift today');
    assert.equal((await start('10:00', 'r1')).serverValues?.consultant, 'C');
    assert.equal((await start('10:05', 'r2')).serverValues?.consultant, 'A');
    assert.equal((await end('10:10', 'r2')).status, 'applied');
    // A has one reception now, B none: B is next although A has been free since 10:10.
    assert.equal((await start('10:15', 'r3')).serverValues?.consultant, 'B');
    assert.equal((await start('10:20', 'r4')).serverValues?.consultant, 'A');
    const busy = await queue();
    assert.deepEqual(
      ['A', 'B', 'C'].map((c) => [busy[c]?.busy, busy[c]?.position]),
      [
        [true, 0],
        [true, 0],
        [true, 0],
      ],
    );
    const nobody = await start('10:25', 'r5');
    assert.deepEqual(
      [nobody.status, nobody.errors[0]?.code],
      ['rejected', 'estate-reception-nobody'],
    );
  });

  it('after the visitors leave: fewest receptions first, then the longest idle', async () => {
    await end('10:30', 'r1'); // C: 1 reception, free since 10:30
    await end('10:40', 'r3'); // B: 1 reception, free since 10:40
    await end('10:45', 'r4'); // A: 2 receptions
    server.setNow(at('10:50'));
    const board = await queue();
    assert.deepEqual(
      ['A', 'B', 'C'].map((c) => [board[c]?.receptions, board[c]?.position, board[c]?.idleSince]),
      [
        [2, 3, `${DAY} 10:45`],
        [1, 2, `${DAY} 10:40`],
        [1, 1, `${DAY} 10:30`],
      ],
    );
    assert.equal((await start('10:50', 'r6')).serverValues?.consultant, 'C');
  });

  it('keeps an ended reception as it was', async () => {
    const again = await pushAs(server, 'sales', 'estate-receptions', [
      { rowKey: 'r2', baseVersion: 2, values: { projectCode: 'P1', customerName: '改名' } },
    ]);
    assert.equal(again.body.results[0].errors[0].code, 'estate-reception-ended');
    const rows = await pullAs(server, 'analyst', 'estate-receptions');
    const r2 = rows.find((r) => r.key === 'r2')?.values;
    assert.deepEqual(
      [r2?.consultant, r2?.startedAt, r2?.endedAt, r2?.ended],
      ['A', `${DAY} 10:05`, `${DAY} 10:10`, true],
    );
  });

  it('frees the consultant when a reception typed by mistake is deleted', async () => {
    // r6 (C, open since 10:50) is withdrawn; C is free again and still has one reception today.
    server.setNow(at('10:55'));
    const res = await pushAs(server, 'sales', 'estate-receptions', [
      { op: 'delete', rowKey: 'r6', baseVersion: 1 },
    ]);
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body));
    const board = await queue();
    assert.deepEqual([board.C?.busy, board.C?.receptions, board.C?.position], [false, 1, 1]);
  });

  it('gives two visitors arriving at once two different consultants', async () => {
    // The queue is C, B, A. Two desks push at the same instant: one consultant each (on
    // PostgreSQL the loser of the race meets est_receptions_one_open and runs again).
    server.setNow(at('11:00'));
    const push = (rowKey: string) =>
      pushAs(server, 'sales', 'estate-receptions', [{ rowKey, values: { projectCode: 'P1' } }]);
    const [first, second] = await Promise.all([push('r7'), push('r8')]);
    const names = [first, second].map((res) => res.body.results[0].serverValues?.consultant);
    assert.deepEqual([...names].sort(), ['B', 'C']);
  });
});
