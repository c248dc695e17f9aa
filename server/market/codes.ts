// The "trace-codes" dataset: code lists imported from packing (unit → case → pallet) and from
// shipments (the consignee dealer). A code is its own key: a shipment's list naming a code
// already packed binds it to the dealer and keeps its parent; a blank column keeps what was
// stored; a shipment number of the store names the dealer (code-consignee.ts). A parent must
// exist (stored, or in the same push) and sit one level up. Pulls key rows by code and honour
// the dealer filter. docs/market-order.md.
import { traceCodesDataset } from '../../shared/market/datasets';
import type { CodeLevel, TraceCodeValues } from '../../shared/market/rows';
import type { RowProblem } from '../../shared/row-errors';
import type { Db } from '../store/db';
import { traceCodes } from './trace';
import { rowStamp } from '../sync/changes';
import {
  defineHandler,
  type MutationOutcome,
  type ParsedMutation,
  type PullPage,
  type PullRequest,
  type WriteContext,
} from '../sync/handler';
import { consigneeOf, loadConsignees } from './code-consignee';
import { mkt, type MarketCodesTable } from './tables';

type Mutation = ParsedMutation<TraceCodeValues>;
const parentLevel: Record<CodeLevel, CodeLevel | undefined> = {
  unit: 'case',
  case: 'pallet',
  pallet: undefined,
};

export async function codesByCode(db: Db, codes: readonly string[]) {
  const found = new Map<string, MarketCodesTable>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await mkt(db)
      .selectFrom('market_codes')
      .selectAll()
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.code, row);
  }
  return found;
}

function parentProblems(v: TraceCodeValues, levels: Map<string, string>): RowProblem[] {
  if (v.parentCode === undefined) return [];
  const level = levels.get(v.parentCode);
  if (level === undefined)
    return [{ field: 'parentCode', code: 'trace-parent-unknown', params: { value: v.parentCode } }];
  const wanted = parentLevel[v.level];
  if (level === wanted) return [];
  return [
    {
      field: 'parentCode',
      code: 'trace-parent-level',
      params: { level: v.level, parent: wanted ?? '—' },
    },
  ];
}

const same = (
  a: MarketCodesTable,
  b: Omit<MarketCodesTable, 'version' | 'change_seq' | 'updated_at' | 'updated_by'>,
) =>
  a.deleted === b.deleted &&
  a.parent_code === b.parent_code &&
  a.level === b.level &&
  a.shipment_ref === b.shipment_ref &&
  a.dealer_code === b.dealer_code;

async function pushCodes(
  ctx: WriteContext,
  mutations: readonly Mutation[],
): Promise<MutationOutcome[]> {
  const upserts = mutations.flatMap((m) => (m.op === 'upsert' ? [m.values] : []));
  const stored = await codesByCode(ctx.trx, [
    ...upserts.map((v) => v.code),
    ...upserts.flatMap((v) => (v.parentCode ? [v.parentCode] : [])),
  ]);
  const deletes = mutations.flatMap((m) => (m.op === 'delete' ? [m.rowKey] : []));
  const byRowKey = new Map<string, MarketCodesTable>();
  if (deletes.length > 0) {
    const rows = await mkt(ctx.trx)
      .selectFrom('market_codes')
      .selectAll()
      .where('row_key', 'in', deletes)
      .execute();
    for (const row of rows) byRowKey.set(row.row_key, row);
  }
  const levels = new Map(
    [...stored.values()].filter((r) => !r.deleted).map((r) => [r.code, r.level]),
  );
  for (const v of upserts) levels.set(v.code, v.level);
  const consignees = await loadConsignees(ctx.trx, upserts);
  const writes = new Map<string, MarketCodesTable>();
  const outcomes = mutations.map((m): MutationOutcome => {
    const before =
      m.op === 'upsert'
        ? (writes.get(m.values.code) ?? stored.get(m.values.code))
        : byRowKey.get(m.rowKey);
    if (m.op === 'delete') {
      if (!before || before.deleted) return { status: 'unchanged', problems: [] };
      return write(ctx, writes, { ...before, deleted: 1 }, before);
    }
    const bound = consigneeOf(m.values, consignees);
    const problems = [...parentProblems(m.values, levels), ...bound.problems];
    if (problems.length > 0) return { status: 'rejected', problems };
    const v = m.values;
    const live = before && !before.deleted ? before : undefined;
    const next = {
      code: v.code,
      row_key: m.rowKey,
      parent_code: v.parentCode ?? live?.parent_code ?? null,
      level: v.level,
      shipment_ref: v.shipmentRef ?? live?.shipment_ref ?? null,
      dealer_code: bound.dealer ?? live?.dealer_code ?? null,
      deleted: 0,
    };
    if (live && same(live, next))
      return { status: 'unchanged', id: live.code, version: live.version, problems: [] };
    return write(ctx, writes, next, before);
  });
  const rows = [...writes.values()];
  for (let i = 0; i < rows.length; i += 100) {
    await mkt(ctx.trx)
      .insertInto('market_codes')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          row_key: eb.ref('excluded.row_key'),
          parent_code: eb.ref('excluded.parent_code'),
          level: eb.ref('excluded.level'),
          shipment_ref: eb.ref('excluded.shipment_ref'),
          dealer_code: eb.ref('excluded.dealer_code'),
          deleted: eb.ref('excluded.deleted'),
          version: eb.ref('excluded.version'),
          change_seq: eb.ref('excluded.change_seq'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
  return outcomes;
}

function write(
  ctx: WriteContext,
  writes: Map<string, MarketCodesTable>,
  values: Omit<MarketCodesTable, 'version' | 'change_seq' | 'updated_at' | 'updated_by'>,
  before?: MarketCodesTable,
): MutationOutcome {
  const next = { ...values, ...rowStamp(ctx, (before?.version ?? 0) + 1) };
  writes.set(next.code, next);
  const action = next.deleted ? 'delete' : before && !before.deleted ? 'update' : 'create';
  const entry = { dataset: traceCodesDataset.name, recordKey: next.row_key, recordId: next.code };
  ctx.audit({ ...entry, version: next.version, action, before: before ?? null, after: next });
  return { status: 'applied', id: next.code, version: next.version, problems: [] };
}

async function pullCodes(request: PullRequest): Promise<PullPage> {
  const rows = await mkt(request.db)
    .selectFrom('market_codes')
    .selectAll()
    .where('change_seq', '>', request.afterSeq)
    .orderBy('change_seq')
    .limit(request.limit)
    .execute();
  const { dealer } = request.filter;
  // A unit packed in a case carries the case's consignee: the dealer filter and the region
  // limits (sync/region-scope.ts) see whose goods every code is, not only the bound ones.
  const traced = await traceCodes(
    request.db,
    rows.map((r) => r.code),
  );
  const page: PullPage['rows'] = [];
  for (const row of rows) {
    const consignee = row.dealer_code ?? traced.get(row.code)?.dealer ?? null;
    const live = row.deleted === 0 && (dealer === undefined || consignee === dealer);
    if (!live && row.change_seq <= request.skipTombstonesUpTo) continue;
    const values: Record<string, unknown> = { code: row.code, level: row.level };
    if (row.parent_code !== null) values.parentCode = row.parent_code;
    if (row.shipment_ref !== null) values.shipmentRef = row.shipment_ref;
    if (consignee !== null) values.dealerCode = consignee;
    page.push({
      key: row.code,
      version: row.version,
      op: live ? 'upsert' : 'delete',
      values,
      seq: row.change_seq,
    });
  }
  return { rows: page, hasMore: rows.length === request.limit };
}

export function traceCodesHandler() {
  return defineHandler(traceCodesDataset, { push: pushCodes, pull: pullCodes });
}
