// What every dataset implements to travel through push and pull. The engine (push.ts, pull.ts)
// owns the protocol — duplicate guards, dryRun, atomic, cursors — and handlers own the rules.
import type { DatasetDef, PushValues } from '../../shared/dataset-def';
import type { Locale } from '../../shared/locale';
import type { Mutation, PullFilter, RowStatus } from '../../shared/protocol';
import type { RowProblem } from '../../shared/row-errors';
import type { Db } from '../store/db';
import type { WriteQueue } from '../store/write-queue';
import type { AuthUser } from '../services/users';

export interface Actor {
  user: AuthUser;
  workbookId: string;
  clientId: string;
}

export interface AuditEntry {
  dataset: string;
  recordKey: string;
  recordId: string;
  version: number;
  /** 'create' | 'update' | 'delete', or a handler's own verb such as 'release' or 'receive'. */
  action: string;
  before: unknown;
  after: unknown;
}

/** Everything a handler may use while it writes, inside the push's one transaction. */
export interface WriteContext {
  trx: Db;
  actor: Actor;
  now: Date;
  /** Today in Asia/Shanghai, 'YYYY-MM-DD' (business dates). */
  today: string;
  locale: Locale;
  dryRun: boolean;
  /** The next value of the global change counter; unique per row written. */
  nextSeq: () => number;
  audit: (entry: AuditEntry) => void;
  /**
   * Writes sent together after the handler returns, with the push's audit rows and applied
   * mutation ids (one round trip on PostgreSQL): for what nothing in the push reads again.
   * A handler that runs another handler (returns/sub-push.ts) gives it a queue of its own.
   */
  later: WriteQueue;
  /** Extra request options a handler may honour (e.g. a manager's price override). */
  options: Readonly<Record<string, unknown>>;
}

interface ParsedBase extends Omit<Mutation, 'values' | 'op'> {
  /** Index in the request, for duplicate-in-batch messages ("duplicates row 3"). */
  index: number;
}

/**
 * A mutation as a handler receives it: an upsert whose values passed the dataset's push schema
 * (typed by it), or a delete, which carries no values.
 */
export type ParsedMutation<V = Record<string, unknown>> =
  (ParsedBase & { op: 'upsert'; values: V }) | (ParsedBase & { op: 'delete'; values?: undefined });

/** The upserts of a push: values present and typed. */
export type ParsedUpsert<V = Record<string, unknown>> = Extract<
  ParsedMutation<V>,
  { op: 'upsert' }
>;

export interface MutationOutcome {
  status: RowStatus;
  id?: string;
  version?: number;
  problems: RowProblem[];
  serverValues?: Record<string, unknown>;
}

export interface PullPage {
  rows: {
    key: string;
    version: number;
    op: 'upsert' | 'delete';
    values: Record<string, unknown>;
    seq: number;
  }[];
  /** True when the query may have more rows after the last one. */
  hasMore: boolean;
}

export interface PullRequest {
  db: Db;
  user: AuthUser;
  filter: PullFilter;
  /** Rows with change_seq above this. */
  afterSeq: number;
  /** During a first load, tombstones up to this seq are left out (the client never had them). */
  skipTombstonesUpTo: number;
  limit: number;
  now: Date;
}

/**
 * The server side of one declared dataset. Rows that stand or fall together are declared on the
 * dataset (`groupBy`); the engine applies that rule before the handler runs.
 */
export interface DatasetHandler<V = Record<string, unknown>> {
  readonly def: DatasetDef;
  /** Applies mutations that passed validation; one outcome per mutation, in order. */
  readonly push?: (
    ctx: WriteContext,
    mutations: readonly ParsedMutation<V>[],
  ) => Promise<MutationOutcome[]>;
  readonly pull?: (request: PullRequest) => Promise<PullPage>;
  /**
   * Writes a pull must find done (holds that expired by the clock), run before the pull reads the
   * change counter, in their own transaction: what they write is numbered below the pull's view
   * and travels in this pull, not the next.
   */
  readonly beforePull?: (db: Db, now: Date) => Promise<void>;
}

/**
 * A handler for `def`, its push typed by the dataset's push schema. The engine keeps every
 * handler under one type; it calls `push` only with values that passed that same schema.
 */
export function defineHandler<D extends DatasetDef>(
  def: D,
  parts: Omit<DatasetHandler<PushValues<D>>, 'def'>,
): DatasetHandler {
  return { def, ...parts } as DatasetHandler;
}
