// The computed store pulls (docs/sell-out.md, "Self-operated stores"), each a snapshot as of
// the `to` date (else today), limited to one store by the `location` filter:
// store-sell-through (style × store, and each style over every store), markdown-proposals (the
// ladder step that fired per style × store), store-clearance (those at the ladder's deepest
// step) and store-rebalancing (transfers of a style from slow stores to fast ones).
import {
  firedStep,
  isClearance,
  rebalanceStyle,
  type MarkdownStep,
} from '../../shared/sellout/stores';
import {
  markdownProposalsDataset,
  storeClearanceDataset,
  storeRebalancingDataset,
  storeSellThroughDataset,
} from '../../shared/sellout/store-datasets';
import { compact, pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { allRecords } from '../datasets/records-store';
import { shanghaiDate } from '../sync/changes';
import { defineHandler, type DatasetHandler, type PullRequest } from '../sync/handler';
import { storeStyles, type StoreStyle } from './store-check';

const common = (s: StoreStyle) => ({
  styleCode: s.style,
  locationCode: s.store,
  firstReceipt: s.firstReceipt,
  week: s.week,
  received: s.received,
  sold: s.sold,
  onHand: s.onHand,
  sellThroughBp: s.bp,
});

async function load(request: PullRequest) {
  const asOf = request.filter.to ?? shanghaiDate(request.now);
  const all = await storeStyles(request.db, asOf);
  const { location } = request.filter;
  const rows = all.filter((s) => location === undefined || s.store === location);
  return { rows, all };
}

async function loadLadder(request: PullRequest): Promise<MarkdownStep[]> {
  return [...(await allRecords(request.db, 'markdown-ladder')).values()].map(
    (r) => r.values as unknown as MarkdownStep,
  );
}

async function sellThroughRows(request: PullRequest): Promise<DerivedRow[]> {
  return (await load(request)).rows.map((s) => ({
    key: `${s.style}|${s.store ?? '*'}`,
    values: compact({ kind: s.store === undefined ? 'style' : 'store', ...common(s) }),
  }));
}

async function proposalRows(
  request: PullRequest,
): Promise<(DerivedRow & { clearance: boolean })[]> {
  const steps = await loadLadder(request);
  return (await load(request)).rows.flatMap((s) => {
    if (s.store === undefined || s.bp === null) return [];
    const step = firedStep(steps, s.week, s.bp);
    if (!step) return [];
    const clearance = isClearance(steps, step);
    const values = compact({
      ...common(s),
      step: step.step,
      stepWeek: step.week,
      belowPercent: step.belowPercent,
      discountPercent: step.discountPercent,
      clearance,
    });
    return [{ key: `${s.style}|${s.store}`, values, clearance }];
  });
}

async function rebalanceRows(request: PullRequest): Promise<DerivedRow[]> {
  const { all } = await load(request);
  const byStyle = new Map<string, StoreStyle[]>();
  for (const s of all)
    if (s.store !== undefined) byStyle.set(s.style, [...(byStyle.get(s.style) ?? []), s]);
  const { location } = request.filter;
  return [...byStyle].flatMap(([style, rows]) => {
    const bpOf = new Map(rows.map((r) => [r.store, r.bp]));
    const stock = rows.map((r) => ({
      store: r.store ?? '',
      bp: r.bp,
      onHand: r.onHand,
      soldLastWeek: r.soldLastWeek,
    }));
    return rebalanceStyle(stock)
      .filter((m) => location === undefined || m.from === location || m.to === location)
      .map((m) => ({
        key: `${style}|${m.from}|${m.to}`,
        values: compact({
          styleCode: style,
          fromLocation: m.from,
          toLocation: m.to,
          quantity: m.quantity,
          fromSellThroughBp: bpOf.get(m.from),
          toSellThroughBp: bpOf.get(m.to),
        }),
      }));
  });
}

export function storePullHandlers(): DatasetHandler[] {
  return [
    defineHandler(storeSellThroughDataset, {
      pull: async (request) => pageSnapshot(await sellThroughRows(request), request),
    }),
    defineHandler(markdownProposalsDataset, {
      pull: async (request) => pageSnapshot(await proposalRows(request), request),
    }),
    defineHandler(storeClearanceDataset, {
      pull: async (request) =>
        pageSnapshot(
          (await proposalRows(request)).filter((r) => r.clearance),
          request,
        ),
    }),
    defineHandler(storeRebalancingDataset, {
      pull: async (request) => pageSnapshot(await rebalanceRows(request), request),
    }),
  ];
}
