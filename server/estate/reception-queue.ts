// 轮岗接待: who may receive the next visitor. On duty = assigned a shift today and checked in
// (the latest punch so far is a check-in); busy = an open reception. The free ones queue by the
// fair order of shared/estate/attendance.ts (fewest receptions today, then longest idle).
// The front desk's push takes the head of this queue; the pull shows it (docs/estate-roster.md).
import { queueOrder, type Candidate } from '../../shared/estate/attendance';
import { estateReceptionQueueDataset } from '../../shared/estate/roster-datasets';
import { utcToShanghai } from '../../shared/local-time';
import { pageSnapshot } from '../analysis/snapshot';
import { shanghaiDate } from '../sync/changes';
import type { Db } from '../store/db';
import { defineHandler } from '../sync/handler';
import { assignmentsBetween } from './attendance';
import { roster } from './roster-tables';

interface DutyLine extends Candidate {
  shiftCode: string;
  onDuty: boolean;
  /** 1 = next up; 0 = not in the queue (off duty or busy). */
  position: number;
}

/** The duty board of `date` as of `now` (a past date: as the day ended). */
export async function dutyBoard(db: Db, date: string, now: Date): Promise<DutyLine[]> {
  const nowIso = now.toISOString();
  const [assignments, punches, receptions, open] = await Promise.all([
    assignmentsBetween(db, date, date),
    roster(db)
      .selectFrom('est_check_ins')
      .select(['consultant', 'at', 'direction'])
      .where('deleted', '=', 0)
      .where('punch_date', '=', date)
      .where('at', '<=', nowIso)
      .orderBy('at')
      .execute(),
    roster(db)
      .selectFrom('est_receptions')
      .select(['consultant', 'ended_at'])
      .where('deleted', '=', 0)
      .where('reception_date', '=', date)
      .execute(),
    roster(db)
      .selectFrom('est_receptions')
      .select('consultant')
      .where('deleted', '=', 0)
      .where('open', '=', 1)
      .execute(),
  ]);
  const busy = new Set(open.map((r) => r.consultant));
  const lines = assignments.map((a) => {
    const own = punches.filter((p) => p.consultant === a.consultant);
    const latest = own[own.length - 1];
    const lastIn = own.filter((p) => p.direction === 'in').pop()?.at;
    const done = receptions.filter((r) => r.consultant === a.consultant);
    const lastEnd = done
      .map((r) => r.ended_at ?? '')
      .sort()
      .pop();
    const idle = [lastEnd, lastIn].filter((t): t is string => !!t).sort();
    return {
      consultant: a.consultant,
      shiftCode: a.shift_code,
      onDuty: latest?.direction === 'in',
      busy: busy.has(a.consultant),
      receptionsToday: done.length,
      idleSince: idle[idle.length - 1] ?? '',
      position: 0,
    };
  });
  const order = queueOrder(lines.filter((l) => l.onDuty));
  order.forEach((c, i) => {
    const line = lines.find((l) => l.consultant === c.consultant);
    if (line) line.position = i + 1;
  });
  return lines;
}

export function receptionQueueHandler() {
  return defineHandler(estateReceptionQueueDataset, {
    pull: async (request) => {
      const date = request.filter.to ?? shanghaiDate(request.now);
      const board = await dutyBoard(request.db, date, request.now);
      const rows = board.map((line) => ({
        key: line.consultant,
        values: {
          date,
          consultant: line.consultant,
          shiftCode: line.shiftCode,
          onDuty: line.onDuty,
          busy: line.busy,
          receptions: line.receptionsToday,
          ...(line.idleSince ? { idleSince: utcToShanghai(line.idleSince) } : {}),
          position: line.position,
        },
      }));
      return pageSnapshot(rows, request);
    },
  });
}
