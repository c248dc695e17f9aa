// Pushes that check each row with a shared rule first, then store it like master data
// (versions, conflicts, audit) through the master handler. A refused row never reaches the
// store and never fails its neighbours.
import type { RowProblem } from '../../shared/row-errors';
import type {
  DatasetHandler,
  MutationOutcome,
  ParsedMutation,
  ParsedUpsert,
  WriteContext,
} from '../sync/handler';

type Values = Record<string, unknown>;

/** `V`: the values the dataset's push schema gives; `W`: what `prepare` makes of them. */
interface Gate<V extends Values, W extends Values = V> {
  /** Problems of an upsert's values; deletes always pass. */
  check: (m: ParsedUpsert<V>) => RowProblem[];
  /** Adds derived values (an internal natural key) to a row that passed. */
  prepare?: (m: ParsedUpsert<V>) => ParsedUpsert<W>;
}

export interface GateResult<V extends Values> {
  outcomes: MutationOutcome[];
  /** The mutations the store applied (as prepared), with their outcome. */
  applied: [ParsedMutation<V>, MutationOutcome][];
}

export async function pushThroughGate<V extends Values, W extends Values = V>(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<V>[],
  gate: Gate<V, W> & { inner: DatasetHandler },
): Promise<GateResult<V | W>> {
  const outcomes = new Map<number, MutationOutcome>();
  const passed: ParsedMutation<V | W>[] = [];
  for (const m of mutations) {
    const problems = m.op === 'delete' ? [] : gate.check(m);
    if (problems.length > 0) outcomes.set(m.index, { status: 'rejected', problems });
    else passed.push(m.op === 'delete' || !gate.prepare ? m : gate.prepare(m));
  }
  const stored = passed.length > 0 && gate.inner.push ? await gate.inner.push(ctx, passed) : [];
  const applied: [ParsedMutation<V | W>, MutationOutcome][] = [];
  passed.forEach((m, i) => {
    const outcome = stored[i];
    if (!outcome) return;
    outcomes.set(m.index, outcome);
    if (outcome.status === 'applied') applied.push([m, outcome]);
  });
  return {
    outcomes: mutations.map((m) => outcomes.get(m.index) ?? { status: 'rejected', problems: [] }),
    applied,
  };
}
