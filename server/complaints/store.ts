// Data functions over `complaints` (migration 020), each taking the database (or a transaction)
// first. Row ↔ pull values: times are ISO UTC in the store and Shanghai wall-clock in the sheet.
import { utcToShanghai } from '../../shared/local-time';
import { complaintStatus, missedStage, type ComplaintClock } from '../../shared/complaints/sla';
import type { Db } from '../store/db';
import type { ComplaintsTable } from '../store/schema';

const CHUNK = 500;

export async function complaintsByKey(db: Db, keys: readonly string[]) {
  const unique = [...new Set(keys)];
  const found = new Map<string, ComplaintsTable>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('complaints')
      .selectAll()
      .where('row_key', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) found.set(row.row_key, row);
  }
  return found;
}

const updatable = [
  'opened_at',
  'priority',
  'dealer_code',
  'consumer_name',
  'consumer_phone',
  'region_code',
  'scope_region',
  'sku_code',
  'batch_code',
  'description',
  'first_response_at',
  'resolved_at',
  'root_cause',
  'fix',
  'first_response_due',
  'resolution_due',
  'deleted',
  'version',
  'change_seq',
  'updated_at',
  'updated_by',
] as const;

export async function saveComplaints(db: Db, rows: readonly ComplaintsTable[]) {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('complaints')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) =>
            Object.fromEntries(updatable.map((name) => [name, eb.ref(`excluded.${name}`)])),
          ),
      )
      .execute();
  }
}

const ms = (iso: string | null) => (iso === null ? undefined : Date.parse(iso));
const local = (iso: string | null) => (iso === null ? undefined : utcToShanghai(iso));

export function clockOf(row: ComplaintsTable): ComplaintClock {
  return {
    firstResponseDue: Date.parse(row.first_response_due),
    resolutionDue: Date.parse(row.resolution_due),
    firstResponseAt: ms(row.first_response_at),
    resolvedAt: ms(row.resolved_at),
  };
}

/** Drops absent values, so optional columns stay empty in the sheet. */
function present(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== null && v !== undefined),
  );
}

/** The typed columns of a stored complaint, as the sheet holds them (complaintSchema). */
export function typedValues(row: ComplaintsTable): Record<string, unknown> {
  return present({
    openedAt: utcToShanghai(row.opened_at),
    priority: row.priority,
    dealerCode: row.dealer_code,
    consumerName: row.consumer_name,
    consumerPhone: row.consumer_phone,
    regionCode: row.region_code,
    skuCode: row.sku_code,
    batchCode: row.batch_code,
    description: row.description,
    firstResponseAt: local(row.first_response_at),
    resolvedAt: local(row.resolved_at),
    rootCause: row.root_cause,
    fix: row.fix,
  });
}

/** A complaint as pulled (complaintPullSchema): due times, and status as of `now`. */
export function pullValues(row: ComplaintsTable, now: Date): Record<string, unknown> {
  const clock = clockOf(row);
  return present({
    id: row.id,
    ...typedValues(row),
    firstResponseDueAt: utcToShanghai(row.first_response_due),
    resolutionDueAt: utcToShanghai(row.resolution_due),
    status: complaintStatus(clock, now.getTime()),
    missed: missedStage(clock, now.getTime()),
  });
}
