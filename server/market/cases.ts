// The "market-cases" dataset's push: a step of a case's workflow (shared/market/case-flow.ts),
// by role, on the version it was based on, audited with the step's verb. Handling a case with a
// penalty takes the penalty out of the consignee's deposit (deposits.ts) in the same
// transaction, once per case. docs/market-order.md.
import { checkCaseMove } from '../../shared/market/case-flow';
import type { CaseStatus, MarketCaseValues } from '../../shared/market/case-rows';
import { marketCasesDataset } from '../../shared/market/datasets';
import type { RowProblem } from '../../shared/row-errors';
import { rowStamp } from '../sync/changes';
import { DocNumbers } from '../sync/doc-numbers';
import type { MutationOutcome, ParsedMutation, ParsedUpsert, WriteContext } from '../sync/handler';
import { bookDeposit } from './deposits';
import { dealerScope, serves } from './scope';
import { mkt, type MarketCasesTable } from './tables';

type Mutation = ParsedMutation<MarketCaseValues>;
const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });

function stepProblems(
  ctx: WriteContext,
  stored: MarketCasesTable,
  v: MarketCaseValues,
): RowProblem[] {
  const from = stored.status as CaseStatus;
  const check = checkCaseMove(from, v.status, ctx.actor.user.role);
  if (!check.ok && check.code === 'market-case-move-refused')
    return [{ field: 'status', code: check.code, params: { from, to: v.status } }];
  if (!check.ok)
    return [
      {
        field: 'status',
        code: check.code,
        params: { to: v.status, roles: check.roles.join(', ') },
      },
    ];
  if (v.status === 'handled' && (v.penalty === undefined || v.measures === undefined))
    return [
      {
        field: v.penalty === undefined ? 'penalty' : 'measures',
        code: 'market-case-penalty-required',
      },
    ];
  return [];
}

async function step(
  ctx: WriteContext,
  m: ParsedUpsert<MarketCaseValues>,
  stored: MarketCasesTable,
  numbers: DocNumbers,
): Promise<MutationOutcome> {
  const v = m.values;
  const next: MarketCasesTable = {
    ...stored,
    status: v.status,
    findings: v.findings ?? null,
    penalty: v.status === 'handled' ? (v.penalty ?? 0) : null,
    measures: v.measures ?? null,
  };
  const same = (['status', 'findings', 'penalty', 'measures'] as const).every(
    (k) => next[k] === stored[k],
  );
  if (same) return { status: 'unchanged', id: stored.id, version: stored.version, problems: [] };
  if (m.baseVersion !== stored.version) {
    const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
    return { status: 'conflict', problems: [{ code, params: { version: stored.version } }] };
  }
  const problems = stepProblems(ctx, stored, v);
  if (problems.length > 0) return rejected(problems);
  const row = { ...next, ...rowStamp(ctx, stored.version + 1) };
  await mkt(ctx.trx).updateTable('market_cases').set(row).where('id', '=', row.id).execute();
  const action = stored.status === v.status ? 'update' : v.status;
  const audit = {
    dataset: marketCasesDataset.name,
    recordKey: m.rowKey,
    recordId: row.id,
    version: row.version,
  };
  ctx.audit({ ...audit, action, before: stored, after: row });
  if (v.status === 'handled' && row.penalty !== null && row.penalty > 0) {
    const entry = {
      rowKey: `penalty:${row.id}`,
      dealer: row.dealer_code,
      date: ctx.today,
      kind: 'penalty' as const,
    };
    await bookDeposit(ctx, numbers, {
      ...entry,
      amount: row.penalty,
      caseId: row.id,
      remark: v.measures,
    });
  }
  return { status: 'applied', id: row.id, version: row.version, problems: [] };
}

export async function pushCases(
  ctx: WriteContext,
  mutations: readonly Mutation[],
): Promise<MutationOutcome[]> {
  const ids = mutations.map((m) => (m.op === 'upsert' ? m.values.id : m.rowKey));
  const stored = new Map(
    (
      await mkt(ctx.trx).selectFrom('market_cases').selectAll().where('id', 'in', ids).execute()
    ).map((r) => [r.id, r]),
  );
  const numbers = await DocNumbers.open(ctx.trx, 'DP', ctx.today);
  const scope = await dealerScope(ctx.trx, ctx.actor.user);
  const outcomes: MutationOutcome[] = [];
  for (const m of mutations) {
    if (m.op === 'delete') {
      outcomes.push(
        rejected([{ code: 'market-case-move-refused', params: { from: '—', to: 'delete' } }]),
      );
      continue;
    }
    const current = stored.get(m.values.id);
    if (!current) {
      const params = { value: m.values.id };
      outcomes.push(rejected([{ field: 'id', code: 'market-case-unknown', params }]));
      continue;
    }
    if (!serves(scope, current.dealer_code)) {
      const params = { region: scope.regionOf(current.dealer_code) };
      outcomes.push(rejected([{ field: 'id', code: 'region-not-allowed', params }]));
      continue;
    }
    const outcome = await step(ctx, m, current, numbers);
    outcomes.push(outcome);
    // A later row of this push naming the same case sees this step.
    if (outcome.status === 'applied') {
      const after = await mkt(ctx.trx)
        .selectFrom('market_cases')
        .selectAll()
        .where('id', '=', current.id)
        .executeTakeFirst();
      if (after) stored.set(after.id, after);
    }
  }
  await numbers.flush();
  return outcomes;
}
