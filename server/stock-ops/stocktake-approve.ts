// A manager's approval of a count (`stocktake-approvals` push, docs/stocktake.md): every pending
// line's variance (counted − system quantity as of the end of the count date) posts as one
// `stocktake` ledger line dated the count date, and the lines become posted with the system
// quantity and cost they posted at — all in the push's one transaction. Because the variance is
// added to today's balance, movements after the cut-off stay as they were.
import type { StocktakeApproval } from '../../shared/stock-ops/rows';
import { totalsOf } from '../../shared/stock-ops/variance';
import { checkLocation, loadRefs } from '../datasets/stock-refs';
import { StockBook } from '../datasets/stock-book';
import type { MutationOutcome, ParsedMutation, WriteContext } from '../sync/handler';
import { loadCosts } from './costs';
import { lockCounts } from './stocktake-push';
import { lineFigures } from './stocktake-pull';
import { linesOf, saveLines, systemAsOf, type CountKey, type LineRow } from './stocktake-store';

/** The ledger reference of a count's postings. */
const stocktakeRef = (count: CountKey) => `ST-${count.location}-${count.date}`;

/**
 * The writes of a posting, behind an object so a test can make one fail and see that nothing
 * of the approval stays (the ledger lines, the balances and the lines post together).
 */
export const postingWrites = { saveLines };

async function approve(
  ctx: WriteContext,
  m: ParsedMutation<StocktakeApproval> & { op: 'upsert' },
): Promise<MutationOutcome> {
  const count = { location: m.values.locationCode, date: m.values.countDate };
  const ref = stocktakeRef(count);
  const problems = checkLocation(
    await loadRefs(ctx.trx, { locations: [count.location] }),
    count.location,
  );
  if (problems.length > 0) return { status: 'rejected', problems };
  const lines = [...(await linesOf(ctx.trx, [count])).values()];
  const pending = lines.filter((l) => l.status === 'pending');
  if (pending.length === 0) {
    if (lines.length > 0) return { status: 'unchanged', id: ref, version: 1, problems: [] };
    const params = { location: count.location, date: count.date };
    return { status: 'rejected', problems: [{ code: 'stocktake-nothing-counted', params }] };
  }
  // The balances are locked first (PostgreSQL), so no movement lands between reading the
  // system quantity and posting against it.
  const pairs = pending.map((l) => ({ location: count.location, sku: l.sku_code }));
  const book = await StockBook.load(ctx.trx, pairs);
  const facts = {
    system: await systemAsOf(ctx.trx, count),
    costs: await loadCosts(
      ctx.trx,
      pending.map((l) => l.sku_code),
    ),
  };
  const at = ctx.now.toISOString();
  const by = ctx.actor.user.username;
  const posted: LineRow[] = pending.map((line) => {
    const figures = lineFigures(line, facts);
    const variance = figures.counted - figures.system;
    if (variance !== 0)
      book.change({
        kind: 'stocktake',
        location: count.location,
        sku: line.sku_code,
        date: count.date,
        ref,
        onHand: variance,
      });
    return {
      ...line,
      status: 'posted',
      system_quantity: figures.system,
      unit_cost: figures.unitCost ?? null,
      version: line.version + 1,
      change_seq: ctx.nextSeq(),
      updated_at: at,
      updated_by: by,
      posted_at: at,
      posted_by: by,
    };
  });
  await book.flush(ctx);
  await postingWrites.saveLines(ctx.trx, posted);
  const totals = totalsOf(posted.map((l) => lineFigures(l, facts)));
  ctx.audit({
    dataset: 'stocktake-approvals',
    recordKey: m.rowKey,
    recordId: ref,
    version: 1,
    action: 'approve',
    before: null,
    after: { ...m.values, ...totals },
  });
  return { status: 'applied', id: ref, version: 1, problems: [] };
}

export async function pushApprovals(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<StocktakeApproval>[],
): Promise<MutationOutcome[]> {
  await lockCounts(
    ctx,
    mutations.flatMap((m) =>
      m.op === 'upsert' ? [{ location: m.values.locationCode, date: m.values.countDate }] : [],
    ),
  );
  const outcomes: MutationOutcome[] = [];
  for (const m of mutations) {
    if (m.op === 'delete')
      outcomes.push({ status: 'rejected', problems: [{ code: 'stocktake-approval-final' }] });
    else outcomes.push(await approve(ctx, m));
  }
  return outcomes;
}
