// Dealer evaluation and grading (客户评估与分级, A22, C17): five criteria scored 0–100,
// weighted by a scheme whose weights sum to 100, and a weighted total mapped to a grade by
// bands that cover 0–100 exactly. Band convention: each band holds min ≤ score < max, and
// the band ending at 100 also holds 100 (A 85–100, B 70–85, C 0–70: 85 is A, 84.9 is B).
// The weighted total is rounded half up to one decimal before the band is looked up.
import { z } from 'zod';
import { addCodedIssue, parseOutcome, type Outcome } from './outcome';
import { percentSchema, toBasisPoints } from './split';

/** 资金 funds, 信用 credit, 品牌意识 brand awareness, 销量 sales, 配合度 cooperation. */
const gradingCriteria = ['funds', 'credit', 'brandAwareness', 'sales', 'cooperation'] as const;
export const criterionSchema = z.enum(gradingCriteria);
export type Criterion = z.infer<typeof criterionSchema>;

/** A criterion score 0–100. */
const criterionScoreSchema = z.number().refine((n) => n >= 0 && n <= 100, {
  error: 'a score must lie in 0–100',
  params: { code: 'score-out-of-range' },
});

const criterionScoresSchema = z.object({
  funds: criterionScoreSchema,
  credit: criterionScoreSchema,
  brandAwareness: criterionScoreSchema,
  sales: criterionScoreSchema,
  cooperation: criterionScoreSchema,
});
type CriterionScores = z.infer<typeof criterionScoresSchema>;

const gradingWeightsSchema = z
  .object({
    funds: percentSchema,
    credit: percentSchema,
    brandAwareness: percentSchema,
    sales: percentSchema,
    cooperation: percentSchema,
  })
  .superRefine((weights, ctx) => {
    const sum = gradingCriteria.reduce((acc, c) => acc + toBasisPoints(weights[c]), 0);
    if (sum !== 10_000) {
      addCodedIssue(ctx, 'weights-not-100', `criterion weights sum to ${sum / 100}, not 100`);
    }
  });

const gradeBandSchema = z
  .object({
    grade: z.string().min(1),
    min: z.number().min(0).max(100),
    max: z.number().min(0).max(100),
  })
  .superRefine((band, ctx) => {
    if (band.min >= band.max) {
      addCodedIssue(ctx, 'band-empty', `band ${band.grade} runs from ${band.min} to ${band.max}`);
    }
  });
type GradeBand = z.infer<typeof gradeBandSchema>;

const gradeBandsSchema = z
  .array(gradeBandSchema)
  .min(1)
  .superRefine((bands, ctx) => {
    const problem = findCoverageProblem(bands);
    if (problem) addCodedIssue(ctx, problem.code, problem.message);
  });

const gradingSchemeSchema = z.object({
  weights: gradingWeightsSchema,
  bands: gradeBandsSchema,
});
export type GradingScheme = z.infer<typeof gradingSchemeSchema>;

type CoverageProblem = {
  code: 'bands-gap' | 'bands-overlap' | 'duplicate-grade';
  message: string;
};

/** Walks the bands from 0 upwards: each must start where the previous one ended. */
function findCoverageProblem(bands: readonly GradeBand[]): CoverageProblem | undefined {
  const grades = new Set(bands.map((b) => b.grade));
  if (grades.size !== bands.length) {
    return { code: 'duplicate-grade', message: 'each grade may have only one band' };
  }
  const sorted = [...bands].sort((a, b) => a.min - b.min || a.max - b.max);
  let reach = 0;
  for (const band of sorted) {
    if (band.min > reach) {
      return { code: 'bands-gap', message: `no band covers ${reach} to ${band.min}` };
    }
    if (band.min < reach) {
      return {
        code: 'bands-overlap',
        message: `band ${band.grade} overlaps ${band.min} to ${reach}`,
      };
    }
    reach = band.max;
  }
  if (reach < 100) return { code: 'bands-gap', message: `no band covers ${reach} to 100` };
  return undefined;
}

/** Checks a scheme from a sheet or request: weights sum to 100, bands tile 0–100. */
export function validateGradingScheme(input: unknown): Outcome<GradingScheme> {
  return parseOutcome(gradingSchemeSchema, input);
}

/** The grade whose band holds `score` (min ≤ score < max; 100 falls in the top band). */
export function gradeOf(bands: readonly GradeBand[], score: number): string | undefined {
  const band = bands.find(
    (b) => b.min <= score && (score < b.max || (score === 100 && b.max === 100)),
  );
  return band?.grade;
}

/**
 * Σ score × weight / 100, rounded half up to one decimal. Exact: scores are taken to
 * hundredths and weights to basis points, so the sum is an integer in millionths.
 */
function weightedTotal(weights: GradingScheme['weights'], scores: CriterionScores): number {
  const millionths = gradingCriteria.reduce(
    (acc, c) => acc + Math.round(scores[c] * 100) * toBasisPoints(weights[c]),
    0,
  );
  return Math.floor((2 * millionths + 100_000) / 200_000) / 10;
}

type DealerGrade = { total: number; grade: string };

/** Scores one dealer under a scheme; refuses an invalid scheme or out-of-range scores. */
export function scoreDealer(scheme: unknown, scores: unknown): Outcome<DealerGrade> {
  const parsedScheme = validateGradingScheme(scheme);
  if (!parsedScheme.ok) return parsedScheme;
  const parsedScores = parseOutcome(criterionScoresSchema, scores);
  if (!parsedScores.ok) return parsedScores;
  const total = weightedTotal(parsedScheme.value.weights, parsedScores.value);
  const grade = gradeOf(parsedScheme.value.bands, total);
  if (grade === undefined) throw new Error(`validated bands do not cover ${total}`);
  return { ok: true, value: { total, grade } };
}
