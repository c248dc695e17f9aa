// What the push engine (push.ts) reads and writes around a handler, in the same transaction:
// guard 2 against duplicates — each client's applied mutation ids with the answer a repeat gets
// — and the audit trail of every write.
import type { Db } from '../store/db';
import { bulkWriter } from '../store/bulk';
import type { WriteTarget } from '../store/write-queue';
import type { Actor, AuditEntry, MutationOutcome, ParsedMutation } from './handler';

/** Guard 2: what this client's mutations already applied answered, by mutation id. */
export async function previouslyApplied(
  db: Db,
  clientId: string,
  ids: string[],
): Promise<Map<string, MutationOutcome>> {
  const found = new Map<string, MutationOutcome>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('applied_mutations')
      .select(['mutation_id', 'result'])
      .where('client_id', '=', clientId)
      .where('mutation_id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.mutation_id, replayOf(row.result));
  }
  return found;
}

const writeAudit = bulkWriter({
  table: 'audit',
  columns: [
    'at',
    'username',
    'role',
    'workbook_id',
    'client_id',
    'dataset',
    'record_key',
    'record_id',
    'version',
    'action',
    'before',
    'after',
  ],
});

const json = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value);

/** The audit trail: who, when, from which workbook and client, before and after. */
export async function recordAudit(
  trx: WriteTarget,
  actor: Actor,
  entries: AuditEntry[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await writeAudit(
    trx,
    entries.map((e) => ({
      at,
      username: actor.user.username,
      role: actor.user.role,
      workbook_id: actor.workbookId,
      client_id: actor.clientId,
      dataset: e.dataset,
      record_key: e.recordKey,
      record_id: e.recordId,
      version: e.version,
      action: e.action,
      before: json(e.before),
      after: json(e.after),
    })),
  );
}

/**
 * What a repeated mutation answers is the applied outcome as `unchanged`; it is stored without
 * what every such answer has (the status, an empty problem list), a row per mutation applied.
 */
function storedReplay(outcome: MutationOutcome): string {
  const stored: Partial<MutationOutcome> = {};
  if (outcome.id !== undefined) stored.id = outcome.id;
  if (outcome.version !== undefined) stored.version = outcome.version;
  if (outcome.problems.length > 0) stored.problems = outcome.problems;
  if (outcome.serverValues) stored.serverValues = outcome.serverValues;
  return JSON.stringify(stored);
}

/** The answer a stored replay gives (rows stored whole, with status and problems, read too). */
function replayOf(text: string): MutationOutcome {
  const stored = JSON.parse(text) as Partial<MutationOutcome>;
  const replay: MutationOutcome = { status: 'unchanged', problems: stored.problems ?? [] };
  if (stored.id !== undefined) replay.id = stored.id;
  if (stored.version !== undefined) replay.version = stored.version;
  if (stored.serverValues) replay.serverValues = stored.serverValues;
  return replay;
}

const writeApplied = bulkWriter({
  table: 'applied_mutations',
  columns: ['client_id', 'mutation_id', 'dataset', 'result', 'created_at'],
  onConflict: (insert) => insert.onConflict((oc) => oc.doNothing()),
});

/** Guard 2: the client's applied mutation ids, each with what a repeat of it answers. */
export async function rememberApplied(
  trx: WriteTarget,
  input: { clientId: string; dataset: string; now: Date },
  pairs: (readonly [ParsedMutation, MutationOutcome])[],
): Promise<void> {
  const at = input.now.toISOString();
  await writeApplied(
    trx,
    pairs
      .filter(([, outcome]) => outcome.status === 'applied')
      .map(([mutation, outcome]) => ({
        client_id: input.clientId,
        mutation_id: mutation.mutationId,
        dataset: input.dataset,
        result: storedReplay(outcome),
        created_at: at,
      })),
  );
}
