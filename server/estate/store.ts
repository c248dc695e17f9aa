// Data functions over the estate tables; each takes the database (or a transaction) first.
// Holds lapse lazily: every estate write and pull first lets go of the holds whose time is up by
// the injected clock, in one transaction with the unit going back to 可售 (docs/estate.md).
import { checkMove } from '../../shared/estate/unit-status';
import { allRecords } from '../datasets/records-store';
import { openSeqAllocator, shanghaiDate } from '../sync/changes';
import type { Db } from '../store/db';
import { est, type EstDocumentsTable, type EstUnitsTable } from './tables';

export interface Stamp {
  nextSeq: () => number;
  now: Date;
  user: string;
}

const stampOf = (stamp: Stamp, version: number) => ({
  version,
  change_seq: stamp.nextSeq(),
  updated_at: stamp.now.toISOString(),
  updated_by: stamp.user,
});

export async function unitByCode(db: Db, code: string): Promise<EstUnitsTable | undefined> {
  return est(db).selectFrom('est_units').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function unitByKey(db: Db, rowKey: string): Promise<EstUnitsTable | undefined> {
  return est(db)
    .selectFrom('est_units')
    .selectAll()
    .where('row_key', '=', rowKey)
    .executeTakeFirst();
}

/** Writes a unit with the next version and change stamp; returns what was written. */
export async function saveUnit(
  db: Db,
  stamp: Stamp,
  unit: Omit<EstUnitsTable, 'version' | 'change_seq' | 'updated_at' | 'updated_by'>,
  stored?: EstUnitsTable,
): Promise<EstUnitsTable> {
  const row = { ...unit, ...stampOf(stamp, (stored?.version ?? 0) + 1) };
  if (stored)
    await est(db).updateTable('est_units').set(row).where('code', '=', stored.code).execute();
  else await est(db).insertInto('est_units').values(row).execute();
  return row;
}

/** Moves a unit to `status`, with a new version; the move was checked by the caller. */
export async function setUnitStatus(
  db: Db,
  stamp: Stamp,
  unit: EstUnitsTable,
  status: EstUnitsTable['status'],
): Promise<EstUnitsTable> {
  return saveUnit(db, stamp, { ...unit, status, reserve_reason: null, reserve_until: null }, unit);
}

/** The document holding the unit, if any (at most one: est_documents_one_active). */
export async function activeDocument(db: Db, unitCode: string) {
  return est(db)
    .selectFrom('est_documents')
    .selectAll()
    .where('unit_code', '=', unitCode)
    .where('active', '=', 1)
    .executeTakeFirst();
}

export async function documentByKey(db: Db, kind: EstDocumentsTable['kind'], rowKey: string) {
  return est(db)
    .selectFrom('est_documents')
    .selectAll()
    .where('kind', '=', kind)
    .where('row_key', '=', rowKey)
    .executeTakeFirst();
}

export async function documentById(db: Db, id: string) {
  return est(db).selectFrom('est_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

type DocumentWrite = Omit<
  EstDocumentsTable,
  'version' | 'change_seq' | 'updated_at' | 'updated_by'
>;

/** Writes a document with the next version; a second active document on a unit fails here. */
export async function saveDocument(
  db: Db,
  stamp: Stamp,
  doc: DocumentWrite,
  stored?: EstDocumentsTable,
): Promise<EstDocumentsTable> {
  const row = { ...doc, ...stampOf(stamp, (stored?.version ?? 0) + 1) };
  if (stored)
    await est(db).updateTable('est_documents').set(row).where('id', '=', stored.id).execute();
  else await est(db).insertInto('est_documents').values(row).execute();
  return row;
}

/** Lets go of every hold whose time is up by `stamp.now`: the hold expires, its unit is 可售. */
export async function expireHolds(db: Db, stamp: Stamp): Promise<number> {
  const due = await dueHolds(db, stamp.now);
  for (const hold of due) {
    await saveDocument(
      db,
      stamp,
      {
        ...hold,
        state: 'expired',
        active: 0,
        closed_on: shanghaiDate(new Date(hold.expires_at ?? '')),
      },
      hold,
    );
    const unit = await unitByCode(db, hold.unit_code);
    const move = unit && checkMove(unit.status, 'expire-hold', { role: 'system', locale: 'en-US' });
    if (unit && move?.ok) await setUnitStatus(db, stamp, unit, move.to);
  }
  return due.length;
}

async function dueHolds(db: Db, now: Date) {
  return est(db)
    .selectFrom('est_documents')
    .selectAll()
    .where('kind', '=', 'hold')
    .where('active', '=', 1)
    .where('expires_at', '<=', now.toISOString())
    .execute();
}

/** Before a pull: expires what is due in its own short transaction (a read when nothing is). */
export async function expireHoldsBeforeRead(db: Db, now: Date): Promise<void> {
  if ((await dueHolds(db, now)).length === 0) return;
  await db.transaction().execute(async (trx) => {
    const seq = await openSeqAllocator(trx);
    await expireHolds(trx, { nextSeq: seq.next, now, user: 'system' });
    await seq.flush();
  });
}

/** The building's project, from the master records (estate-buildings). */
export async function buildingProjects(db: Db): Promise<Map<string, string>> {
  const records = await allRecords(db, 'estate-buildings');
  return new Map(
    [...records.values()].map((r) => [String(r.values.code), String(r.values.projectCode)]),
  );
}

/** A project's hold days (estate-projects), or undefined for an unknown project. */
export async function projectHoldDays(db: Db, projectCode: string): Promise<number | undefined> {
  const records = await allRecords(db, 'estate-projects');
  const project = [...records.values()].find((r) => r.values.code === projectCode);
  return typeof project?.values.holdDays === 'number' ? project.values.holdDays : undefined;
}
