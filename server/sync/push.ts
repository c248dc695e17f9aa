// POST /api/v1/sync/push: validates every row with the dataset's schema, skips mutations this
// client already applied (guard 2), runs the handler in one transaction, and honours dryRun and
// atomic. A bad row never fails its neighbours; only malformed requests fail as a whole.
import type { Locale } from '../../shared/locale';
import type {
  Mutation,
  PushRequest,
  PushResponse,
  RowResult,
  RowStatus,
} from '../../shared/protocol';
import { describeDataset, type FieldDescription } from '../../shared/meta';
import { checkRow, describeProblems, type RowProblem } from '../../shared/row-errors';
import type { Db } from '../store/db';
import { AppError } from '../http/errors';
import { lockKeys, lockSpace } from '../store/locks';
import { inWriteTransaction, shanghaiDate } from './changes';
import type { Actor, AuditEntry, DatasetHandler, MutationOutcome, ParsedMutation } from './handler';
import { previouslyApplied, recordAudit, rememberApplied } from './push-records';

export interface PushInput {
  db: Db;
  handler: DatasetHandler;
  actor: Actor;
  request: PushRequest;
  now: Date;
  locale: Locale;
  options?: Readonly<Record<string, unknown>>;
}

class Rollback extends Error {
  constructor(readonly outcomes: MutationOutcome[]) {
    super('rollback');
  }
}

const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });

const describedFields = new WeakMap<DatasetHandler, FieldDescription[]>();

/** The dataset's field descriptions, worked out once per handler rather than once per row. */
function fieldsOf(handler: DatasetHandler): FieldDescription[] {
  let fields = describedFields.get(handler);
  if (!fields) {
    fields = describeDataset(handler.def).fields;
    describedFields.set(handler, fields);
  }
  return fields;
}

/** A literal of one shape for every row (spread copies are slow to build and to read in V8). */
function parsedMutation(
  mutation: Mutation,
  values: Record<string, unknown>,
  index: number,
): ParsedMutation {
  const parsed: ParsedMutation = {
    mutationId: mutation.mutationId,
    op: mutation.op,
    rowKey: mutation.rowKey,
    values,
    index,
  };
  if (mutation.baseVersion !== undefined) parsed.baseVersion = mutation.baseVersion;
  return parsed;
}

function validate(
  input: PushInput,
  mutation: Mutation,
  index: number,
): ParsedMutation | MutationOutcome {
  if (mutation.op === 'delete') return parsedMutation(mutation, {}, index);
  const schema = input.handler.def.push?.schema;
  if (!schema) throw new Error(`dataset ${input.handler.def.name} has no push schema`);
  const check = checkRow(schema, mutation.values, fieldsOf(input.handler));
  if (!check.ok) return rejected(check.problems);
  return parsedMutation(mutation, check.data, index);
}

/** Change numbers a push reserves up front (a row, its balances and documents…; retried past it). */
const expectedChanges = (mutations: number) => 64 + 8 * mutations;

async function applyInTransaction(
  input: PushInput,
  parsed: ParsedMutation[],
): Promise<MutationOutcome[]> {
  const { dryRun = false, atomic = false } = input.request;
  try {
    return await inWriteTransaction(input.db, expectedChanges(parsed.length), async (trx, seq) => {
      // Two pushes of one row (from two instances) take turns (PostgreSQL; SQLite has one writer).
      await lockKeys(
        trx,
        lockSpace.rowKey,
        parsed.map((m) => `${input.request.dataset}\u0000${m.rowKey}`),
      );
      const audits: AuditEntry[] = [];
      const ctx = {
        trx,
        actor: input.actor,
        now: input.now,
        today: shanghaiDate(input.now),
        locale: input.locale,
        dryRun,
        nextSeq: seq.next,
        audit: (entry: AuditEntry) => audits.push(entry),
        options: input.options ?? {},
      };
      const push = input.handler.push;
      if (!push) throw new Error(`dataset ${input.request.dataset} has no push`);
      const outcomes = await push(ctx, parsed);
      if (outcomes.length !== parsed.length)
        throw new Error(`${input.request.dataset}: one outcome per mutation`);
      const failed = outcomes.some((o) => o.status === 'rejected' || o.status === 'conflict');
      if (dryRun || (atomic && failed)) throw new Rollback(outcomes);
      await seq.flush();
      await recordAudit(trx, input.actor, audits, input.now);
      await rememberApplied(
        trx,
        { clientId: input.actor.clientId, dataset: input.request.dataset, now: input.now },
        parsed.flatMap((m, i) => (outcomes[i] ? [[m, outcomes[i]] as const] : [])),
      );
      return outcomes;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.outcomes;
    throw error;
  }
}

/** A row the schema refused takes the rest of its group (an order) with it. */
function rejectSiblings(
  input: PushInput,
  outcomes: (MutationOutcome | undefined)[],
  parsed: ParsedMutation[],
): void {
  const groupOf = input.handler.groupOf;
  if (!groupOf) return;
  const failed = new Set<string>();
  input.request.mutations.forEach((mutation, index) => {
    const group = outcomes[index]?.status === 'rejected' ? groupOf(mutation.values) : null;
    if (group !== null) failed.add(group);
  });
  if (failed.size === 0) return;
  const kept = parsed.filter((mutation) => {
    const group = mutation.op === 'upsert' ? groupOf(mutation.values) : null;
    if (group === null || !failed.has(group)) return true;
    outcomes[mutation.index] = rejected([{ code: 'order-rejected' }]);
    return false;
  });
  parsed.splice(0, parsed.length, ...kept);
}

/** Runs one push and returns its per-row results, in the caller's language. */
export async function runPush(input: PushInput): Promise<PushResponse> {
  const { request, handler } = input;
  if (!handler.push || !handler.def.push)
    throw new AppError('dataset-not-pushable', { dataset: request.dataset });
  const seen = await previouslyApplied(
    input.db,
    input.actor.clientId,
    request.mutations.map((m) => m.mutationId),
  );
  const outcomes: (MutationOutcome | undefined)[] = request.mutations.map((m) =>
    seen.get(m.mutationId),
  );
  const parsed: ParsedMutation[] = [];
  request.mutations.forEach((mutation, index) => {
    if (outcomes[index]) return;
    const result = validate(input, mutation, index);
    if ('status' in result) outcomes[index] = result;
    else parsed.push(result);
  });
  rejectSiblings(input, outcomes, parsed);
  const atomicFailed = request.atomic === true && outcomes.some((o) => o?.status === 'rejected');
  const applied = parsed.length > 0 && !atomicFailed ? await applyInTransaction(input, parsed) : [];
  parsed.forEach((mutation, i) => {
    outcomes[mutation.index] = applied[i] ?? rejected([]);
  });
  return toResponse(
    input,
    finishAtomic(input.request.atomic === true, outcomes as MutationOutcome[]),
  );
}

/** In an all-or-nothing batch with a failure, every row that would have applied says why it did not. */
function finishAtomic(atomic: boolean, outcomes: MutationOutcome[]): MutationOutcome[] {
  if (!atomic || !outcomes.some((o) => o.status === 'rejected' || o.status === 'conflict'))
    return outcomes;
  return outcomes.map((o) =>
    o.status === 'applied' || (o.status === 'rejected' && o.problems.length === 0)
      ? { status: 'rejected', problems: [{ code: 'atomic-aborted' }] }
      : o,
  );
}

function toResponse(input: PushInput, outcomes: MutationOutcome[]): PushResponse {
  const fields = fieldsOf(input.handler);
  const summary: Record<RowStatus, number> = { applied: 0, unchanged: 0, rejected: 0, conflict: 0 };
  const results: RowResult[] = input.request.mutations.map((mutation, index) => {
    const outcome = outcomes[index];
    if (!outcome) throw new Error(`no outcome for mutation ${index}`);
    summary[outcome.status] += 1;
    const result: RowResult = {
      mutationId: mutation.mutationId,
      rowKey: mutation.rowKey,
      status: outcome.status,
      errors: describeProblems(outcome.problems, fields, input.locale),
    };
    if (outcome.id !== undefined) result.id = outcome.id;
    if (outcome.version !== undefined) result.version = outcome.version;
    if (outcome.serverValues) result.serverValues = outcome.serverValues;
    return result;
  });
  return {
    dataset: input.request.dataset,
    dryRun: input.request.dryRun ?? false,
    atomic: input.request.atomic ?? false,
    results,
    summary,
  };
}
