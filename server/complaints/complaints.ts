// The "complaints" dataset (客诉): sales assistants and customer service log complaints and
// update them as they answer and resolve. Each row is checked with the dataset's row rules (as
// the add-in runs them), its dealer, SKU and region must exist, and a sales user limited to
// regions may only log or change complaints of those regions. Due times are set from the
// priority's service level when the complaint is logged, and again only when its opening time
// or priority changes. An update needs the version it was based on.
import { complaintsDataset } from '../../shared/complaints/datasets';
import type { ComplaintValues } from '../../shared/complaints/rows';
import { dueTimes } from '../../shared/complaints/sla';
import { shanghaiToMs, shanghaiToUtc } from '../../shared/local-time';
import type { RowProblem } from '../../shared/row-errors';
import { loadRegions, userMayServe, type RegionRef } from '../datasets/stock-refs';
import { recordsById } from '../datasets/records-store';
import type { ComplaintsTable } from '../store/schema';
import { rowStamp } from '../sync/changes';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type WriteContext,
} from '../sync/handler';
import { pullComplaints } from './complaints-pull';
import { loadServiceLevels, type ServiceLevels } from './slas';
import { DocNumbers } from '../sync/doc-numbers';
import { complaintsByKey, saveComplaints, typedValues } from './store';

interface Run {
  ctx: WriteContext;
  dealerRegions: Map<string, string>;
  skus: Set<string>;
  regions: RegionRef[];
  levels: ServiceLevels;
  take: () => string;
  writes: ComplaintsTable[];
}

type Mutation = ParsedMutation<ComplaintValues>;
const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });
const utc = (text: string | undefined) => (text === undefined ? null : shanghaiToUtc(text));

function referenceProblems(run: Run, v: ComplaintValues): RowProblem[] {
  const problems: RowProblem[] = [];
  if (v.dealerCode !== undefined && !run.dealerRegions.has(v.dealerCode))
    problems.push({ field: 'dealerCode', code: 'unknown-dealer', params: { value: v.dealerCode } });
  if (!run.skus.has(v.skuCode))
    problems.push({ field: 'skuCode', code: 'unknown-sku', params: { value: v.skuCode } });
  const { regionCode } = v;
  if (regionCode !== undefined && !run.regions.some((r) => r.code === regionCode))
    problems.push({ field: 'regionCode', code: 'unknown-region', params: { value: regionCode } });
  return problems;
}

/** A sales user limited to regions serves only complaints of those regions (or below them). */
function regionProblems(run: Run, scopeRegion: string, field: string): RowProblem[] {
  if (userMayServe(run.ctx.actor.user, scopeRegion, run.regions)) return [];
  return [{ field, code: 'region-not-allowed', params: { region: scopeRegion } }];
}

function columns(run: Run, v: ComplaintValues, stored?: ComplaintsTable) {
  const openedAt = shanghaiToUtc(v.openedAt);
  const keepsDue = stored && stored.opened_at === openedAt && stored.priority === v.priority;
  const due = dueTimes(shanghaiToMs(v.openedAt), run.levels[v.priority]);
  return {
    opened_at: openedAt,
    priority: v.priority,
    dealer_code: v.dealerCode ?? null,
    consumer_name: v.consumerName ?? null,
    consumer_phone: v.consumerPhone ?? null,
    region_code: v.regionCode ?? null,
    scope_region: (v.dealerCode && run.dealerRegions.get(v.dealerCode)) || (v.regionCode ?? ''),
    sku_code: v.skuCode,
    batch_code: v.batchCode ?? null,
    description: v.description,
    first_response_at: utc(v.firstResponseAt),
    resolved_at: utc(v.resolvedAt),
    root_cause: v.rootCause ?? null,
    fix: v.fix ?? null,
    first_response_due: keepsDue
      ? stored.first_response_due
      : new Date(due.firstResponseDue).toISOString(),
    resolution_due: keepsDue ? stored.resolution_due : new Date(due.resolutionDue).toISOString(),
  };
}

function write(run: Run, next: ComplaintsTable, before?: ComplaintsTable): MutationOutcome {
  run.writes.push(next);
  const action = next.deleted ? 'delete' : before ? 'update' : 'create';
  run.ctx.audit({
    dataset: complaintsDataset.name,
    recordKey: next.row_key,
    recordId: next.id,
    version: next.version,
    action,
    before: before ?? null,
    after: next,
  });
  return { status: 'applied', id: next.id, version: next.version, problems: [] };
}

function checkUpsert(run: Run, m: Mutation & { op: 'upsert' }, stored?: ComplaintsTable) {
  const rules = { attribute: () => undefined, role: run.ctx.actor.user.role };
  const problems: RowProblem[] = [
    ...(complaintsDataset.rules ?? []).flatMap((rule) => rule(m.values, rules)),
    ...referenceProblems(run, m.values),
  ];
  if (problems.length > 0) return { problems };
  const next = columns(run, m.values, stored);
  const scope = [
    ...(stored ? regionProblems(run, stored.scope_region, 'dealerCode') : []),
    ...regionProblems(run, next.scope_region, m.values.dealerCode ? 'dealerCode' : 'regionCode'),
  ];
  return scope.length > 0 ? { problems: scope.slice(0, 1) } : { next };
}

function applyOne(run: Run, m: Mutation, stored?: ComplaintsTable): MutationOutcome {
  const live = stored && !stored.deleted ? stored : undefined;
  if (m.op === 'delete') {
    if (!live) return { status: 'unchanged', problems: [] };
    const refused = regionProblems(run, live.scope_region, 'dealerCode');
    if (refused.length > 0) return rejected(refused);
    if (m.baseVersion !== live.version)
      return {
        status: 'conflict',
        problems: [{ code: 'stale-version', params: { version: live.version } }],
      };
    return write(run, { ...live, ...rowStamp(run.ctx, live.version + 1), deleted: 1 }, live);
  }
  const checked = checkUpsert(run, m, live);
  if (!checked.next) return rejected(checked.problems);
  if (live) {
    const same =
      JSON.stringify(typedValues(live)) ===
      JSON.stringify(typedValues({ ...live, ...checked.next }));
    if (same) return { status: 'unchanged', id: live.id, version: live.version, problems: [] };
    if (m.baseVersion !== live.version) {
      const code = m.baseVersion === undefined ? 'missing-base-version' : 'stale-version';
      return { status: 'conflict', problems: [{ code, params: { version: live.version } }] };
    }
  }
  const id = stored?.id ?? run.take();
  const version = (stored?.version ?? 0) + 1;
  const row = { id, row_key: m.rowKey, ...checked.next, deleted: 0 };
  return write(run, { ...row, ...rowStamp(run.ctx, version) }, live);
}

async function openRun(ctx: WriteContext, mutations: readonly Mutation[]) {
  const wanted = (pick: (v: ComplaintValues) => string | undefined) =>
    mutations.flatMap((m) => (m.op === 'upsert' ? [pick(m.values) ?? ''] : []));
  const dealers = await recordsById(
    ctx.trx,
    'dealers',
    wanted((v) => v.dealerCode),
  );
  const products = await recordsById(
    ctx.trx,
    'products',
    wanted((v) => v.skuCode),
  );
  const live = [...dealers.values()].filter((r) => !r.deleted);
  const numbers = await DocNumbers.open(ctx.trx, 'CP', ctx.today);
  const run: Run = {
    ctx,
    dealerRegions: new Map(live.map((r) => [r.id, String(r.values.regionCode)])),
    skus: new Set([...products.values()].filter((r) => !r.deleted).map((r) => r.id)),
    regions: await loadRegions(ctx.trx),
    levels: await loadServiceLevels(ctx.trx),
    take: () => numbers.take(),
    writes: [],
  };
  return { run, flush: () => numbers.flush() };
}

async function pushComplaints(ctx: WriteContext, mutations: readonly Mutation[]) {
  const stored = await complaintsByKey(
    ctx.trx,
    mutations.map((m) => m.rowKey),
  );
  const { run, flush } = await openRun(ctx, mutations);
  const outcomes = mutations.map((m) => applyOne(run, m, stored.get(m.rowKey)));
  await saveComplaints(ctx.trx, run.writes);
  await flush();
  return outcomes;
}

export function complaintsHandler() {
  return defineHandler(complaintsDataset, { push: pushComplaints, pull: pullComplaints });
}
