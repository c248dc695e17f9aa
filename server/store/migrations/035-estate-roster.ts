// The sales office's front line (docs/estate-roster.md): calls and visits, shift assignments,
// check-ins and receptions, each a versioned table keyed by the client's row key with the change
// counter for pulls. Shifts are master records (estate-shifts) and need no table. A partial
// unique index lets a consultant have one open reception at a time, whatever the code above
// does. Kysely's schema builder: TEXT/INTEGER columns, the same on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

type Table = ReturnType<Kysely<unknown>['schema']['createTable']>;

/** The columns every synced row carries (docs/protocol.md, "Push"). */
function versioned(table: Table): Table {
  return table
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await versioned(
    db.schema
      .createTable('est_visits')
      .addColumn('row_key', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('visit_date', 'text', (c) => c.notNull())
      .addColumn('project_code', 'text', (c) => c.notNull())
      .addColumn('consultant', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('customer_name', 'text')
      .addColumn('customer_phone', 'text')
      .addColumn('channel', 'text')
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('est_visits_seq').on('est_visits').column('change_seq').execute();
  await db.schema.createIndex('est_visits_date').on('est_visits').column('visit_date').execute();

  await versioned(
    db.schema
      .createTable('est_assignments')
      .addColumn('row_key', 'text', (c) => c.primaryKey())
      .addColumn('consultant', 'text', (c) => c.notNull())
      .addColumn('shift_code', 'text', (c) => c.notNull())
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('est_assignments_seq')
    .on('est_assignments')
    .column('change_seq')
    .execute();
  await db.schema
    .createIndex('est_assignments_consultant')
    .on('est_assignments')
    .columns(['consultant', 'from_date'])
    .execute();

  await versioned(
    db.schema
      .createTable('est_check_ins')
      .addColumn('row_key', 'text', (c) => c.primaryKey())
      .addColumn('consultant', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('punch_date', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('est_check_ins_seq')
    .on('est_check_ins')
    .column('change_seq')
    .execute();
  await db.schema
    .createIndex('est_check_ins_date')
    .on('est_check_ins')
    .columns(['punch_date', 'consultant'])
    .execute();

  await versioned(
    db.schema
      .createTable('est_receptions')
      .addColumn('row_key', 'text', (c) => c.primaryKey())
      .addColumn('project_code', 'text', (c) => c.notNull())
      .addColumn('consultant', 'text', (c) => c.notNull())
      .addColumn('customer_name', 'text')
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('reception_date', 'text', (c) => c.notNull())
      .addColumn('open', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('est_receptions_seq')
    .on('est_receptions')
    .column('change_seq')
    .execute();
  await db.schema
    .createIndex('est_receptions_date')
    .on('est_receptions')
    .column('reception_date')
    .execute();
  await db.schema
    .createIndex('est_receptions_one_open')
    .on('est_receptions')
    .column('consultant')
    .unique()
    .where(sql.ref('open'), '=', 1)
    .execute();
}
