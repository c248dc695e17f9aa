// Many-row writes on the hot paths (a push of 10,000 order lines writes 10,000 lines, ledger
// lines, audit rows and applied mutations). Building a 500-row INSERT through Kysely's query tree
// costs more than SQLite takes to run it, and every chunk of a table has the same shape, so the
// statement text is compiled by Kysely once per shape (table, columns, row count, conflict
// clause) and later chunks only fill its parameters. The dialect still writes the SQL: the
// same writer serves SQLite (statements kept prepared by text, store/db.ts) and PostgreSQL (a
// plain parameterised multi-row INSERT), with one text per dialect and shape.
import { CompiledQuery, type Insertable, type InsertQueryBuilder, type InsertResult } from 'kysely';
import type { Database } from './schema';
import type { Db } from './db';
import { dialectOf } from './dialect';
import { dbOf, sendWrite, type WriteTarget } from './write-queue';

type Table = keyof Database;
type InsertRow<T extends Table> = Insertable<Database[T]>;
type Insert<T extends Table> = InsertQueryBuilder<Database, T, InsertResult>;

interface BulkWrite<T extends Table> {
  table: T;
  /** The columns every row gives (absent and undefined values are written as NULL). */
  columns: readonly (keyof InsertRow<T> & string)[];
  /** Adds the statement's ON CONFLICT clause, if it has one. */
  onConflict?: (insert: Insert<T>) => Insert<T>;
}

/**
 * SQLite allows 32,766 parameters per statement, PostgreSQL 65,535; rows per statement stay
 * below both limits.
 */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 500;

/** Writes the rows now, or queues their statements when given the transaction's WriteQueue. */
type BulkWriter<T extends Table> = (
  target: WriteTarget,
  rows: readonly InsertRow<T>[],
) => Promise<void>;

/** A writer for one table and shape: chunks rows into multi-row INSERTs with cached text. */
export function bulkWriter<T extends Table>(spec: BulkWrite<T>): BulkWriter<T> {
  const { columns } = spec;
  if (columns.length === 0) throw new Error(`bulkWriter(${spec.table}) needs columns`);
  const perStatement = Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length));
  const texts = new Map<string, string>();

  const textFor = (db: Db, count: number): string => {
    const key = `${dialectOf(db)}:${count}`;
    const known = texts.get(key);
    if (known !== undefined) return known;
    const template = Object.fromEntries(columns.map((column) => [column, null])) as InsertRow<T>;
    const insert = db
      .insertInto(spec.table)
      .values(Array.from({ length: count }, () => template)) as Insert<T>;
    const compiled = (spec.onConflict ? spec.onConflict(insert) : insert).compile();
    if (compiled.parameters.length !== count * columns.length)
      throw new Error(`bulkWriter(${spec.table}): the conflict clause may not take parameters`);
    texts.set(key, compiled.sql);
    return compiled.sql;
  };

  // Statements come in a few fixed sizes (a tail of 237 rows goes as 100 + 100 + 20 + 5 + 5 +
  // 5 + 1 + 1), so a writer has at most five texts and the store's statement cache keeps them all.
  const sizes = [...new Set([perStatement, 100, 20, 5, 1])].filter((n) => n <= perStatement);

  return async (target, rows) => {
    const db = dbOf(target);
    let start = 0;
    while (start < rows.length) {
      const left = rows.length - start;
      const size = sizes.find((n) => n <= left) ?? 1;
      const parameters: unknown[] = [];
      for (let i = start; i < start + size; i++) {
        const values = rows[i] as Record<string, unknown>;
        for (const column of columns) parameters.push(values[column] ?? null);
      }
      const query = CompiledQuery.raw(textFor(db, size), parameters);
      await sendWrite(target, { table: spec.table, query });
      start += size;
    }
  };
}
