// Push of the `stocktakes` count sheet (盘点, docs/stocktake.md): each line is the counted
// quantity of one SKU at one location at the end of the count date. A line pushed again for the
// same location, date and SKU — from this sheet or a fresh one — replaces the count, never adds
// to it. Once a manager approved the count its lines are posted and refuse any change.
import type { CountLine } from '../../shared/stock-ops/rows';
import type { RowProblem } from '../../shared/row-errors';
import { checkLocation, loadRefs, type MasterRefs } from '../datasets/stock-refs';
import { lockKeys, lockSpace } from '../store/locks';
import type { MutationOutcome, ParsedMutation, WriteContext } from '../sync/handler';
import {
  countKey,
  dropLine,
  lineKey,
  linesOf,
  saveLines,
  type CountKey,
  type LineRow,
} from './stocktake-store';

const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });

/** Two pushes (or a push and an approval) of one count take turns on PostgreSQL. */
export async function lockCounts(ctx: WriteContext, counts: readonly CountKey[]): Promise<void> {
  await lockKeys(
    ctx.trx,
    lockSpace.rowKey,
    counts.map((c) => `stocktake|${countKey(c)}`),
  );
}

const postedProblem = (line: LineRow): RowProblem[] => [
  { code: 'stocktake-posted', params: { location: line.location_code, date: line.count_date } },
];

interface Run {
  ctx: WriteContext;
  refs: MasterRefs;
  lines: Map<string, LineRow>;
  /** Lines to write, by location|date|sku: a SKU counted twice in one push keeps the last. */
  writes: Map<string, LineRow>;
}

function checkLine(run: Run, values: CountLine): RowProblem[] {
  const problems = checkLocation(run.refs, values.locationCode);
  if (!run.refs.products.has(values.skuCode))
    problems.push({ field: 'skuCode', code: 'unknown-sku', params: { value: values.skuCode } });
  if (values.countDate > run.ctx.today)
    problems.push({
      field: 'countDate',
      code: 'stocktake-future-date',
      params: { today: run.ctx.today },
    });
  return problems;
}

function count(run: Run, m: ParsedMutation<CountLine> & { op: 'upsert' }): MutationOutcome {
  const { values } = m;
  const problems = checkLine(run, values);
  if (problems.length > 0) return rejected(problems);
  const key = lineKey({ location: values.locationCode, date: values.countDate }, values.skuCode);
  const existing = run.lines.get(key);
  if (existing?.status === 'posted') return rejected(postedProblem(existing));
  if (existing && existing.counted === values.countedQuantity)
    return { status: 'unchanged', id: key, version: existing.version, problems: [] };
  const { ctx } = run;
  const line: LineRow = {
    location_code: values.locationCode,
    count_date: values.countDate,
    sku_code: values.skuCode,
    row_key: m.rowKey,
    counted: values.countedQuantity,
    status: 'pending',
    system_quantity: null,
    unit_cost: null,
    version: (existing?.version ?? 0) + 1,
    change_seq: ctx.nextSeq(),
    updated_at: ctx.now.toISOString(),
    updated_by: ctx.actor.user.username,
    posted_at: null,
    posted_by: null,
  };
  run.lines.set(key, line);
  run.writes.set(key, line);
  ctx.audit({
    dataset: 'stocktakes',
    recordKey: m.rowKey,
    recordId: key,
    version: line.version,
    action: existing ? 'recount' : 'count',
    before: existing ? { countedQuantity: existing.counted } : null,
    after: values,
  });
  return { status: 'applied', id: key, version: line.version, problems: [] };
}

async function uncount(run: Run, rowKey: string): Promise<MutationOutcome> {
  const line = [...run.lines.values()].find((l) => l.row_key === rowKey);
  if (!line) return { status: 'unchanged', problems: [] };
  if (line.status === 'posted') return rejected(postedProblem(line));
  const key = lineKey({ location: line.location_code, date: line.count_date }, line.sku_code);
  await dropLine(run.ctx.trx, line);
  run.lines.delete(key);
  run.writes.delete(key);
  run.ctx.audit({
    dataset: 'stocktakes',
    recordKey: rowKey,
    recordId: key,
    version: line.version + 1,
    action: 'delete',
    before: { countedQuantity: line.counted },
    after: null,
  });
  return { status: 'applied', id: key, version: line.version + 1, problems: [] };
}

/** The counts a delete names, by its row key. */
async function countsOfRowKeys(ctx: WriteContext, rowKeys: readonly string[]): Promise<CountKey[]> {
  if (rowKeys.length === 0) return [];
  const rows = await ctx.trx
    .selectFrom('stocktake_lines')
    .select(['location_code', 'count_date'])
    .where('row_key', 'in', [...rowKeys])
    .execute();
  return rows.map((r) => ({ location: r.location_code, date: r.count_date }));
}

export async function pushCountLines(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<CountLine>[],
): Promise<MutationOutcome[]> {
  const upserts = mutations.flatMap((m) => (m.op === 'upsert' ? [m.values] : []));
  const deletes = mutations.flatMap((m) => (m.op === 'delete' ? [m.rowKey] : []));
  const counts = [
    ...upserts.map((v) => ({ location: v.locationCode, date: v.countDate })),
    ...(await countsOfRowKeys(ctx, deletes)),
  ];
  await lockCounts(ctx, counts);
  const refs = await loadRefs(ctx.trx, {
    skus: upserts.map((v) => v.skuCode),
    locations: upserts.map((v) => v.locationCode),
  });
  const run: Run = { ctx, refs, lines: await linesOf(ctx.trx, counts), writes: new Map() };
  const outcomes: MutationOutcome[] = [];
  for (const m of mutations)
    outcomes.push(m.op === 'upsert' ? count(run, m) : await uncount(run, m.rowKey));
  await saveLines(ctx.trx, [...run.writes.values()]);
  return outcomes;
}
