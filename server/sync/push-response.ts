// A push's answer: one result per mutation, in the caller's language, with the summary
// (docs/protocol.md, "Push"); and the field descriptions its messages name fields by.
import type { Locale } from '../../shared/locale';
import { describeDataset, type FieldDescription } from '../../shared/meta';
import type { PushRequest, PushResponse, RowResult, RowStatus } from '../../shared/protocol';
import { describeProblems, type RowProblem } from '../../shared/row-errors';
import type { DatasetHandler, MutationOutcome } from './handler';

const describedFields = new WeakMap<DatasetHandler, FieldDescription[]>();

/** The dataset's field descriptions, worked out once per handler rather than once per row. */
export function fieldsOf(handler: DatasetHandler): FieldDescription[] {
  let fields = describedFields.get(handler);
  if (!fields) {
    fields = describeDataset(handler.def).fields;
    describedFields.set(handler, fields);
  }
  return fields;
}

/** In an all-or-nothing batch with a failure, every row that would have applied says why it did not. */
export function finishAtomic(atomic: boolean, outcomes: MutationOutcome[]): MutationOutcome[] {
  if (!atomic || !outcomes.some((o) => o.status === 'rejected' || o.status === 'conflict'))
    return outcomes;
  return outcomes.map((o) =>
    o.status === 'applied' || (o.status === 'rejected' && o.problems.length === 0)
      ? { status: 'rejected', problems: [{ code: 'atomic-aborted' }] }
      : o,
  );
}

export function toResponse(
  input: { handler: DatasetHandler; request: PushRequest; locale: Locale },
  outcomes: MutationOutcome[],
  notices: ReadonlyMap<number, RowProblem[]>,
): PushResponse {
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
    const taken = notices.get(index);
    if (taken && (outcome.status === 'applied' || outcome.status === 'unchanged'))
      result.notices = describeProblems(taken, fields, input.locale);
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
