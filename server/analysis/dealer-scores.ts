// The `dealer-scores` push (the manager's qualitative scores, kept per period and dealer like
// master data) and the `dealer-grades` pull (the computed results with history, a true delta
// over `records`). See dealer-grades.ts for how a grade is computed.
import {
  dealerGradesDataset,
  dealerScoresDataset,
  gradingSchemeRowSchema,
  type DealerScoreRow,
  type GradingSchemeRow,
} from '../../shared/analysis/datasets';
import type { RowProblem } from '../../shared/row-errors';
import { allRecords } from '../datasets/records-store';
import { masterHandler, pullRecords } from '../datasets/master';
import { readStored } from '../datasets/stored-values';
import { defineHandler, type DatasetHandler, type PullRequest } from '../sync/handler';
import { DEFAULT_SCHEME, writeGrades } from './dealer-grades';
import { pushThroughGate } from './gate';
import { loadMasters, userDealers } from './masters';

async function loadSchemes(ctx: { trx: Parameters<typeof allRecords>[0] }) {
  const records = await allRecords(ctx.trx, 'grading-schemes');
  const where = (id: string) => ({ dataset: 'grading-schemes', id });
  return new Map<string, GradingSchemeRow>(
    [...records].map(([code, r]) => [
      code,
      readStored(gradingSchemeRowSchema, r.values, where(code)),
    ]),
  );
}

export function dealerScoresHandler(): DatasetHandler {
  const def = dealerScoresDataset;
  const inner = masterHandler({ ...def, naturalKey: 'scoreId' });
  return defineHandler(def, {
    async push(ctx, mutations) {
      const masters = await loadMasters(ctx.trx);
      const schemes = await loadSchemes(ctx);
      const check = (m: { values: DealerScoreRow }): RowProblem[] => {
        const scheme = m.values.schemeCode ?? DEFAULT_SCHEME;
        return schemes.has(scheme)
          ? []
          : [{ field: 'schemeCode', code: 'unknown-scheme', params: { value: scheme } }];
      };
      const prepare = <M extends { values: DealerScoreRow }>(m: M) => {
        const row = m.values;
        return { ...m, values: { ...row, scoreId: `${row.period}-${row.dealerCode}` } };
      };
      const result = await pushThroughGate(ctx, mutations, { inner, check, prepare });
      const rows = result.applied.flatMap(([m]) => (m.op === 'upsert' ? [m.values] : []));
      await writeGrades({ ctx, masters, schemes }, rows);
      return result.outcomes;
    },
    pull: (request) => pullRecords('dealer-scores', request),
  });
}

async function pullGrades(request: PullRequest) {
  const dealers = userDealers(await loadMasters(request.db), request.user);
  const { dealer, from, to } = request.filter;
  return pullRecords('dealer-grades', request, (v) => {
    const code = String(v.dealerCode);
    const period = String(v.period);
    return (
      (dealers === null || dealers.has(code)) &&
      (!dealer || dealer === code) &&
      (!from || period >= from.slice(0, 4)) &&
      (!to || period <= to)
    );
  });
}

export function dealerGradesHandler(): DatasetHandler {
  return defineHandler(dealerGradesDataset, { pull: pullGrades });
}
