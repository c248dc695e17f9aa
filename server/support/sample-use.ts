// Pull "sample-quota-use": per dealer, season and item of its grade's quotas — the quota, the
// units issued (kept in sample_use), what is left, the value charged, and the dealer's season
// budget, charged total and budget left. The `dealer` filter and a region-limited sales user's
// regions narrow the dealers (server/analysis/masters.ts `scopeOf`). Paged as a snapshot.
import { marketingBudgetsDataset, sampleQuotasDataset } from '../../shared/support/datasets';
import { loadMasters, scopeOf } from '../analysis/masters';
import { pageSnapshot } from '../analysis/snapshot';
import { allRecords } from '../datasets/records-store';
import type { PullPage, PullRequest } from '../sync/handler';
import { useKey } from './sample-use-store';

interface Quota {
  grade: string;
  season: string;
  skuCode: string;
  quantity: number;
}

async function loadTotals(request: PullRequest, dealers: string[]) {
  const use = new Map<string, { quantity: number; value: number }>();
  const charged = new Map<string, number>();
  for (let i = 0; i < dealers.length; i += 500) {
    const rows = await request.db
      .selectFrom('sample_use')
      .selectAll()
      .where('dealer_code', 'in', dealers.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const value = row.value;
      use.set(useKey(row.dealer_code, row.season, row.sku_code), {
        quantity: row.quantity,
        value,
      });
      const season = `${row.dealer_code}|${row.season}`;
      charged.set(season, (charged.get(season) ?? 0) + value);
    }
  }
  return { use, charged };
}

export async function pullQuotaUse(request: PullRequest): Promise<PullPage> {
  const masters = await loadMasters(request.db);
  const scope = scopeOf(masters, request.user, request.filter);
  const dealers = [...masters.dealers.values()].filter(
    (d) => scope.dealers === null || scope.dealers.has(d.code),
  );
  const quotas = [...(await allRecords(request.db, sampleQuotasDataset.name)).values()].map(
    (r) => r.values as unknown as Quota,
  );
  const budgets = new Map<string, number>();
  for (const r of (await allRecords(request.db, marketingBudgetsDataset.name)).values())
    budgets.set(
      `${String(r.values.dealerCode)}|${String(r.values.season)}`,
      Number(r.values.budget),
    );
  const { use, charged } = await loadTotals(
    request,
    dealers.map((d) => d.code),
  );
  const rows = dealers.flatMap((dealer) =>
    quotas
      .filter((q) => q.grade === dealer.grade)
      .map((q) => {
        const used = use.get(useKey(dealer.code, q.season, q.skuCode));
        const season = `${dealer.code}|${q.season}`;
        const budget = budgets.get(season) ?? 0;
        const spent = charged.get(season) ?? 0;
        const values = {
          dealerCode: dealer.code,
          grade: q.grade,
          season: q.season,
          skuCode: q.skuCode,
          quota: q.quantity,
          used: used?.quantity ?? 0,
          left: q.quantity - (used?.quantity ?? 0),
          value: used?.value ?? 0,
          budget,
          charged: spent,
          budgetLeft: budget - spent,
        };
        return { key: `${dealer.code}/${q.season}/${q.skuCode}`, values };
      }),
  );
  return pageSnapshot(rows, request);
}
