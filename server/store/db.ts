// Opens the store behind Kysely, so queries stay portable: SQLite by default (WAL, foreign keys
// on, one connection), or PostgreSQL through node-postgres' pool when given a postgres:// URL.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent, type SqliteDatabase } from 'kysely';
import type { Logger } from '../logger';
import type { Database } from './schema';

export type Db = Kysely<Database>;

interface StoreCommon {
  db: Db;
  close: () => Promise<void>;
}

export interface SqliteStore extends StoreCommon {
  dialect: 'sqlite';
  /** The raw connection, for the benchmark's baseline and SQLite-only maintenance. */
  sqlite: SQLite.Database;
}

export interface PostgresStore extends StoreCommon {
  dialect: 'postgres';
  pool: pg.Pool;
}

export type Store = SqliteStore | PostgresStore;

export interface StoreOptions {
  /** Quiet time after the last write before the store checkpoints its WAL on its own (SQLite). */
  idleCheckpointMs?: number;
  /** Connections in the pool (PostgreSQL). */
  poolSize?: number;
  /** Where slow queries and pool errors are reported. */
  logger?: Logger;
  /** A query that takes this long or longer is logged as slow. */
  slowQueryMs?: number;
}

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//.test(location);

/** The raw SQLite connection of a store that must be SQLite (the benchmark's baselines). */
export function sqliteOf(store: Store): SQLite.Database {
  if (store.dialect !== 'sqlite') throw new Error('this needs the SQLite store');
  return store.sqlite;
}

/** Kysely's query log, keeping only the slow ones. */
function slowQueryLog(options: StoreOptions): ((event: LogEvent) => void) | undefined {
  const { logger, slowQueryMs = 500 } = options;
  if (!logger) return undefined;
  return (event) => {
    if (event.level !== 'query' || event.queryDurationMillis < slowQueryMs) return;
    logger.warn('slow query', {
      ms: Math.round(event.queryDurationMillis),
      sql: event.query.sql.slice(0, 300),
      parameters: event.query.parameters.length,
    });
  };
}

/** How many prepared statements the store keeps; the hot paths use a few dozen distinct texts. */
const STATEMENT_CACHE = 256;

/**
 * WAL pages a commit may leave before SQLite checkpoints inline (its default is 1,000, about
 * 4 MB: a 10,000-line push would stop for a checkpoint and its fsyncs several times). Idle
 * checkpoints keep the WAL small; this is the bound when writes never pause.
 */
const WAL_PAGES_BEFORE_INLINE_CHECKPOINT = 16_000;

/**
 * How a transaction starts (Kysely's driver says `begin`). In one process the store has one
 * connection, so its transactions already run one at a time; but several processes may open one
 * file (a second instance, the CLI). A deferred BEGIN reads first, and if another process writes
 * before this one does, its snapshot is stale and its first write fails at once with "database is
 * locked" — busy_timeout cannot help. BEGIN IMMEDIATE takes the write lock at the start, so the
 * second process waits its turn (busy_timeout) and then reads what the first one wrote
 * (docs/estate.md, "One active document per unit"; https://sqlite.org/lang_transaction.html).
 */
const BEGIN_WRITE = 'begin immediate';

/**
 * The connection as Kysely's SQLite driver sees it, with prepared statements kept by their SQL
 * text: the driver prepares every query anew, and compiling a 100-row INSERT costs more than
 * running it, while chunked writes repeat the same few texts. It also notes when the last
 * write ran, for the idle checkpoint.
 */
class StoreConnection implements SqliteDatabase {
  private readonly statements = new Map<string, SQLite.Statement>();
  private lastWrite = 0;
  private unsaved = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly sqlite: SQLite.Database,
    idleMs: number,
  ) {
    this.timer = setInterval(() => {
      this.checkpointIfIdle(idleMs);
    }, idleMs);
    this.timer.unref();
  }

  prepare(sqlText: string): SQLite.Statement {
    const text = sqlText === 'begin' ? BEGIN_WRITE : sqlText;
    let statement = this.statements.get(text);
    if (statement) {
      this.statements.delete(text);
    } else {
      statement = this.sqlite.prepare(text);
      if (this.statements.size >= STATEMENT_CACHE) {
        const oldest = this.statements.keys().next();
        if (!oldest.done) this.statements.delete(oldest.value);
      }
    }
    this.statements.set(text, statement);
    if (!statement.reader) {
      this.lastWrite = performance.now();
      this.unsaved = true;
    }
    return statement;
  }

  /** Copies the WAL into the database file while nobody writes, off the requests' path. */
  private checkpointIfIdle(idleMs: number): void {
    if (!this.sqlite.open) {
      clearInterval(this.timer);
      return;
    }
    if (!this.unsaved || this.sqlite.inTransaction) return;
    if (performance.now() - this.lastWrite < idleMs) return;
    this.unsaved = false;
    this.sqlite.pragma('wal_checkpoint(PASSIVE)');
  }

  close(): void {
    clearInterval(this.timer);
    this.statements.clear();
    this.sqlite.close();
  }
}

export function openStore(file: string, options: StoreOptions = {}): SqliteStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // Pages kept in memory: 64 MB rather than SQLite's 2 MB, so a pull's index and record pages
  // stay cached as the catalogue grows (a 100-row stock page at 150,000 products read through
  // the OS cache otherwise; `npm run bench -- scale`).
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_INLINE_CHECKPOINT}`);
  // Once checkpointed, a WAL that grew during a big import shrinks back to this when reused.
  sqlite.pragma(`journal_size_limit = ${16 * 1024 * 1024}`);
  const connection = new StoreConnection(sqlite, options.idleCheckpointMs ?? 1_000);
  const log = slowQueryLog(options);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: connection }),
    ...(log ? { log } : {}),
  });
  return { dialect: 'sqlite', db, sqlite, close: () => db.destroy() };
}

/**
 * How node-postgres turns PostgreSQL values into JavaScript ones. BIGINT (counts, ids, money)
 * and NUMERIC (what SUM of a BIGINT gives) become numbers, as SQLite's integers do — every
 * figure this store holds stays well inside 2^53. JSON stays text: the services parse it.
 */
const asText = (value: string) => value;
const pgParsers = new Map<number, (value: string) => unknown>([
  [20, Number], // INT8
  [1700, Number], // NUMERIC
  [114, asText], // JSON
  [3802, asText], // JSONB
]);
const builtinParser = pg.types.getTypeParser as (oid: number, format: string) => unknown;
const pgTypes = {
  getTypeParser: (oid: number, format?: string): unknown =>
    pgParsers.get(oid) ?? builtinParser(oid, format ?? 'text'),
} as pg.CustomTypesConfig;

/** A transaction left idle this long is ended by the server: it would hold back every pull. */
const IDLE_IN_TRANSACTION_MS = 60_000;

export function openPostgresStore(url: string, options: StoreOptions = {}): PostgresStore {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    options: `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_MS}`,
  });
  // An idle connection the server dropped must not end the process; the next query reconnects.
  const lost = (error: Error) => {
    options.logger?.error('database connection lost', { error: error.message });
  };
  pool.on('error', lost);
  // …nor one that drops while a transaction holds it (the transaction then fails on its own).
  pool.on('connect', (client) => client.on('error', lost));
  const log = slowQueryLog(options);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(log ? { log } : {}),
  });
  return { dialect: 'postgres', db, pool, close: () => db.destroy() };
}
