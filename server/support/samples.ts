// Samples and promotional material (样品与宣传物料): the quota and budget registers, and the
// issues. An issue is a zero-price issue to the dealer, charged to its marketing budget at the
// item's reference price (the dealer price when issued). The units issued per dealer, season
// and item are kept in `sample_use` in the push's transaction, so the quota check reads one
// row per key, never the issues' history. An issue over the dealer's quota (its grade's, for the
// season) is refused unless a manager pushes with `overQuota: true`; an issue once made does not
// change (delete it and issue again). See docs/dealer-support.md.
import {
  marketingBudgetsDataset,
  sampleIssuesDataset,
  sampleQuotasDataset,
} from '../../shared/support/datasets';
import type { SampleIssueValues } from '../../shared/support/samples';
import { managers } from '../../shared/roles';
import type { RowProblem } from '../../shared/row-errors';
import { allRecords, recordsById, rowKeyGuard } from '../datasets/records-store';
import type { DatasetHandler, ParsedMutation, WriteContext } from '../sync/handler';
import { defineHandler } from '../sync/handler';
import { gatedHandler } from './gated';
import { loadUse, saveUse, useKey, type Use } from './sample-use-store';

type Values = Record<string, unknown>;

export const quotaKey = (grade: string, season: string, sku: string) => `${grade}/${season}/${sku}`;

export function sampleQuotasHandler(): DatasetHandler {
  return gatedHandler(sampleQuotasDataset, {
    keyOf: (v) => quotaKey(String(v.grade), String(v.season), String(v.skuCode)),
  });
}

export function marketingBudgetsHandler(): DatasetHandler {
  return gatedHandler(marketingBudgetsDataset, {
    keyOf: (v) => `${String(v.season)}/${String(v.dealerCode)}`,
  });
}

interface Run {
  ctx: WriteContext;
  grades: Map<string, string>;
  prices: Map<string, number>;
  quotas: Map<string, number>;
  use: Map<string, Use>;
  overQuota: boolean;
}

function quotaProblems(run: Run, v: SampleIssueValues): RowProblem[] {
  const grade = run.grades.get(v.dealerCode);
  if (grade === undefined) return []; // the reference check names the unknown dealer
  const quota = run.quotas.get(quotaKey(grade, v.season, v.skuCode));
  if (quota === undefined)
    return [{ field: 'skuCode', code: 'sample-no-quota', params: { grade, season: v.season } }];
  const used = run.use.get(useKey(v.dealerCode, v.season, v.skuCode))?.quantity ?? 0;
  if (used + v.quantity <= quota || run.overQuota) return [];
  const params = { season: v.season, quota, used, left: quota - used, quantity: v.quantity };
  return [{ field: 'quantity', code: 'sample-over-quota', params }];
}

/** Adds (or with sign −1 takes back) an issue's units and value to the kept totals. */
function count(run: Run, v: SampleIssueValues, sign: 1 | -1) {
  const key = useKey(v.dealerCode, v.season, v.skuCode);
  const use = run.use.get(key) ?? {
    dealer: v.dealerCode,
    season: v.season,
    sku: v.skuCode,
    quantity: 0,
    value: 0,
  };
  const value = typeof (v as Values).value === 'number' ? Number((v as Values).value) : 0;
  run.use.set(key, {
    ...use,
    quantity: use.quantity + sign * v.quantity,
    value: use.value + sign * value,
  });
}

async function openRun(
  ctx: WriteContext,
  mutations: readonly ParsedMutation<SampleIssueValues>[],
  stored: Values[],
) {
  const upserts = mutations.flatMap((m) => (m.op === 'upsert' ? [m.values] : []));
  const all = [...upserts, ...(stored as unknown as SampleIssueValues[])];
  const dealers = await recordsById(
    ctx.trx,
    'dealers',
    all.map((v) => v.dealerCode),
  );
  const products = await recordsById(
    ctx.trx,
    'products',
    all.map((v) => v.skuCode),
  );
  const quotas = new Map<string, number>();
  for (const record of (await allRecords(ctx.trx, sampleQuotasDataset.name)).values())
    quotas.set(record.id, Number(record.values.quantity));
  const live = (r: { deleted: boolean }) => !r.deleted;
  const run: Run = {
    ctx,
    grades: new Map(
      [...dealers].filter(([, r]) => live(r)).map(([id, r]) => [id, String(r.values.grade)]),
    ),
    prices: new Map(
      [...products].filter(([, r]) => live(r)).map(([id, r]) => [id, Number(r.values.dealerPrice)]),
    ),
    quotas,
    use: await loadUse(ctx.trx, all),
    overQuota: ctx.options.overQuota === true,
  };
  return run;
}

export function sampleIssuesHandler(): DatasetHandler {
  const inner = gatedHandler(sampleIssuesDataset, {
    matches: (request) => {
      const { from, to, dealer } = request.filter;
      return Promise.resolve((v: Values) => {
        const date = String(v.issueDate);
        return (
          (!dealer || v.dealerCode === dealer) && (!from || date >= from) && (!to || date <= to)
        );
      });
    },
  });
  const pull = inner.pull;
  if (!pull) throw new Error('the gated handler pulls');
  return defineHandler(sampleIssuesDataset, {
    async push(ctx, mutations) {
      const role = ctx.actor.user.role;
      if (ctx.options.overQuota === true && !managers.includes(role)) {
        const problems: RowProblem[] = [
          { code: 'option-needs-manager', params: { option: 'overQuota' } },
        ];
        return mutations.map(() => ({ status: 'rejected' as const, problems }));
      }
      const existing = await rowKeyGuard.find(
        ctx.trx,
        sampleIssuesDataset.name,
        mutations.map((m) => m.rowKey),
      );
      const liveBefore = new Map(
        [...existing].filter(([, r]) => !r.deleted).map(([k, r]) => [k, r.values]),
      );
      const run = await openRun(ctx, mutations, [...liveBefore.values()]);
      const refused = new Map<number, RowProblem[]>();
      const passed: ParsedMutation<SampleIssueValues>[] = [];
      for (const m of mutations) {
        const before = liveBefore.get(m.rowKey) as SampleIssueValues | undefined;
        if (m.op === 'delete') {
          passed.push(m);
          continue;
        }
        if (before) {
          // Same values: the master handler answers unchanged; different: refused.
          const same = (
            ['issueRef', 'issueDate', 'season', 'dealerCode', 'skuCode', 'quantity'] as const
          ).every((f) => before[f] === m.values[f]);
          if (!same) refused.set(m.index, [{ code: 'sample-issue-fixed' }]);
          else passed.push({ ...m, values: before });
          continue;
        }
        const problems = quotaProblems(run, m.values);
        if (problems.length > 0) {
          refused.set(m.index, problems);
          continue;
        }
        const referencePrice = run.prices.get(m.values.skuCode) ?? 0;
        const values = { ...m.values, referencePrice, value: referencePrice * m.values.quantity };
        count(run, values, 1);
        passed.push({ ...m, values });
      }
      const outcomes = inner.push ? await inner.push(ctx, passed) : [];
      const byIndex = new Map(passed.map((m, i) => [m.index, outcomes[i]]));
      const result = mutations.map(
        (m) =>
          byIndex.get(m.index) ?? {
            status: 'rejected' as const,
            problems: refused.get(m.index) ?? [],
          },
      );
      // Units counted for rows the store did not apply are taken back; deletes give theirs back.
      mutations.forEach((m, i) => {
        const applied = result[i]?.status === 'applied';
        const before = liveBefore.get(m.rowKey) as SampleIssueValues | undefined;
        if (m.op === 'delete' && applied && before) count(run, before, -1);
        if (m.op === 'upsert' && !before && !applied && !refused.has(m.index))
          count(run, passed.find((p) => p.index === m.index)?.values as SampleIssueValues, -1);
      });
      await saveUse(ctx.trx, [...run.use.values()]);
      return result;
    },
    pull,
  });
}
