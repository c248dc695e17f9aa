// The "market-scans" dataset: a code found in the market (an inspector, a consumer's scan, a
// market check typed in). Each scan is judged when it is recorded (docs/market-order.md):
// - never shipped (suspected fake): the code is unknown, or no dealer is bound to it or above it;
// - two areas: the same code was scanned at another place within N days (market-settings);
// - outside the area: the consignee has authorised areas and none holds the place — this opens
//   a case (cases.ts) holding every unit code under the scanned code.
// Scans are events: a scan recorded is never changed or deleted.
import { isInArea, isSamePlace } from '../../shared/market/areas';
import { marketScansDataset } from '../../shared/market/datasets';
import type { MarketScanValues } from '../../shared/market/rows';
import { addDays } from '../../shared/finance/dates';
import { rowStamp } from '../sync/changes';
import { DocNumbers } from '../sync/doc-numbers';
import type { MutationOutcome, ParsedMutation, ParsedUpsert, WriteContext } from '../sync/handler';
import { openCase } from './case-open';
import { mkt, type MarketScansTable } from './tables';
import { areasOf, repeatScanDays, traceCodes, type Traced } from './trace';

type Mutation = ParsedMutation<MarketScanValues>;

interface Run {
  ctx: WriteContext;
  traced: Map<string, Traced>;
  areas: Awaited<ReturnType<typeof areasOf>>;
  days: number;
  /** Scans of the batch's codes near their dates: stored ones, then this batch's. */
  seen: Pick<MarketScansTable, 'code' | 'province' | 'city' | 'scan_date'>[];
  scans: DocNumbers;
  cases: DocNumbers;
}

async function scansNear(ctx: WriteContext, upserts: readonly MarketScanValues[], days: number) {
  if (upserts.length === 0) return [];
  const dates = upserts.map((v) => v.scanDate).sort();
  return mkt(ctx.trx)
    .selectFrom('market_scans')
    .select(['code', 'province', 'city', 'scan_date'])
    .where('code', 'in', [...new Set(upserts.map((v) => v.code))])
    .where('scan_date', '>=', addDays(dates[0] ?? '', -days))
    .where('scan_date', '<=', addDays(dates.at(-1) ?? '', days))
    .execute();
}

const isSameScan = (row: MarketScansTable, v: MarketScanValues) =>
  row.code === v.code &&
  row.province === v.province &&
  row.city === (v.city ?? null) &&
  row.scan_date === v.scanDate &&
  row.source === v.source;

async function judge(run: Run, m: ParsedUpsert<MarketScanValues>): Promise<MutationOutcome> {
  const v = m.values;
  const place = { province: v.province, city: v.city };
  const traced = run.traced.get(v.code);
  const dealer = traced?.dealer;
  const lo = addDays(v.scanDate, -run.days);
  const hi = addDays(v.scanDate, run.days);
  const twoAreas = run.seen.some(
    (s) =>
      s.code === v.code &&
      s.scan_date >= lo &&
      s.scan_date <= hi &&
      !isSamePlace(place, { province: s.province, city: s.city ?? undefined }),
  );
  const areas = dealer === undefined ? undefined : run.areas.get(dealer);
  const outOfArea = areas !== undefined && !isInArea(place, areas);
  const id = run.scans.take();
  const caseId =
    outOfArea && traced && dealer
      ? await openCase(run, { scanId: id, scan: v, code: traced.row, dealer })
      : null;
  const row: MarketScansTable = {
    id,
    row_key: m.rowKey,
    code: v.code,
    province: v.province,
    city: v.city ?? null,
    scan_date: v.scanDate,
    source: v.source,
    scanned_by: v.scannedBy ?? null,
    evidence: v.evidence ?? null,
    dealer_code: dealer ?? null,
    out_of_area: outOfArea ? 1 : 0,
    two_areas: twoAreas ? 1 : 0,
    never_shipped: dealer === undefined ? 1 : 0,
    case_id: caseId,
    ...rowStamp(run.ctx, 1),
  };
  run.seen.push(row);
  await mkt(run.ctx.trx).insertInto('market_scans').values(row).execute();
  const audit = { dataset: marketScansDataset.name, recordKey: m.rowKey, recordId: id, version: 1 };
  run.ctx.audit({ ...audit, action: 'create', before: null, after: row });
  return { status: 'applied', id, version: 1, problems: [] };
}

export async function pushScans(
  ctx: WriteContext,
  mutations: readonly Mutation[],
): Promise<MutationOutcome[]> {
  const stored = await mkt(ctx.trx)
    .selectFrom('market_scans')
    .selectAll()
    .where(
      'row_key',
      'in',
      mutations.map((m) => m.rowKey),
    )
    .execute();
  const known = new Map(stored.map((r) => [r.row_key, r]));
  const upserts = mutations.flatMap((m) =>
    m.op === 'upsert' && !known.has(m.rowKey) ? [m.values] : [],
  );
  const traced = await traceCodes(
    ctx.trx,
    upserts.map((v) => v.code),
  );
  const dealers = [...new Set([...traced.values()].flatMap((t) => (t.dealer ? [t.dealer] : [])))];
  const days = await repeatScanDays(ctx.trx);
  const run: Run = {
    ctx,
    traced,
    areas: await areasOf(ctx.trx, dealers),
    days,
    seen: await scansNear(ctx, upserts, days),
    scans: await DocNumbers.open(ctx.trx, 'MS', ctx.today),
    cases: await DocNumbers.open(ctx.trx, 'MC', ctx.today),
  };
  const outcomes: MutationOutcome[] = [];
  for (const m of mutations) {
    const before = known.get(m.rowKey);
    if (m.op === 'upsert' && before === undefined) outcomes.push(await judge(run, m));
    else if (before === undefined) outcomes.push({ status: 'unchanged', problems: [] });
    else if (m.op === 'upsert' && isSameScan(before, m.values))
      outcomes.push({ status: 'unchanged', id: before.id, version: before.version, problems: [] });
    else outcomes.push({ status: 'rejected', problems: [{ code: 'market-scan-immutable' }] });
  }
  await run.scans.flush();
  await run.cases.flush();
  return outcomes;
}
