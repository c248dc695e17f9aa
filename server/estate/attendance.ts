// 考勤日报: one row per consultant and day of their shift assignments, from the check-ins and
// check-outs of that day (Asia/Shanghai) against the shift (shared/estate/attendance.ts). The
// range is the filter's `from`–`to` (default: the month to date), never past today: a day that
// has not come yet has no attendance. See docs/estate-roster.md, "Attendance".
import { addDays, attendanceOf, type Punch, type ShiftRule } from '../../shared/estate/attendance';
import { estateAttendanceDataset } from '../../shared/estate/roster-datasets';
import { utcToShanghai } from '../../shared/local-time';
import { pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { shanghaiDate } from '../sync/changes';
import type { Db } from '../store/db';
import { defineHandler, type PullRequest } from '../sync/handler';
import { liveCodes } from './roster-sync';
import { roster } from './roster-tables';

/** The longest range one pull computes, in days (a year and a day). */
const MAX_DAYS = 366;

function attendanceRange(request: PullRequest): { from: string; to: string } {
  const today = shanghaiDate(request.now);
  const asked = request.filter.to ?? today;
  const to = asked < today ? asked : today;
  const from = request.filter.from ?? `${to.slice(0, 7)}-01`;
  const earliest = addDays(to, -MAX_DAYS + 1);
  return { from: from > earliest ? from : earliest, to };
}

/** Every live shift as the rule attendance needs. */
async function shiftRules(db: Db): Promise<Map<string, ShiftRule>> {
  const shifts = await liveCodes(db, 'estate-shifts');
  return new Map(
    [...shifts].map(([code, v]) => [
      code,
      {
        start: String(v.start),
        end: String(v.end),
        lateGraceMinutes: Number(v.lateGraceMinutes),
        halfDayMinutes: Number(v.halfDayMinutes),
        absentMinutes: Number(v.absentMinutes),
      },
    ]),
  );
}

/** Live assignments that meet [from, to]. */
export async function assignmentsBetween(db: Db, from: string, to: string) {
  return roster(db)
    .selectFrom('est_assignments')
    .select(['consultant', 'shift_code', 'from_date', 'to_date'])
    .where('deleted', '=', 0)
    .where('from_date', '<=', to)
    .where('to_date', '>=', from)
    .execute();
}

/** Live punches dated from `from` to `to`, by 'date|consultant', as Shanghai wall clock. */
async function punchesBetween(db: Db, from: string, to: string) {
  const rows = await roster(db)
    .selectFrom('est_check_ins')
    .select(['consultant', 'at', 'punch_date', 'direction'])
    .where('deleted', '=', 0)
    .where('punch_date', '>=', from)
    .where('punch_date', '<=', to)
    .execute();
  const byDay = new Map<string, Punch[]>();
  for (const row of rows) {
    const key = `${row.punch_date}|${row.consultant}`;
    const list = byDay.get(key) ?? [];
    list.push({ at: utcToShanghai(row.at), direction: row.direction });
    byDay.set(key, list);
  }
  return byDay;
}

export async function attendance(request: PullRequest): Promise<DerivedRow[]> {
  const { from, to } = attendanceRange(request);
  const [shifts, assignments, punches] = await Promise.all([
    shiftRules(request.db),
    assignmentsBetween(request.db, from, to),
    punchesBetween(request.db, from, to),
  ]);
  const rows: DerivedRow[] = [];
  for (const a of assignments) {
    const shift = shifts.get(a.shift_code);
    if (!shift) continue;
    const last = a.to_date < to ? a.to_date : to;
    for (
      let date = a.from_date > from ? a.from_date : from;
      date <= last;
      date = addDays(date, 1)
    ) {
      const key = `${date}|${a.consultant}`;
      const day = attendanceOf(shift, punches.get(key) ?? []);
      rows.push({
        key,
        values: {
          date,
          consultant: a.consultant,
          shiftCode: a.shift_code,
          ...(day.firstIn ? { firstIn: day.firstIn } : {}),
          ...(day.lastOut ? { lastOut: day.lastOut } : {}),
          workedMinutes: day.workedMinutes,
          lateMinutes: day.lateMinutes,
          earlyExitMinutes: day.earlyExitMinutes,
          status: day.status,
        },
      });
    }
  }
  return rows.sort((a, b) => a.key.localeCompare(b.key));
}

export function attendanceHandler() {
  return defineHandler(estateAttendanceDataset, {
    pull: async (request) => pageSnapshot(await attendance(request), request),
  });
}
