// What every dataset implements to travel through push and pull. The engine (push.ts, pull.ts)
// owns the protocol — duplicate guards, dryRun, atomic, cursors — and handlers own the rules.
import type { DatasetDef } from '../../shared/datasets';
import type { Locale } from '../../shared/locale';
import type { Mutation, PullFilter, RowStatus } from '../../shared/protocol';
import type { RowProblem } from '../../shared/row-errors';
import type { Db } from '../store/db';
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
  /** Extra request options a handler may honour (e.g. a manager's price override). */
  options: Readonly<Record<string, unknown>>;
}

/** A mutation whose values passed the dataset schema (upserts) or that deletes. */
export interface ParsedMutation extends Omit<Mutation, 'values'> {
  values: Record<string, unknown>;
  /** Index in the request, for duplicate-in-batch messages ("duplicates row 3"). */
  index: number;
}

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

export interface DatasetHandler {
  def: DatasetDef;
  /** Applies mutations that passed validation; one outcome per mutation, in order. */
  push?: (ctx: WriteContext, mutations: readonly ParsedMutation[]) => Promise<MutationOutcome[]>;
  pull?: (request: PullRequest) => Promise<PullPage>;
  /**
   * Rows that stand or fall together (an order's lines): the group a row's raw values belong
   * to, so a row the schema refuses also refuses its siblings before the handler runs.
   */
  groupOf?: (values: Readonly<Record<string, unknown>>) => string | null;
}
