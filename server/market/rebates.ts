// The "rebate-settlements" dataset (返利结算), docs/market-order.md. The pull shows, per policy
// and dealer in its scope, the base, the sections applied and the rebate — as worked out now
// for a draft, as confirmed for a settled one. A manager's push confirms one: the rebate is
// issued as credit notes (reason 返利) through finance's credit-notes handler, spread over the
// dealer's invoices that still owe, oldest first; the settlement is stored unique per dealer ×
// policy × period, so confirming again — from any sheet, any time — pays nothing more.
import { describeParts } from '../../shared/market/rebate';
import { rebateSettlementsDataset } from '../../shared/market/datasets';
import type { z } from 'zod';
import type { rebateSettlementSchema } from '../../shared/market/rebate-rows';
import { formatYuan } from '../../shared/money';
import type { RowProblem } from '../../shared/row-errors';
import { compact, pageSnapshot } from '../analysis/snapshot';
import { creditNotesHandler } from '../finance/credit-notes';
import { creditNoteState } from '../finance/credit-notes-check';
import { loadLedgerSources } from '../finance/ledger-sources';
import { DocNumbers } from '../sync/doc-numbers';
import type {
  MutationOutcome,
  ParsedMutation,
  PullPage,
  PullRequest,
  WriteContext,
} from '../sync/handler';
import { loadDealerFacts, loadPolicies, settle, type Settlement } from './rebate-base';
import { mkt, type MarketRebateSettlementsTable } from './tables';

type Values = z.output<typeof rebateSettlementSchema>;
const rejected = (problems: RowProblem[]): MutationOutcome => ({ status: 'rejected', problems });
const sectionsText = (s: Settlement) => describeParts(s.rebate.parts, formatYuan);

export async function pullSettlements(request: PullRequest): Promise<PullPage> {
  const dealers = await loadDealerFacts(request.db);
  const confirmed = await mkt(request.db)
    .selectFrom('market_rebate_settlements')
    .selectAll()
    .execute();
  const done = new Map(
    confirmed.map((r) => [`${r.policy_code}:${r.dealer_code}:${r.period_from}:${r.period_to}`, r]),
  );
  const { dealer } = request.filter;
  const rows = [];
  for (const policy of (await loadPolicies(request.db)).values()) {
    for (const s of await settle(request.db, policy, dealers)) {
      const stored = done.get(`${policy.policyCode}:${s.dealer}:${policy.from}:${policy.to}`);
      if ((dealer !== undefined && s.dealer !== dealer) || (!stored && s.rebate.amount === 0))
        continue;
      const values = compact({
        policyCode: policy.policyCode,
        dealerCode: s.dealer,
        from: policy.from,
        to: policy.to,
        base: stored ? stored.base : s.base,
        method: policy.method,
        sections: stored ? stored.sections : sectionsText(s),
        amount: stored ? stored.amount : s.rebate.amount,
        status: stored ? 'confirmed' : 'draft',
        creditNotes: stored?.credit_notes,
      });
      rows.push({ key: `${policy.policyCode}:${s.dealer}`, values });
    }
  }
  return pageSnapshot(rows, request);
}

/** The credit notes that pay `amount` over the dealer's invoices still owing, oldest first. */
async function creditNoteRows(ctx: WriteContext, s: Settlement) {
  const state = creditNoteState(await loadLedgerSources(ctx.trx, [s.dealer]));
  const invoices = [...state.invoices.values()]
    .filter((invoice) => invoice.dealerCode === s.dealer && (state.open.get(invoice.id) ?? 0) > 0)
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  let left = s.rebate.amount;
  const rows = [];
  for (const invoice of invoices) {
    if (left === 0) break;
    const amount = Math.min(left, state.open.get(invoice.id) ?? 0);
    left -= amount;
    rows.push({ invoiceId: invoice.id, amount });
  }
  const open = invoices.reduce((sum, i) => sum + (state.open.get(i.id) ?? 0), 0);
  return left === 0 ? { rows } : { open };
}

async function confirm(
  ctx: WriteContext,
  s: Settlement,
  numbers: DocNumbers,
): Promise<MutationOutcome> {
  const planned = await creditNoteRows(ctx, s);
  if ('open' in planned) {
    const params = { amount: formatYuan(s.rebate.amount), open: formatYuan(planned.open) };
    return rejected([{ field: 'dealerCode', code: 'rebate-over-outstanding', params }]);
  }
  const { policy } = s;
  const mutations = planned.rows.map((row, index) => ({
    index,
    op: 'upsert' as const,
    rowKey: `rebate:${policy.policyCode}:${s.dealer}:${policy.from}:${policy.to}:${index + 1}`,
    mutationId: `rebate:${policy.policyCode}:${s.dealer}:${policy.from}:${index + 1}`,
    values: {
      date: ctx.today,
      dealerCode: s.dealer,
      ...row,
      reason: 'rebate',
      remark: `返利 ${policy.policyCode} ${policy.from}~${policy.to}`,
    },
  }));
  const outcomes = await (creditNotesHandler().push?.(ctx, mutations) ?? Promise.resolve([]));
  if (outcomes.some((o) => o.status !== 'applied'))
    throw new Error(`rebate credit notes refused: ${JSON.stringify(outcomes)}`);
  const row: MarketRebateSettlementsTable = {
    id: numbers.take(),
    dealer_code: s.dealer,
    policy_code: policy.policyCode,
    period_from: policy.from,
    period_to: policy.to,
    base: s.base,
    amount: s.rebate.amount,
    sections: sectionsText(s),
    credit_notes: outcomes.map((o) => o.id ?? '').join(', '),
    confirmed_at: ctx.now.toISOString(),
    confirmed_by: ctx.actor.user.username,
  };
  await mkt(ctx.trx).insertInto('market_rebate_settlements').values(row).execute();
  const audit = {
    dataset: rebateSettlementsDataset.name,
    recordKey: row.id,
    recordId: row.id,
    version: 1,
  };
  ctx.audit({ ...audit, action: 'confirm', before: null, after: row });
  return { status: 'applied', id: row.id, version: 1, problems: [] };
}

async function settleOne(
  ctx: WriteContext,
  v: Values,
  numbers: DocNumbers,
): Promise<MutationOutcome> {
  const policy = (await loadPolicies(ctx.trx)).get(v.policyCode);
  if (!policy)
    return rejected([
      { field: 'policyCode', code: 'rebate-policy-unknown', params: { value: v.policyCode } },
    ]);
  // A period still running would freeze a base that can still grow: settle after it ends.
  if (policy.to >= ctx.today)
    return rejected([
      { field: 'policyCode', code: 'rebate-period-open', params: { to: policy.to } },
    ]);
  const done = await mkt(ctx.trx)
    .selectFrom('market_rebate_settlements')
    .select('id')
    .where('dealer_code', '=', v.dealerCode)
    .where('policy_code', '=', policy.policyCode)
    .where('period_from', '=', policy.from)
    .where('period_to', '=', policy.to)
    .executeTakeFirst();
  if (done) return { status: 'unchanged', id: done.id, version: 1, problems: [] };
  const dealers = (await loadDealerFacts(ctx.trx)).filter((d) => d.code === v.dealerCode);
  const [s] = await settle(ctx.trx, policy, dealers);
  const params = { dealer: v.dealerCode, policy: policy.policyCode };
  if (!s) return rejected([{ field: 'dealerCode', code: 'rebate-dealer-out-of-scope', params }]);
  if (s.rebate.amount === 0)
    return rejected([{ field: 'dealerCode', code: 'rebate-nothing-to-pay', params }]);
  return confirm(ctx, s, numbers);
}

export async function pushSettlements(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<Values>[],
) {
  const numbers = await DocNumbers.open(ctx.trx, 'RB', ctx.today);
  const outcomes: MutationOutcome[] = [];
  for (const m of mutations) {
    // A confirmed settlement is never undone here: finance reverses its credit notes if needed.
    if (m.op === 'delete') outcomes.push({ status: 'unchanged', problems: [] });
    else outcomes.push(await settleOne(ctx, m.values, numbers));
  }
  await numbers.flush();
  return outcomes;
}
