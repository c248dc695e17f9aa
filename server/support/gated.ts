// The dealer-support registers are kept in `records` like master data (versions, conflicts,
// audit) behind a gate: the dataset's declared row rules and the handler's own checks first,
// then the master handler (docs/adding-a-dataset.md, "The handler"). A register without a
// natural key of its own gets one made of its fields (`keyOf`), as dealer scores do.
import type { DatasetDef, RuleContext } from '../../shared/dataset-def';
import type { RowProblem } from '../../shared/row-errors';
import { pushThroughGate, type GateResult } from '../analysis/gate';
import { masterHandler, pullRecords } from '../datasets/master';
import { scopeFor, type PlaceOf } from './scope';
import { rowKeyGuard } from '../datasets/records-store';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type ParsedUpsert,
  type PullRequest,
  type WriteContext,
} from '../sync/handler';

type Values = Record<string, unknown>;

interface GateSpec {
  /** The internal natural key made of the row's fields; absent when the dataset declares one. */
  keyOf?: (values: Values, rowKey: string) => string;
  /** Loads what `check` needs, once per push, and returns the check. */
  checks?: (
    ctx: WriteContext,
    upserts: readonly ParsedUpsert<Values>[],
  ) => Promise<(values: Values) => RowProblem[]>;
  /** Runs after the store applied the rows, in the push's transaction (kept tables). */
  after?: (ctx: WriteContext, result: GateResult<Values>) => Promise<void>;
  /** The pull's filter over a stored row's values. */
  matches?: (request: PullRequest) => Promise<(values: Values) => boolean>;
  /** The dealer or region a row names, for a region-limited sales user (scope.ts). */
  placeOf?: PlaceOf;
}

/** A region-limited user's refusal of a row outside their regions; null for everyone else. */
async function regionCheck(ctx: WriteContext, spec: GateSpec) {
  const { placeOf } = spec;
  const scope = placeOf ? await scopeFor(ctx.trx, ctx.actor.user) : null;
  if (!scope || !placeOf) return null;
  return (values: Values): RowProblem[] => {
    const { allowed, region } = scope(placeOf(values));
    return allowed ? [] : [{ code: 'region-not-allowed', params: { region } }];
  };
}

/** Rows whose stored version lies outside the user's regions: neither changed nor deleted. */
async function storedOutside(
  ctx: WriteContext,
  def: DatasetDef,
  input: { mutations: readonly ParsedMutation<Values>[]; region: (v: Values) => RowProblem[] },
) {
  const stored = await rowKeyGuard.find(
    ctx.trx,
    def.name,
    input.mutations.map((m) => m.rowKey),
  );
  const refused = new Map<number, MutationOutcome>();
  for (const m of input.mutations) {
    const record = stored.get(m.rowKey);
    const problems = record && !record.deleted ? input.region(record.values) : [];
    if (problems.length > 0) refused.set(m.index, { status: 'rejected', problems });
  }
  return refused;
}

const INTERNAL_KEY = 'recordKey';

export function gatedHandler(def: DatasetDef, spec: GateSpec = {}): DatasetHandler {
  const { keyOf } = spec;
  const inner = masterHandler(keyOf ? { ...def, naturalKey: INTERNAL_KEY } : def);
  return defineHandler(def, {
    async push(ctx, mutations) {
      const upserts = mutations.filter((m): m is ParsedUpsert<Values> => m.op === 'upsert');
      const own = spec.checks ? await spec.checks(ctx, upserts) : () => [];
      const region = await regionCheck(ctx, spec);
      const refused = region
        ? await storedOutside(ctx, def, { mutations, region })
        : new Map<number, MutationOutcome>();
      const passing = mutations.filter((m) => !refused.has(m.index));
      const rules: RuleContext = { attribute: () => undefined, role: ctx.actor.user.role };
      const check = (m: { values: Values }) => {
        const declared = (def.rules ?? []).flatMap((rule) => rule(m.values, rules));
        if (declared.length > 0) return declared;
        const outside = region ? region(m.values) : [];
        return outside.length > 0 ? outside : own(m.values);
      };
      const prepare = <M extends { values: Values; rowKey: string }>(m: M): M =>
        keyOf ? { ...m, values: { ...m.values, [INTERNAL_KEY]: keyOf(m.values, m.rowKey) } } : m;
      const result = await pushThroughGate(ctx, passing, { inner, check, prepare });
      if (spec.after) await spec.after(ctx, result);
      const outcomes = new Map(passing.map((m, i) => [m.index, result.outcomes[i]]));
      return mutations.map(
        (m): MutationOutcome =>
          refused.get(m.index) ?? outcomes.get(m.index) ?? { status: 'rejected', problems: [] },
      );
    },
    async pull(request) {
      const filter = spec.matches ? await spec.matches(request) : () => true;
      const scope = spec.placeOf ? await scopeFor(request.db, request.user) : null;
      const { placeOf } = spec;
      const matches = (v: Values) => filter(v) && (!scope || !placeOf || scope(placeOf(v)).allowed);
      const page = await pullRecords(def.name, request, matches);
      if (!keyOf) return page;
      // The internal key is the row's id; it does not travel as a column of its own.
      const rows = page.rows.map((row) => {
        const { [INTERNAL_KEY]: _internal, ...values } = row.values;
        return { ...row, values };
      });
      return { ...page, rows };
    },
  });
}
