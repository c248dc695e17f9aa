// Demo data of the sales office's front line (docs/estate-roster.md): two shifts, six
// consultants (demo-sales and five more) assigned for the month, a month of check-ins and
// check-outs (now and then late, early or away), a month of calls and visits, and this
// morning's receptions, so every roster pull shows something.
import type { RowResult } from '../../shared/protocol';
import { addDays, atHour } from './calendar';
import type { Pusher } from './pusher';
import type { Random } from './random';

export interface RosterCounts {
  checkIns: number;
  visits: number;
  receptions: number;
}

export const demoConsultants = ['demo-sales', 'GW02', 'GW03', 'GW04', 'GW05', 'GW06'];
const early = { code: 'ZB', name: '早班', start: '09:00', end: '17:30', lateGraceMinutes: 10 };
const late = { code: 'WB', name: '晚班', start: '11:00', end: '20:00', lateGraceMinutes: 10 };
const shifts = [early, late];
/** Every other consultant works the late shift. */
const shiftOf = (i: number) => (i % 2 === 0 ? early : late);
const appliedIn = (results: readonly RowResult[]) =>
  results.filter((r) => r.status === 'applied').length;
const channels = ['自然来访', '网络推广', '老带新', '中介渠道', '户外广告'];
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function punchesOf(day: string, shift: typeof early, random: Random) {
  if (random.chance(0.05)) return [];
  const start = Number(shift.start.slice(0, 2)) * 60 + Number(shift.start.slice(3));
  const end = Number(shift.end.slice(0, 2)) * 60 + Number(shift.end.slice(3));
  const inAt = start - 15 + random.int(0, 30);
  const outAt = random.chance(0.1) ? start + random.int(100, 300) : end + random.int(-5, 40);
  return [
    { at: `${day} ${clock(inAt)}`, direction: 'in' },
    { at: `${day} ${clock(outAt)}`, direction: 'out' },
  ];
}

export async function seedEstateRoster(input: {
  manager: Pusher;
  random: Random;
  today: string;
}): Promise<RosterCounts> {
  const { manager, random, today } = input;
  const start = addDays(today, -30);
  const opening = atHour(start, 8);
  const counts: RosterCounts = { checkIns: 0, visits: 0, receptions: 0 };
  await manager.push(
    'estate-shifts',
    shifts.map((s) => ({
      rowKey: `demo-shift-${s.code}`,
      values: { ...s, halfDayMinutes: 240, absentMinutes: 120, status: 'active' },
    })),
    opening,
  );
  await manager.push(
    'estate-shift-assignments',
    demoConsultants.map((consultant, i) => ({
      rowKey: `demo-roster-${consultant}`,
      values: {
        consultant,
        shiftCode: shiftOf(i).code,
        fromDate: start,
        toDate: addDays(today, 30),
      },
    })),
    opening,
  );
  for (let d = 0; d <= 30; d += 1) {
    const day = addDays(start, d);
    const punches = demoConsultants.flatMap((consultant, i) =>
      punchesOf(day, shiftOf(i), random).map((p) => ({
        rowKey: manager.newKey(),
        values: { consultant, ...p },
      })),
    );
    const isToday = day === today;
    const visible = isToday ? punches.filter((p) => p.values.direction === 'in') : punches;
    const pushed = await manager.push('estate-check-ins', visible, atHour(day, isToday ? 9 : 21));
    counts.checkIns += appliedIn(pushed);
    const visits = Array.from({ length: random.int(2, 8) }, () => ({
      rowKey: manager.newKey(),
      values: {
        at: `${day} ${clock(random.int(9 * 60, 19 * 60))}`,
        projectCode: 'P1',
        consultant: random.pick(demoConsultants),
        kind: random.chance(0.45) ? 'call' : 'visit',
        customerName: `客户${pad(random.int(1, 99))}`,
        customerPhone: `139${random.int(10_000_000, 99_999_999)}`,
        channel: random.pick(channels),
      },
    }));
    counts.visits += appliedIn(await manager.push('estate-visits', visits, atHour(day, 21)));
  }
  for (const [i, hour] of [10, 11, 12].entries()) {
    const rowKey = `demo-reception-${i + 1}`;
    const values = { projectCode: 'P1', customerName: `到访客户${i + 1}` };
    const [started] = await manager.push(
      'estate-receptions',
      [{ rowKey, values }],
      atHour(today, hour),
    );
    if (started?.status !== 'applied') continue;
    counts.receptions += 1;
    if (i < 2)
      await manager.push(
        'estate-receptions',
        [{ rowKey, baseVersion: 1, values: { ...values, ended: true } }],
        new Date(atHour(today, hour).getTime() + 40 * 60_000),
      );
  }
  return counts;
}
