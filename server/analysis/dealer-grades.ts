// 客户评分与分级 (A22, C17). A manager pushes a period's qualitative scores per dealer (funds,
// brand awareness, cooperation); in the same transaction the server computes the data scores
// and the grade, and keeps one `dealer-grades` record per period and dealer (re-scoring bumps
// its version; the audit keeps every earlier result; other periods stay as history):
// - sales (销量): the dealer's shipped amount in the period against the best dealer's
//   ('ratio-to-best' of the shared rule; every dealer of the master data is a peer);
// - credit (信用): from the receivables ledger as of the period's end (or today), by the shared
//   `creditScore` — outstanding, overdue and late payments; see dealer-credit.ts for the exact
//   inputs. A dealer without invoices keeps the neutral 100;
// - previous grade: the latest earlier period's result, else the dealer's master grade.
// The master record's grade is NOT changed here: applying a grade is the manager's push of
// `dealers` (audited there), guided by the `changed` column.
import { salesScores } from '../../shared/analysis/dealer-scores';
import type { DealerScoreRow } from '../../shared/analysis/datasets';
import { scoreDealer } from '../../shared/analysis/grading';
import { shanghaiDate } from '../sync/changes';
import type { WriteContext } from '../sync/handler';
import {
  allRecords,
  recordsById,
  writeRecords,
  type StoredRecord,
} from '../datasets/records-store';
import { creditScores, NEUTRAL_CREDIT } from './dealer-credit';
import { schemeOf } from './grading';
import type { Masters } from './masters';
import { shippedByDealerMonth } from './shipped';
import type { GradingSchemeRow } from '../../shared/analysis/datasets';

export { NEUTRAL_CREDIT };
export const DEFAULT_SCHEME = 'default';

/** First and last day of '2025', '2025-Q2', '2025-H1' or '2025-03'. */
export function periodRange(period: string): { from: string; to: string } {
  const year = period.slice(0, 4);
  const part = period.slice(5);
  const [first, last] = part.startsWith('Q')
    ? [Number(part.slice(1)) * 3 - 2, Number(part.slice(1)) * 3]
    : part.startsWith('H')
      ? [Number(part.slice(1)) * 6 - 5, Number(part.slice(1)) * 6]
      : part
        ? [Number(part), Number(part)]
        : [1, 12];
  const lastDay = new Date(Date.UTC(Number(year), last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

const tenths = (score: number) => Math.round(score * 10);

async function salesOfPeriod(ctx: WriteContext, masters: Masters, period: string) {
  const rows = await shippedByDealerMonth(ctx.trx, periodRange(period));
  const amounts = new Map<string, number>();
  for (const row of rows) amounts.set(row.dealer, (amounts.get(row.dealer) ?? 0) + row.amount);
  const peers = [...masters.dealers.keys()].map((dealerId) => ({
    dealerId,
    amount: amounts.get(dealerId) ?? 0,
  }));
  const scores = new Map(salesScores(peers, 'ratio-to-best').map((s) => [s.dealerId, s.score]));
  return { amounts, scores };
}

/** A period's sales and the credit of the graded dealers, as of its end or today. */
async function periodOf(ctx: WriteContext, masters: Masters, graded: GradedPeriod) {
  const sales = await salesOfPeriod(ctx, masters, graded.period);
  const { from, to } = periodRange(graded.period);
  const today = shanghaiDate(ctx.now);
  const period = { from, asOf: to < today ? to : today };
  const dealers = graded.rows.filter((r) => r.period === graded.period).map((r) => r.dealerCode);
  return { ...sales, credit: await creditScores(ctx.trx, dealers, period) };
}

/** A period and the pushed score rows (those of the period are graded). */
type GradedPeriod = { period: string; rows: readonly DealerScoreRow[] };

function previousGrade(
  history: readonly StoredRecord[],
  row: DealerScoreRow,
  masters: Masters,
): string | undefined {
  const start = periodRange(row.period).from;
  const earlier = history
    .map((r) => r.values as { period: string; dealerCode: string; grade: string })
    .filter((v) => v.dealerCode === row.dealerCode && periodRange(v.period).to < start)
    .sort((a, b) => (periodRange(a.period).to < periodRange(b.period).to ? 1 : -1));
  return earlier[0]?.grade ?? masters.dealers.get(row.dealerCode)?.grade;
}

interface GradeInput {
  ctx: WriteContext;
  masters: Masters;
  schemes: Map<string, GradingSchemeRow>;
}

type PeriodSales = Awaited<ReturnType<typeof periodOf>>;

function gradeValues(
  row: DealerScoreRow,
  scheme: GradingSchemeRow,
  period: PeriodSales,
  history: Context,
) {
  const scores = {
    funds: row.funds,
    credit: period.credit.get(row.dealerCode) ?? NEUTRAL_CREDIT,
    brandAwareness: row.brandAwareness,
    sales: period.scores.get(row.dealerCode) ?? 0,
    cooperation: row.cooperation,
  };
  const graded = scoreDealer(schemeOf(scheme), scores);
  if (!graded.ok) return null;
  const previous = previousGrade(history.records, row, history.masters);
  return {
    period: row.period,
    dealerCode: row.dealerCode,
    dealerName: history.masters.dealers.get(row.dealerCode)?.name ?? row.dealerCode,
    schemeCode: row.schemeCode ?? DEFAULT_SCHEME,
    ...Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, tenths(v)])),
    total: tenths(graded.value.total),
    grade: graded.value.grade,
    ...(previous ? { previousGrade: previous } : {}),
    changed: previous !== undefined && previous !== graded.value.grade,
    shippedAmount: period.amounts.get(row.dealerCode) ?? 0,
  };
}

type Context = { records: StoredRecord[]; masters: Masters };

function recordWrite(
  ctx: WriteContext,
  values: Record<string, unknown>,
  before: StoredRecord | undefined,
) {
  const id = `${String(values.period)}-${String(values.dealerCode)}`;
  const version = (before?.version ?? 0) + 1;
  const action = before ? 'update' : 'create';
  ctx.audit({
    dataset: 'dealer-grades',
    recordKey: id,
    recordId: id,
    version,
    action,
    before: before?.values ?? null,
    after: values,
  });
  const at = ctx.now.toISOString();
  return {
    dataset: 'dealer-grades',
    rowKey: id,
    id,
    version,
    changeSeq: ctx.nextSeq(),
    deleted: false,
    values,
    at,
    by: ctx.actor.user.username,
  };
}

/** Grades every applied score row and writes its `dealer-grades` record. */
export async function writeGrades(
  input: GradeInput,
  rows: readonly DealerScoreRow[],
): Promise<void> {
  const { ctx, masters } = input;
  const history = { records: [...(await allRecords(ctx.trx, 'dealer-grades')).values()], masters };
  const ids = rows.map((r) => `${r.period}-${r.dealerCode}`);
  const existing = await recordsById(ctx.trx, 'dealer-grades', ids);
  const sales = new Map<string, PeriodSales>();
  const writes = [];
  for (const row of rows) {
    const scheme = input.schemes.get(row.schemeCode ?? DEFAULT_SCHEME);
    if (!scheme) continue;
    const period =
      sales.get(row.period) ?? (await periodOf(ctx, masters, { period: row.period, rows }));
    sales.set(row.period, period);
    const values = gradeValues(row, scheme, period, history);
    if (values)
      writes.push(recordWrite(ctx, values, existing.get(`${row.period}-${row.dealerCode}`)));
  }
  await writeRecords(ctx.trx, writes);
}
