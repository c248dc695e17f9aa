// The `sample-issues` push (样品与宣传物料发放): an issue is a zero-price stock issue to a dealer
// (a `sample-issue` line in the stock ledger, out of the location issued from), charged to the
// dealer's marketing budget at the item's reference price — its dealer price when issued. The
// units and value per dealer, season and item are kept in `sample_use` in the push's
// transaction, so the quota check reads one row per key, never the issues' history. An issue
// over the quota of the dealer's grade for the season is refused unless a manager pushes with
// `overQuota: true`; an issue once made does not change but for its remark — delete it (its
// units and stock come back) and issue again. See docs/dealer-support.md.
import { sampleIssuesDataset } from '../../shared/support/datasets';
import type { SampleIssueValues } from '../../shared/support/samples';
import { managers } from '../../shared/roles';
import type { RowProblem } from '../../shared/row-errors';
import { rowKeyGuard } from '../datasets/records-store';
import {
  defineHandler,
  type DatasetHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { gatedHandler } from './gated';
import { dealerNamedBy } from './scope';
import { countUse, openSampleRun, quotaProblems, takeStock, type SampleRun } from './sample-run';
import { saveUse } from './sample-use-store';

type Issue = SampleIssueValues & { value?: number };
type Values = Record<string, unknown>;
const fixedFields = [
  'issueRef',
  'issueDate',
  'season',
  'dealerCode',
  'skuCode',
  'quantity',
  'locationCode',
] as const;

const issuesStore = gatedHandler(sampleIssuesDataset, {
  placeOf: dealerNamedBy('dealerCode'),
  matches: (request) => {
    const { from, to, dealer } = request.filter;
    return Promise.resolve((v: Values) => {
      const date = String(v.issueDate);
      return (!dealer || v.dealerCode === dealer) && (!from || date >= from) && (!to || date <= to);
    });
  },
});

/** Judges one mutation: refused with problems, or passed on to the store (as it should be stored). */
function judge(run: SampleRun, m: ParsedMutation<SampleIssueValues>, before: Issue | undefined) {
  if (m.op === 'delete') return { passed: m };
  if (before) {
    // Only the remark may change (the store versions it); the issue itself is refused.
    const same = fixedFields.every((f) => before[f] === m.values[f]);
    const { remark: _old, ...kept } = before;
    const remark = m.values.remark === undefined ? {} : { remark: m.values.remark };
    return same
      ? { passed: { ...m, values: { ...kept, ...remark } } }
      : { problems: [{ code: 'sample-issue-fixed' as const }] };
  }
  const problems = quotaProblems(run, m.values);
  if (problems.length === 0) problems.push(...takeStock(run, m.values));
  if (problems.length > 0) return { problems };
  const referencePrice = run.prices.get(m.values.skuCode) ?? 0;
  const values = { ...m.values, referencePrice, value: referencePrice * m.values.quantity };
  countUse(run, values, 1);
  return { passed: { ...m, values } };
}

/** What an applied row does to the stock and the kept use; rows not applied give back their units. */
function settle(
  run: SampleRun,
  entry: { m: ParsedMutation<Issue>; before?: Issue | undefined; applied: boolean },
) {
  const { m, before, applied } = entry;
  const stock = (v: Issue, units: number) =>
    run.book.change({
      kind: 'sample-issue',
      location: v.locationCode,
      sku: v.skuCode,
      date: v.issueDate,
      ref: v.issueRef,
      onHand: units,
    });
  if (m.op === 'delete') {
    if (applied && before) {
      countUse(run, before, -1);
      stock(before, before.quantity);
    }
    return;
  }
  if (before) return;
  if (applied) stock(m.values, -m.values.quantity);
  else countUse(run, m.values, -1);
}

async function pushIssues(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<SampleIssueValues>[],
) {
  if (ctx.options.overQuota === true && !managers.includes(ctx.actor.user.role)) {
    const problems: RowProblem[] = [
      { code: 'option-needs-manager', params: { option: 'overQuota' } },
    ];
    return mutations.map((): MutationOutcome => ({ status: 'rejected', problems }));
  }
  const stored = await rowKeyGuard.find(
    ctx.trx,
    sampleIssuesDataset.name,
    mutations.map((m) => m.rowKey),
  );
  const before = new Map(
    [...stored].filter(([, r]) => !r.deleted).map(([k, r]) => [k, r.values as unknown as Issue]),
  );
  const issues = [
    ...mutations.flatMap((m) => (m.op === 'upsert' ? [m.values] : [])),
    ...before.values(),
  ];
  const run = await openSampleRun(ctx, issues);
  const refused = new Map<number, RowProblem[]>();
  const passed: ParsedMutation<Issue>[] = [];
  for (const m of mutations) {
    const judged = judge(run, m, before.get(m.rowKey));
    if (judged.passed) passed.push(judged.passed);
    else refused.set(m.index, judged.problems);
  }
  const outcomes = issuesStore.push ? await issuesStore.push(ctx, passed) : [];
  passed.forEach((m, i) => {
    settle(run, { m, before: before.get(m.rowKey), applied: outcomes[i]?.status === 'applied' });
  });
  await saveUse(ctx.trx, [...run.use.values()]);
  await run.book.flush(ctx);
  const byIndex = new Map(passed.map((m, i) => [m.index, outcomes[i]]));
  return mutations.map(
    (m): MutationOutcome =>
      byIndex.get(m.index) ?? { status: 'rejected', problems: refused.get(m.index) ?? [] },
  );
}

export function sampleIssuesHandler(): DatasetHandler {
  const pull = issuesStore.pull;
  if (!pull) throw new Error('the gated handler pulls');
  return defineHandler(sampleIssuesDataset, { push: pushIssues, pull });
}
