// The receivables pulls (receivables, ageing, collection list), computed from the
// ledger as of today (Asia/Shanghai, from the request's clock): per dealer outstanding, credit
// limit, headroom and ageing buckets; per invoice detail; the dealers to chase. Computed rows
// page as snapshots (server/analysis/snapshot.ts): a refresh replaces the table.
import { collectionList, summariseAgeing, ageInvoices } from '../../shared/finance/ageing';
import {
  collectionListDataset,
  receivableItemsDataset,
  receivablesDataset,
} from '../../shared/finance/datasets';
import { compact, pageSnapshot } from '../analysis/snapshot';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';
import { shanghaiDate } from '../sync/changes';
import { defineHandler, type DatasetHandler, type PullRequest } from '../sync/handler';
import { buildLedger, type Ledger } from './ledger';
import { loadLedgerSources, type DealerInfo } from './ledger-sources';

const reasonWords: Record<string, string> = {
  'over-limit': '超额度 over limit',
  overdue: '逾期 overdue',
};

/** The pull's filter: one dealer, and/or a region with every region below it (华东 → 上海…). */
interface Scope {
  dealer: string | undefined;
  regions: Set<string> | null;
}

function inScope(dealer: DealerInfo | undefined, scope: Scope): boolean {
  if (scope.dealer && dealer?.code !== scope.dealer) return false;
  return !scope.regions || (dealer !== undefined && scope.regions.has(dealer.regionCode));
}

async function ledgerFor(request: PullRequest) {
  const ledger = buildLedger(await loadLedgerSources(request.db));
  const { dealer, region } = request.filter;
  const regions = region ? regionsUnder([region], await loadRegions(request.db)) : null;
  return { ledger, asOf: shanghaiDate(request.now), scope: { dealer, regions } };
}

function ageingOf(ledger: Ledger, asOf: string, scope: Scope) {
  const dealers = [...ledger.dealers.values()].filter((d) => inScope(d, scope));
  const credit = dealers.map((d) => ({
    code: d.code,
    name: d.name,
    creditLimit: d.creditLimit,
    openOrderValue: ledger.byDealer.get(d.code)?.openOrderValue ?? 0,
  }));
  return {
    dealers,
    summaries: summariseAgeing({ asOf, dealers: credit, invoices: [...ledger.invoices.values()] }),
  };
}

async function pullReceivables(request: PullRequest) {
  const { ledger, asOf, scope } = await ledgerFor(request);
  const { dealers, summaries } = ageingOf(ledger, asOf, scope);
  const rows = summaries.map((s, i) => {
    const dealer = dealers[i];
    const summary = ledger.byDealer.get(s.dealerCode)?.summary;
    const values = {
      dealerCode: s.dealerCode,
      dealerName: s.name,
      regionCode: dealer?.regionCode,
      grade: dealer?.grade,
      creditLimit: s.creditLimit,
      paymentTermsDays: dealer?.paymentTermsDays ?? 0,
      outstanding: s.outstanding,
      openOrderValue: s.openOrderValue,
      headroom: s.headroom,
      overdue: s.overdue,
      creditBalance: summary?.creditBalance ?? 0,
      depositsHeld: summary?.depositsHeld ?? 0,
      ...s.buckets,
      oldestOverdueDueDate: s.oldestOverdueDueDate,
      asOf,
    };
    return { key: s.dealerCode, values: compact(values) };
  });
  return pageSnapshot(rows, request);
}

async function pullItems(request: PullRequest) {
  const { ledger, asOf, scope } = await ledgerFor(request);
  const byId = new Map([...ledger.invoices.values()].map((i) => [i.id, i]));
  const rows = ageInvoices([...ledger.invoices.values()], asOf).flatMap((item) => {
    const dealer = ledger.dealers.get(item.dealerCode);
    if (!inScope(dealer, scope)) return [];
    const invoice = byId.get(item.invoiceId);
    const values = {
      ...item,
      dealerName: dealer?.name,
      regionCode: dealer?.regionCode,
      shipmentId: invoice?.shipmentId,
      orderId: invoice?.orderId,
      settled: item.amount - item.outstanding,
      asOf,
    };
    return [{ key: item.invoiceId, values: compact(values) }];
  });
  return pageSnapshot(rows, request);
}

async function pullCollection(request: PullRequest) {
  const { ledger, asOf, scope } = await ledgerFor(request);
  const { summaries } = ageingOf(ledger, asOf, scope);
  const rows = collectionList(summaries).map((row) => {
    const dealer = ledger.dealers.get(row.dealerCode);
    const values = {
      dealerCode: row.dealerCode,
      dealerName: row.name,
      regionCode: dealer?.regionCode,
      creditLimit: dealer?.creditLimit ?? 0,
      owed: row.owed,
      overdue: row.overdue,
      overLimitBy: row.overLimitBy,
      since: row.since,
      reasons: row.reasons.map((r) => reasonWords[r] ?? r).join('、'),
      asOf,
    };
    return { key: row.dealerCode, values: compact(values) };
  });
  return pageSnapshot(rows, request);
}

export function receivablesHandlers(): DatasetHandler[] {
  return [
    defineHandler(receivablesDataset, { pull: pullReceivables }),
    defineHandler(receivableItemsDataset, { pull: pullItems }),
    defineHandler(collectionListDataset, { pull: pullCollection }),
  ];
}
