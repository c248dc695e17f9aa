import assert from 'node:assert/strict';
import { gradeOf, scoreDealer, validateGradingScheme } from '../../../shared/analysis/grading';
import { accepted, refusalCode } from './outcome-helpers';

const WEIGHTS = { funds: 20, credit: 20, brandAwareness: 15, sales: 30, cooperation: 15 };
const BANDS = [
  { grade: 'A', min: 85, max: 100 },
  { grade: 'B', min: 70, max: 85 },
  { grade: 'C', min: 0, max: 70 },
];
const SCHEME = { weights: WEIGHTS, bands: BANDS };
const EVEN = { funds: 20, credit: 20, brandAwareness: 20, sales: 20, cooperation: 20 };

describe('grading', () => {
  it('accepts A ≥ 85, B 70–85, C < 70 with weights 20/20/15/30/15', () => {
    assert.ok(accepted(validateGradingScheme(SCHEME)));
  });

  const refusals: [string, unknown, string][] = [
    ['weights summing to 95', { ...SCHEME, weights: { ...WEIGHTS, sales: 25 } }, 'weights-not-100'],
    [
      'weights summing to 105',
      { ...SCHEME, weights: { ...WEIGHTS, sales: 35 } },
      'weights-not-100',
    ],
    [
      'overlapping bands (B up to 86, A from 85)',
      { ...SCHEME, bands: [BANDS[0], { grade: 'B', min: 70, max: 86 }, BANDS[2]] },
      'bands-overlap',
    ],
    [
      'a gap between bands (B up to 84, A from 85)',
      { ...SCHEME, bands: [BANDS[0], { grade: 'B', min: 70, max: 84 }, BANDS[2]] },
      'bands-gap',
    ],
    [
      'bands not starting at 0',
      { ...SCHEME, bands: [BANDS[0], BANDS[1], { grade: 'C', min: 10, max: 70 }] },
      'bands-gap',
    ],
    [
      'bands not reaching 100',
      { ...SCHEME, bands: [{ grade: 'A', min: 85, max: 99 }, BANDS[1], BANDS[2]] },
      'bands-gap',
    ],
    [
      'an empty band',
      { ...SCHEME, bands: [...BANDS, { grade: 'D', min: 50, max: 50 }] },
      'band-empty',
    ],
    [
      'a grade twice',
      { ...SCHEME, bands: [BANDS[0], { ...BANDS[1], grade: 'A' }, BANDS[2]] },
      'duplicate-grade',
    ],
    [
      'a negative weight',
      { ...SCHEME, weights: { ...WEIGHTS, funds: -5, sales: 55 } },
      'invalid-percent',
    ],
  ];
  for (const [name, scheme, code] of refusals) {
    it(`refuses ${name} with ${code}`, () => {
      assert.equal(refusalCode(validateGradingScheme(scheme)), code);
    });
  }

  describe('grade at band edges (min ≤ score < max; 100 is in the top band)', () => {
    const cases: [number, string][] = [
      [100, 'A'],
      [85, 'A'],
      [84.9, 'B'],
      [70, 'B'],
      [69.9, 'C'],
      [0, 'C'],
    ];
    for (const [score, grade] of cases) {
      it(`${score} → ${grade}`, () => {
        assert.equal(gradeOf(BANDS, score), grade);
      });
    }
  });

  describe('scoreDealer', () => {
    const cases: [string, unknown, Record<string, number>, { total: number; grade: string }][] = [
      [
        // 90×.20 + 80×.20 + 70×.15 + 95×.30 + 60×.15 = 18 + 16 + 10.5 + 28.5 + 9 = 82.0
        'worked example',
        SCHEME,
        { funds: 90, credit: 80, brandAwareness: 70, sales: 95, cooperation: 60 },
        { total: 82, grade: 'B' },
      ],
      [
        // (85 × 4 + 84.75) / 5 = 84.95 → rounds half up to 85.0 → A (floats would give 84.9).
        'a half rounds up into the next band',
        { ...SCHEME, weights: EVEN },
        { funds: 85, credit: 85, brandAwareness: 85, sales: 85, cooperation: 84.75 },
        { total: 85, grade: 'A' },
      ],
      [
        // (70 × 4 + 69.7) / 5 = 69.94 → 69.9 → C
        'just under a band edge',
        { ...SCHEME, weights: EVEN },
        { funds: 70, credit: 70, brandAwareness: 70, sales: 70, cooperation: 69.7 },
        { total: 69.9, grade: 'C' },
      ],
      [
        'all 100 → A',
        SCHEME,
        { funds: 100, credit: 100, brandAwareness: 100, sales: 100, cooperation: 100 },
        { total: 100, grade: 'A' },
      ],
    ];
    for (const [name, scheme, scores, expected] of cases) {
      it(`${name}: ${expected.total} → ${expected.grade}`, () => {
        assert.deepEqual(accepted(scoreDealer(scheme, scores)), expected);
      });
    }

    it('refuses a score above 100', () => {
      const scores = { funds: 101, credit: 0, brandAwareness: 0, sales: 0, cooperation: 0 };
      assert.equal(refusalCode(scoreDealer(SCHEME, scores)), 'score-out-of-range');
    });

    it('refuses to score under a scheme whose weights sum to 95', () => {
      const scores = { funds: 50, credit: 50, brandAwareness: 50, sales: 50, cooperation: 50 };
      const scheme = { ...SCHEME, weights: { ...WEIGHTS, cooperation: 10 } };
      assert.equal(refusalCode(scoreDealer(scheme, scores)), 'weights-not-100');
    });
  });
});
