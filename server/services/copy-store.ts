// Moves a SQLite store into PostgreSQL (npm run cli -- store copy-to-postgres <url>): every
// table the migrations made, row for row, in one PostgreSQL transaction, into a database that
// has been migrated but holds nothing yet. Afterwards the identity columns and the change-number
// sequence continue after the copied rows, so pushes, pulls and existing clients' cursors carry
// on as before. Run it with the server stopped.
import { sql, type Kysely } from 'kysely';
import { CHANGE_BLOCK } from '../store/change-blocks';
import type { PostgresStore, SqliteStore } from '../store/db';

interface CopyReport {
  /** Rows copied per table. */
  tables: Record<string, number>;
  /** The change number the copied data had reached; PostgreSQL numbers from above it. */
  changeSeq: number;
}

// Rows are written through Kysely without the schema's types: the tables are read by name.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Rows per INSERT, within PostgreSQL's 65,535 parameters. */
const parametersPerInsert = 30_000;

/** The source's tables, each after the tables its foreign keys point to. */
function tablesInOrder(source: SqliteStore): string[] {
  const names = (
    source.sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const parents = new Map(
    names.map((name) => [
      name,
      (source.sqlite.pragma(`foreign_key_list(${name})`) as { table: string }[]).map(
        (fk) => fk.table,
      ),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    for (const parent of parents.get(name) ?? []) if (parent !== name) visit(parent);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered;
}

async function assertEmpty(target: AnyDb): Promise<void> {
  for (const table of ['users', 'records', 'order_lines', 'stock_ledger']) {
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(target);
    if ((rows[0]?.n ?? 0) > 0)
      throw new Error(
        `The PostgreSQL database is not empty (${table} has rows); copy into a new one.`,
      );
  }
}

async function copyTable(source: SqliteStore, trx: AnyDb, table: string): Promise<number> {
  const columns = (source.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map(
    (c) => c.name,
  );
  const perInsert = Math.max(1, Math.floor(parametersPerInsert / columns.length));
  const list = columns.map((c) => `"${c}"`).join(', ');
  // In pages by rowid, not one open cursor: the store's idle checkpoint may run between pages.
  const page = source.sqlite.prepare(
    `SELECT rowid AS rowid__, ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ${perInsert}`,
  );
  let after = 0;
  let copied = 0;
  for (;;) {
    const rows = page.all(after) as ({ rowid__: number } & Record<string, unknown>)[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.rowid__ ?? after;
    await trx
      .insertInto(table)
      .values(rows.map(({ rowid__: _rowid, ...values }) => values))
      .execute();
    copied += rows.length;
  }
  return copied;
}

/** Identity columns continue after the copied ids. */
async function continueIdentities(trx: AnyDb, table: string): Promise<void> {
  const { rows } = await sql<{ sequence: string | null }>`
    SELECT pg_get_serial_sequence(${table}, column_name) AS sequence
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND is_identity = 'YES'`.execute(
    trx,
  );
  for (const { sequence } of rows) {
    if (!sequence) continue;
    await sql`SELECT setval(${sequence}::regclass, coalesce((SELECT max(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
      trx,
    );
  }
}

export async function copyToPostgres(
  source: SqliteStore,
  target: PostgresStore,
  onTable: (table: string, rows: number) => void = () => undefined,
): Promise<CopyReport> {
  const db = target.db as AnyDb;
  await assertEmpty(db);
  const tables = tablesInOrder(source);
  const report: CopyReport = { tables: {}, changeSeq: 0 };
  await db.transaction().execute(async (trx) => {
    // The migrations' own counter rows are replaced by the source's.
    await trx.deleteFrom('counters').execute();
    for (const table of tables) {
      const rows = await copyTable(source, trx, table);
      report.tables[table] = rows;
      onTable(table, rows);
      await continueIdentities(trx, table);
    }
    const counter = await trx
      .selectFrom('counters')
      .select('value')
      .where('name', '=', 'change_seq')
      .executeTakeFirst();
    report.changeSeq = (counter as { value?: number } | undefined)?.value ?? 0;
    // The next block starts above every copied change number (blocks start at 1 + k·BLOCK).
    if (report.changeSeq > 0) {
      const lastBlock = Math.floor((report.changeSeq - 1) / CHANGE_BLOCK) * CHANGE_BLOCK + 1;
      await sql`SELECT setval('change_seq_blocks', ${lastBlock}, true)`.execute(trx);
    }
  });
  return report;
}
