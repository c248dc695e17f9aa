// The "stock-differences" dataset (进销存差异): the pull lists every report whose reported closing
// stock differs from the expected one (stock-check.ts) and that no reason explains yet; the sales
// assistant types a reason in the sheet and pushes it back. A reason is kept with the difference
// it explains: when later figures (a corrected report, a late shipment) change the difference,
// the row is open again. Each reason is audited. docs/sell-out.md.
import { stockDifferencesDataset } from '../../shared/sellout/datasets';
import type { z } from 'zod';
import type { stockDifferenceReasonSchema } from '../../shared/sellout/rows';
import { compact, pageSnapshot } from '../analysis/snapshot';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type PullRequest,
  type WriteContext,
} from '../sync/handler';
import { loadRefs, refProblems } from './refs';
import { reportId } from './reports-store';
import { inDates, inScope, scopeOf } from './scope';
import { checkReports, type CheckedLine } from './stock-check';

type Reason = z.output<typeof stockDifferenceReasonSchema>;
type Mutation = ParsedMutation<Reason>;

function pullValues(line: CheckedLine) {
  return compact({
    dealerCode: line.report.dealer_code,
    skuCode: line.report.sku_code,
    period: line.period,
    opening: line.opening,
    shipped: line.shipped,
    returns: line.returns,
    transfersOut: line.transfersOut,
    transfersIn: line.transfersIn,
    sold: line.sold,
    expectedClosing: line.expectedClosing,
    reportedClosing: line.reportedClosing,
    difference: line.difference,
    value: line.value,
    reason: line.reason,
  });
}

async function pullDifferences(request: PullRequest) {
  const scope = await scopeOf(request);
  const lines = await checkReports(request.db, scope.dealer ? { dealer: scope.dealer } : {});
  const open = lines.filter(
    (line) =>
      line.difference !== 0 &&
      line.reason === undefined &&
      inScope(line.report, scope) &&
      inDates(line.report, request.filter),
  );
  return pageSnapshot(
    open.map((line) => ({ key: line.report.id, values: pullValues(line) })),
    request,
  );
}

async function explain(
  ctx: WriteContext,
  m: Mutation & { op: 'upsert' },
): Promise<MutationOutcome> {
  const v = m.values;
  const id = reportId(v.dealerCode, v.skuCode, v.period);
  const lines = await checkReports(ctx.trx, { dealer: v.dealerCode, sku: v.skuCode });
  const line = lines.find((l) => l.report.id === id);
  const params = { dealer: v.dealerCode, sku: v.skuCode, period: v.period };
  if (!line)
    return {
      status: 'rejected',
      problems: [{ field: 'period', code: 'sellout-report-missing', params }],
    };
  if (line.difference === 0)
    return {
      status: 'rejected',
      problems: [{ field: 'reason', code: 'sellout-no-difference', params }],
    };
  const before = await ctx.trx
    .selectFrom('stock_difference_reasons')
    .selectAll()
    .where('report_id', '=', id)
    .executeTakeFirst();
  const next = {
    report_id: id,
    reason: v.reason,
    difference: line.difference,
    updated_at: ctx.now.toISOString(),
    updated_by: ctx.actor.user.username,
  };
  if (before && before.reason === next.reason && before.difference === next.difference)
    return { status: 'unchanged', id, problems: [] };
  await ctx.trx
    .insertInto('stock_difference_reasons')
    .values(next)
    .onConflict((oc) =>
      oc.column('report_id').doUpdateSet({
        reason: next.reason,
        difference: next.difference,
        updated_at: next.updated_at,
        updated_by: next.updated_by,
      }),
    )
    .execute();
  ctx.audit({
    dataset: stockDifferencesDataset.name,
    recordKey: m.rowKey,
    recordId: id,
    version: line.report.version,
    action: 'explain',
    before: before ? { reason: before.reason, difference: before.difference } : null,
    after: { reason: next.reason, difference: next.difference },
  });
  return { status: 'applied', id, problems: [] };
}

async function pushReasons(ctx: WriteContext, mutations: readonly Mutation[]) {
  const refs = await loadRefs(
    ctx,
    mutations.flatMap((m) => (m.op === 'upsert' ? [m.values] : [])),
  );
  const outcomes: MutationOutcome[] = [];
  for (const m of mutations) {
    if (m.op === 'delete') {
      outcomes.push({ status: 'unchanged', problems: [] });
      continue;
    }
    const problems = refProblems(refs, m.values);
    outcomes.push(problems.length > 0 ? { status: 'rejected', problems } : await explain(ctx, m));
  }
  return outcomes;
}

export function stockDifferencesHandler() {
  return defineHandler(stockDifferencesDataset, { push: pushReasons, pull: pullDifferences });
}
