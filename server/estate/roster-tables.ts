// Kysely types of the front-line tables (migration 035), added with `withTables` as the other
// estate tables are (server/estate/tables.ts). Instants are ISO-8601 UTC; dates Asia/Shanghai.
import type { Db } from '../store/db';

interface Versioned {
  row_key: string;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

export interface EstVisitsTable extends Versioned {
  at: string;
  visit_date: string;
  project_code: string;
  consultant: string;
  kind: 'call' | 'visit';
  customer_name: string | null;
  customer_phone: string | null;
  channel: string | null;
  notes: string | null;
}

export interface EstAssignmentsTable extends Versioned {
  consultant: string;
  shift_code: string;
  from_date: string;
  to_date: string;
}

export interface EstCheckInsTable extends Versioned {
  consultant: string;
  at: string;
  punch_date: string;
  direction: 'in' | 'out';
}

export interface EstReceptionsTable extends Versioned {
  project_code: string;
  consultant: string;
  customer_name: string | null;
  started_at: string;
  ended_at: string | null;
  reception_date: string;
  /** 1 until the reception ends: unique per consultant (est_receptions_one_open). */
  open: number;
}

type RosterTables = {
  est_visits: EstVisitsTable;
  est_assignments: EstAssignmentsTable;
  est_check_ins: EstCheckInsTable;
  est_receptions: EstReceptionsTable;
};

export function roster(db: Db) {
  return db.withTables<RosterTables>();
}

/** The stamp of a row written now: next version, change counter, time and user. */
export function stamped(
  ctx: { nextSeq: () => number; now: Date; actor: { user: { username: string } } },
  version: number,
) {
  return {
    version,
    change_seq: ctx.nextSeq(),
    updated_at: ctx.now.toISOString(),
    updated_by: ctx.actor.user.username,
  };
}
