import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server';
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
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ now: () => NOW });
    await seedMasters(server);
    await seedSales(server);
  });
  afterEach(() => server.close());

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
    // best (D2): D1 35.7, D2 100, D3 0. Credit is the neutral 100.
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
    // D1: (80 + 100 + 80 + 35.7 + 80) / 5 = 75.14 → 75.1 → B, as in the master data.
    assert.deepEqual(view('2025-Q1-D1'), [357, 1000, 751, 'B', 'B', false]);
    // D2: (90 + 100 + 60 + 100 + 70) / 5 = 84 → B; the master data says A → changed.
    assert.deepEqual(view('2025-Q1-D2'), [1000, 1000, 840, 'B', 'A', true]);
    // Q2: nothing shipped, sales 0: (100 + 100 + 100 + 0 + 100) / 5 = 80 → B, after Q1's B.
    assert.deepEqual(view('2025-Q2-D2'), [0, 1000, 800, 'B', 'B', false]);
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
