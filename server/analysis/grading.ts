// 客户评估方案 (A22, C17): a manager pushes a grading scheme as one flat row — five criterion
// weights and the A/B/C bands. The shared rule (shared/analysis/grading.ts) refuses weights
// that do not sum to 100 and bands that overlap, leave a gap or are empty; the reason goes
// back in the user's language. Valid schemes are kept in `records` like master data.
import { validateGradingScheme, type GradingScheme } from '../../shared/analysis/grading';
import type { GradingSchemeRow } from '../../shared/analysis/datasets';
import { gradingSchemesDataset } from '../../shared/analysis/datasets';
import type { RowProblem } from '../../shared/row-errors';
import { masterHandler } from '../datasets/master';
import { defineHandler, type DatasetHandler } from '../sync/handler';
import { pushThroughGate } from './gate';

/** The shared rule's shape of a sheet row. */
export function schemeOf(row: GradingSchemeRow): GradingScheme {
  return {
    weights: {
      funds: row.funds,
      credit: row.credit,
      brandAwareness: row.brandAwareness,
      sales: row.sales,
      cooperation: row.cooperation,
    },
    bands: [
      { grade: 'A', min: row.aMin, max: row.aMax },
      { grade: 'B', min: row.bMin, max: row.bMax },
      { grade: 'C', min: row.cMin, max: row.cMax },
    ],
  };
}

/** "band B overlaps 84 to 85" → "84–85": numbers read the same in both languages. */
function detailOf(message: string): string {
  const match = /(-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?)/.exec(message);
  return match ? `${match[1] ?? ''}–${match[2] ?? ''}` : '';
}

function schemeProblems(row: GradingSchemeRow): RowProblem[] {
  const outcome = validateGradingScheme(schemeOf(row));
  if (outcome.ok) return [];
  const { weights } = schemeOf(row);
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  switch (outcome.code) {
    case 'weights-not-100':
      return [{ code: 'weights-not-100', params: { sum } }];
    case 'bands-overlap':
    case 'bands-gap':
    case 'band-empty':
      return [{ code: outcome.code, params: { detail: detailOf(outcome.message) } }];
    case 'duplicate-grade':
      return [{ code: 'duplicate-grade' }];
    default:
      return [{ code: 'invalid-value' }];
  }
}

export function gradingSchemesHandler(): DatasetHandler {
  const def = gradingSchemesDataset;
  const inner = masterHandler(def);
  const check = (m: { values: GradingSchemeRow }) => schemeProblems(m.values);
  return defineHandler(def, {
    push: async (ctx, mutations) =>
      (await pushThroughGate(ctx, mutations, { inner, check })).outcomes,
    ...(inner.pull ? { pull: inner.pull } : {}),
  });
}
