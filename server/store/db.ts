// Opens the SQLite store: WAL, foreign keys on, behind Kysely so queries stay portable.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  /** The raw connection, for the benchmark's baseline and the rebuild command. */
  sqlite: SQLite.Database;
  close: () => Promise<void>;
}

export interface StoreOptions {
  /** Quiet time after the last write before the store checkpoints its WAL on its own. */
  idleCheckpointMs?: number;
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

  prepare(text: string): SQLite.Statement {
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

export function openStore(file: string, options: StoreOptions = {}): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`wal_autocheckpoint = ${WAL_PAGES_BEFORE_INLINE_CHECKPOINT}`);
  // Once checkpointed, a WAL that grew during a big import shrinks back to this when reused.
  sqlite.pragma(`journal_size_limit = ${16 * 1024 * 1024}`);
  const connection = new StoreConnection(sqlite, options.idleCheckpointMs ?? 1_000);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, sqlite, close: () => db.destroy() };
}
