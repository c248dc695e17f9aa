// The "dealer-reports" dataset (经销商销存报表): a sales assistant types each dealer's monthly or
// weekly sheet, one row per SKU: units sold to consumers and closing stock. A report is named
// by dealer × SKU × period, so pushing a period again replaces it whatever row it comes from
// (no base version needed: the dealer's latest sheet is the truth); the replacement is audited
// as a correction with the figures before and after. docs/sell-out.md.
import { dealerReportsDataset } from '../../shared/sellout/datasets';
import { periodRange } from '../../shared/sellout/period';
import type { DealerReportValues } from '../../shared/sellout/rows';
import type { DealerReportsTable } from '../store/schema';
import { rowStamp } from '../sync/changes';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type PullPage,
  type PullRequest,
  type WriteContext,
} from '../sync/handler';
import { loadRefs, refProblems, regionProblems, type SelloutRefs } from './refs';
import { reportId, reportsById, reportsByRowKey, reportValues, saveReports } from './reports-store';
import { inDates, inScope, scopeOf } from './scope';

type Mutation = ParsedMutation<DealerReportValues>;

interface Run {
  refs: SelloutRefs;
  byId: Map<string, DealerReportsTable>;
  byRowKey: Map<string, DealerReportsTable>;
  writes: Map<string, DealerReportsTable>;
}

const same = (a: DealerReportsTable, b: DealerReportsTable) =>
  JSON.stringify(reportValues(a)) === JSON.stringify(reportValues(b));

function write(run: Run, next: DealerReportsTable, before?: DealerReportsTable): MutationOutcome {
  run.writes.set(next.id, next);
  run.byId.set(next.id, next);
  const action = next.deleted ? 'delete' : before ? 'correct' : 'create';
  run.refs.ctx.audit({
    dataset: dealerReportsDataset.name,
    recordKey: next.row_key,
    recordId: next.id,
    version: next.version,
    action,
    before: before ? reportValues(before) : null,
    after: reportValues(next),
  });
  return { status: 'applied', id: next.id, version: next.version, problems: [] };
}

function upsert(run: Run, m: Mutation & { op: 'upsert' }): MutationOutcome {
  const v = m.values;
  const problems = refProblems(run.refs, v);
  if (problems.length > 0) return { status: 'rejected', problems };
  const id = reportId(v.dealerCode, v.skuCode, v.period);
  const range = periodRange(v.period);
  if (!range)
    return { status: 'rejected', problems: [{ field: 'period', code: 'sellout-invalid-period' }] };
  const stored = run.byId.get(id);
  const live = stored && stored.deleted === 0 ? stored : undefined;
  const next: DealerReportsTable = {
    id,
    row_key: m.rowKey,
    dealer_code: v.dealerCode,
    sku_code: v.skuCode,
    period: v.period,
    period_start: range.start,
    period_end: range.end,
    units_sold: v.unitsSold,
    closing_stock: v.closingStock,
    opening_stock: v.openingStock ?? null,
    scope_region: run.refs.dealerRegions.get(v.dealerCode) ?? '',
    deleted: 0,
    version: (stored?.version ?? 0) + 1,
    change_seq: 0,
    updated_at: '',
    updated_by: '',
  };
  if (live && same(live, next) && live.row_key === m.rowKey)
    return { status: 'unchanged', id, version: live.version, problems: [] };
  retireEditedRow(run, m.rowKey, id);
  return write(run, { ...next, ...rowStamp(run.refs.ctx, next.version) }, live);
}

/**
 * A sheet row whose dealer, SKU or period was edited names another report now: the report it
 * named before is deleted, so it no longer counts in the check.
 */
function retireEditedRow(run: Run, rowKey: string, id: string) {
  const found = run.byRowKey.get(rowKey);
  const current = found && run.byId.get(found.id);
  if (!current || current.deleted !== 0 || current.id === id || current.row_key !== rowKey) return;
  write(run, { ...current, ...rowStamp(run.refs.ctx, current.version + 1), deleted: 1 }, current);
}

function remove(run: Run, m: Mutation): MutationOutcome {
  const found = run.byRowKey.get(m.rowKey);
  const live = found && run.byId.get(found.id);
  if (!live || live.deleted !== 0 || live.row_key !== m.rowKey)
    return { status: 'unchanged', problems: [] };
  const refused = regionProblems(run.refs, live.scope_region);
  if (refused.length > 0) return { status: 'rejected', problems: refused };
  const stamp = rowStamp(run.refs.ctx, live.version + 1);
  return write(run, { ...live, ...stamp, deleted: 1 }, live);
}

async function pushReports(ctx: WriteContext, mutations: readonly Mutation[]) {
  const upserts = mutations.flatMap((m) => (m.op === 'upsert' ? [m.values] : []));
  const ids = upserts.map((v) => reportId(v.dealerCode, v.skuCode, v.period));
  const byRowKey = await reportsByRowKey(
    ctx.trx,
    mutations.map((m) => m.rowKey),
  );
  const byId = await reportsById(ctx.trx, [...ids, ...[...byRowKey.values()].map((r) => r.id)]);
  const run: Run = { refs: await loadRefs(ctx, upserts), byId, byRowKey, writes: new Map() };
  const outcomes = mutations.map((m) => (m.op === 'upsert' ? upsert(run, m) : remove(run, m)));
  await saveReports(ctx.trx, [...run.writes.values()]);
  return outcomes;
}

async function pullReports(request: PullRequest): Promise<PullPage> {
  const rows = await request.db
    .selectFrom('dealer_reports')
    .selectAll()
    .where('change_seq', '>', request.afterSeq)
    .orderBy('change_seq')
    .limit(request.limit)
    .execute();
  const scope = await scopeOf(request);
  const page: PullPage['rows'] = [];
  for (const row of rows) {
    const live = row.deleted === 0 && inScope(row, scope) && inDates(row, request.filter);
    if (!live && row.change_seq <= request.skipTombstonesUpTo) continue;
    page.push({
      key: row.row_key,
      version: row.version,
      op: live ? 'upsert' : 'delete',
      values: reportValues(row),
      seq: row.change_seq,
    });
  }
  return { rows: page, hasMore: rows.length === request.limit };
}

export function dealerReportsHandler() {
  return defineHandler(dealerReportsDataset, { push: pushReports, pull: pullReports });
}
