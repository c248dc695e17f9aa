// POST /api/v1/sync/push: validates every row with the dataset's schema, skips mutations this
// client already applied (guard 2), runs the handler in one transaction, and honours dryRun and
// atomic. A bad row never fails its neighbours; only malformed requests fail as a whole.
import type { Locale } from '../../shared/locale';
import type { Mutation, PushRequest, PushResponse } from '../../shared/protocol';
import { groupKeyOf } from '../../shared/dataset-def';
import { checkRow, type RowProblem } from '../../shared/row-errors';
import type { Db } from '../store/db';
import { AppError } from '../http/errors';
import { lockSpace, type KeyLocks } from '../store/locks';
import { WriteQueue } from '../store/write-queue';
import { inWriteTransaction, shanghaiDate } from './changes';
import type { Actor, AuditEntry, DatasetHandler, MutationOutcome, ParsedMutation } from './handler';
import { fillDefaults } from './push-defaults';
import { previouslyApplied, recordAudit, rememberApplied } from './push-records';
import { fieldsOf, finishAtomic, toResponse } from './push-response';

interface PushInput {
  db: Db;
  handler: DatasetHandler;
  actor: Actor;
  request: PushRequest;
  now: Date;
  locale: Locale;
  options?: Readonly<Record<string, unknown>>;
  /**
   * Called inside the push's transaction, once it is certain to commit, with the response the
   * push will return: what it queues on `later` is written with the push's own writes (the
   * Idempotency-Key's stored answer, server/http/idempotent.ts). Not called for a push that
   * writes nothing (a dry run, an all-or-nothing push with a refusal, every row refused).
   */
  keepAnswer?: (response: PushResponse, later: WriteQueue) => void;
}

/** What the transaction decided, with the response it kept (the attempt that committed). */
interface Applied {
  outcomes: MutationOutcome[];
  response?: PushResponse;
}

class Rollback extends Error {
  constructor(readonly outcomes: MutationOutcome[]) {
    super('rollback');
  }
}

const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });

/** A literal of one shape for every row (spread copies are slow to build and to read in V8). */
function parsedMutation(
  mutation: Mutation,
  values: Record<string, unknown> | undefined,
  index: number,
): ParsedMutation {
  const base = {
    mutationId: mutation.mutationId,
    rowKey: mutation.rowKey,
    index,
    baseVersion: mutation.baseVersion,
  };
  const parsed: ParsedMutation = values
    ? { ...base, op: 'upsert', values }
    : { ...base, op: 'delete' };
  if (mutation.baseVersion === undefined) delete parsed.baseVersion;
  return parsed;
}

function validate(
  input: PushInput,
  mutation: Mutation,
  index: number,
): ParsedMutation | MutationOutcome {
  if (mutation.op === 'delete') return parsedMutation(mutation, undefined, index);
  const schema = input.handler.def.push?.schema;
  if (!schema) throw new Error(`dataset ${input.handler.def.name} has no push schema`);
  const check = checkRow(schema, mutation.values, fieldsOf(input.handler));
  if (!check.ok) return rejected(check.problems);
  return parsedMutation(mutation, check.data, index);
}

/**
 * Guard 3 within one request: a row key may stand once. A later row with the same key is
 * refused (`duplicate-row-key`, naming the first row); the first is applied as usual.
 */
function rejectDuplicateKeys(
  mutations: readonly Mutation[],
  outcomes: (MutationOutcome | undefined)[],
): void {
  const first = new Map<string, number>();
  mutations.forEach((mutation, index) => {
    const twin = first.get(mutation.rowKey);
    if (twin === undefined) first.set(mutation.rowKey, index);
    else if (!outcomes[index])
      outcomes[index] = rejected([{ code: 'duplicate-row-key', params: { row: twin + 1 } }]);
  });
}

/** Change numbers a push reserves up front (a row, its balances and documents…; retried past it). */
const expectedChanges = (mutations: number) => 64 + 8 * mutations;

async function applyInTransaction(
  input: PushInput,
  parsed: ParsedMutation[],
  respond: (outcomes: MutationOutcome[]) => PushResponse,
): Promise<Applied> {
  const { dryRun = false, atomic = false } = input.request;
  try {
    // Two pushes of one row (from two instances) take turns (PostgreSQL; SQLite has one writer),
    // locked as the transaction opens, in the statement that takes its change numbers. Only
    // these: a handler's other locks follow what it reads (an edited line's row before its
    // stock pair, as a shipment takes them), which the keys alone cannot tell.
    const locks: KeyLocks[] = [
      {
        space: lockSpace.rowKey,
        keys: parsed.map((m) => `${input.request.dataset}\u0000${m.rowKey}`),
      },
    ];
    return await inWriteTransaction(
      input.db,
      expectedChanges(parsed.length),
      async (trx, seq) => {
        const audits: AuditEntry[] = [];
        const later = new WriteQueue(trx);
        const ctx = {
          trx,
          actor: input.actor,
          now: input.now,
          today: shanghaiDate(input.now),
          locale: input.locale,
          dryRun,
          nextSeq: seq.next,
          audit: (entry: AuditEntry) => audits.push(entry),
          later,
          options: input.options ?? {},
        };
        if (!input.handler.push) throw new Error(`dataset ${input.request.dataset} has no push`);
        const outcomes = await input.handler.push(ctx, parsed);
        if (outcomes.length !== parsed.length)
          throw new Error(`${input.request.dataset}: one outcome per mutation`);
        const failed = outcomes.some((o) => o.status === 'rejected' || o.status === 'conflict');
        if (dryRun || (atomic && failed)) throw new Rollback(outcomes);
        await seq.flush();
        await recordAudit(later, input.actor, audits, input.now);
        await rememberApplied(
          later,
          { clientId: input.actor.clientId, dataset: input.request.dataset, now: input.now },
          parsed.flatMap((m, i) => (outcomes[i] ? [[m, outcomes[i]] as const] : [])),
        );
        const response = input.keepAnswer ? respond(outcomes) : undefined;
        if (response) input.keepAnswer?.(response, later);
        await later.flush();
        return response ? { outcomes, response } : { outcomes };
      },
      locks,
    );
  } catch (error) {
    if (error instanceof Rollback) return { outcomes: error.outcomes };
    throw error;
  }
}

/**
 * A row refused before the handler runs (by the schema, or as a duplicate) takes the rest of its
 * group (an order's lines, DatasetDef.groupBy) with it: a group is accepted whole or not at all.
 */
function rejectSiblings(
  input: PushInput,
  outcomes: (MutationOutcome | undefined)[],
  parsed: ParsedMutation[],
): void {
  const { groupBy } = input.handler.def;
  if (!groupBy) return;
  const groupOf = (index: number) =>
    groupKeyOf(groupBy, input.request.mutations[index]?.values ?? {});
  const failed = new Set<string>();
  outcomes.forEach((outcome, index) => {
    const group = outcome?.status === 'rejected' ? groupOf(index) : null;
    if (group !== null) failed.add(group);
  });
  if (failed.size === 0) return;
  const kept = parsed.filter((mutation) => {
    const group = mutation.op === 'upsert' ? groupOf(mutation.index) : null;
    if (group === null || !failed.has(group)) return true;
    outcomes[mutation.index] = rejected([{ code: 'order-rejected' }]);
    return false;
  });
  parsed.splice(0, parsed.length, ...kept);
}

/**
 * Guard 2 (mutation ids a client already applied) and guard 3 within one request (a row key
 * stands once), as one object: the engine calls them through it, so a test can take each away
 * and show the failure it prevents. See docs/protocol.md, "Duplicate guards".
 */
export const guards = {
  appliedBefore: previouslyApplied,
  rejectDuplicateKeys,
};

/** Runs one push and returns its per-row results, in the caller's language. */
export async function runPush(given: PushInput): Promise<PushResponse> {
  const { handler } = given;
  if (!handler.push || !handler.def.push)
    throw new AppError('dataset-not-pushable', { dataset: given.request.dataset });
  // A dataset declared all-or-nothing (allocations) is pushed so whatever the client asked.
  const input: PushInput =
    handler.def.pushAtomic === true && given.request.atomic !== true
      ? { ...given, request: { ...given.request, atomic: true } }
      : given;
  const { request } = input;
  const seen = await guards.appliedBefore(
    input.db,
    input.actor.clientId,
    request.mutations.map((m) => m.mutationId),
  );
  const outcomes: (MutationOutcome | undefined)[] = request.mutations.map((m) =>
    seen.get(m.mutationId),
  );
  guards.rejectDuplicateKeys(request.mutations, outcomes);
  const defaulted = await fillDefaults(input.db, {
    fields: fieldsOf(handler),
    mutations: request.mutations,
    locale: input.locale,
  });
  const parsed: ParsedMutation[] = [];
  defaulted.mutations.forEach((mutation, index) => {
    if (outcomes[index]) return;
    const result = validate(input, mutation, index);
    if ('status' in result) outcomes[index] = result;
    else parsed.push(result);
  });
  rejectSiblings(input, outcomes, parsed);
  const atomicFailed = request.atomic === true && outcomes.some((o) => o?.status === 'rejected');
  const respond = (applied: readonly MutationOutcome[]): PushResponse => {
    const all = [...outcomes];
    parsed.forEach((mutation, i) => {
      all[mutation.index] = applied[i] ?? rejected([]);
    });
    return toResponse(
      input,
      finishAtomic(input.request.atomic === true, all as MutationOutcome[]),
      defaulted.notices,
    );
  };
  if (parsed.length === 0 || atomicFailed) return respond([]);
  const applied = await applyInTransaction(input, parsed, respond);
  return applied.response ?? respond(applied.outcomes);
}
