import assert from 'node:assert/strict';
import { serverPerTest } from '../support/server';
import { NOW, push, pullAll, pushOk, seedMasters, seedSales } from './analysis-seed';

const scheme = (overrides: Record<string, unknown> = {}) => ({
  code: 'default',
  funds: 20,
  credit: 20,
  brandAwareness: 20,
  sales: 20,
  cooperation: 20,
  aMin: 85,
  aMax: 100,
  bMin: 70,
  bMax: 85,
  cMin: 0,
  cMax: 70,
  ...overrides,
});

describe('analysis: grading schemes and dealer grades', () => {
  const server = serverPerTest({
    now: () => NOW,
    prepare: async (s) => {
      await seedMasters(s);
      await seedSales(s);
    },
  });

  it('refuses weights summing to 95 and overlapping bands, saying where', async () => {
    const res = await push(server, 'manager', 'grading-schemes', [
      scheme({ code: 'w95', cooperation: 15 }),
      scheme({ code: 'overlap', bMax: 86 }),
      scheme({ code: 'gap', cMax: 60 }),
    ]);
    const errors = res.body.results.map(
      (r: { status: string; errors: { code: string; message: string }[] }) => [
        r.status,
        r.errors[0]?.code,
        r.errors[0]?.message,
      ],
    );
    assert.deepEqual(errors, [
      ['rejected', 'weights-not-100', '权重合计应为 100（现为 95）。'],
      ['rejected', 'bands-overlap', '等级区间重叠：85–86'],
      ['rejected', 'bands-gap', '等级区间未覆盖 0–100：60–70'],
    ]);
  });

  it('grades dealers from scores and shipped sales, keeps each period as history', async () => {
    await pushOk(server, 'manager', 'grading-schemes', [scheme()]);
    // Q1 2025 shipped: D1 300000, D2 240000 + 600000 = 840000, D3 0 → sales scores vs the
    // best (D2): D1 35.7, D2 100, D3 0. Nobody has paid (terms 30 days), so on 2025-03-31
    // D1 owes 600000 + 300000, all overdue → credit 0; D2 owes 1200000 + 240000 overdue and
    // 600000 (shipped 2025-03-10) not yet due → 100 × (1 − 1440000 / 2040000) = 29.4.
    await pushOk(server, 'manager', 'dealer-scores', [
      { period: '2025-Q1', dealerCode: 'D1', funds: 80, brandAwareness: 80, cooperation: 80 },
      { period: '2025-Q1', dealerCode: 'D2', funds: 90, brandAwareness: 60, cooperation: 70 },
    ]);
    await pushOk(server, 'manager', 'dealer-scores', [
      { period: '2025-Q2', dealerCode: 'D2', funds: 100, brandAwareness: 100, cooperation: 100 },
    ]);
    const { rows } = await pullAll(server, 'analyst', 'dataset=dealer-grades');
    const view = (id: string) => {
      const v = rows.get(id)!.values;
      return [v.sales, v.credit, v.total, v.grade, v.previousGrade, v.changed];
    };
    // D1: (80 + 0 + 80 + 35.7 + 80) / 5 = 55.14 → 55.1 → C; the master data says B → changed.
    assert.deepEqual(view('2025-Q1-D1'), [357, 0, 551, 'C', 'B', true]);
    // D2: (90 + 29.4 + 60 + 100 + 70) / 5 = 69.88 → 69.9 → C; the master data says A.
    assert.deepEqual(view('2025-Q1-D2'), [1000, 294, 699, 'C', 'A', true]);
    // Q2 is running: credit as of today, the same 29.4; nothing shipped, sales 0:
    // (100 + 29.4 + 100 + 0 + 100) / 5 = 65.88 → 65.9 → C, after Q1's C.
    assert.deepEqual(view('2025-Q2-D2'), [0, 294, 659, 'C', 'C', false]);
    assert.equal(rows.size, 3);
  });

  it('refuses scores without a scheme and scores above 100', async () => {
    const res = await push(server, 'manager', 'dealer-scores', [
      { period: '2025-Q1', dealerCode: 'D1', funds: 80, brandAwareness: 80, cooperation: 80 },
      { period: '2025-Q5', dealerCode: 'D1', funds: 80, brandAwareness: 80, cooperation: 80 },
      { period: '2025', dealerCode: 'D1', funds: 101, brandAwareness: 80, cooperation: 80 },
    ]);
    assert.deepEqual(
      res.body.results.map((r: { errors: { code: string }[] }) => r.errors[0]?.code),
      ['unknown-scheme', 'invalid-period', 'score-out-of-range'],
    );
  });
});
