import assert from 'node:assert/strict';
import { suiteServer } from '../support/server';
import { NOW, push, pullAll, pushOk, seedMasters, seedSales } from './analysis-seed';

// 8 % for January–August, 9 % for September–December: 100 in all.
const distribution = Object.fromEntries(
  Array.from({ length: 12 }, (_, i) => [`m${String(i + 1).padStart(2, '0')}`, i < 8 ? 8 : 9]),
);
const AMOUNT = 100_000_001; // fen: one fen that the split must place

describe('analysis: targets, splits and achievement', () => {
  const server = suiteServer({ now: () => NOW });
  before(async () => {
    await seedMasters(server);
    await seedSales(server);
    await pushOk(server, 'manager', 'targets', [
      {
        year: 2025,
        level: 'region',
        code: 'HD',
        amount: AMOUNT,
        ...distribution,
        method: 'last-year',
      },
    ]);
  });

  it('refuses a distribution summing to 95, with the shared rule reason in the user language', async () => {
    const res = await push(server, 'manager', 'targets', [
      { year: 2025, level: 'region', code: 'SH', amount: 1000, ...distribution, m12: 4 },
    ]);
    const [result] = res.body.results;
    assert.equal(result.status, 'rejected');
    assert.equal(result.errors[0].code, 'distribution-not-100');
    assert.match(result.errors[0].message, /95/);
    assert.match(result.errors[0].message, /分解比例合计应为 100/);
  });

  it('refuses an unknown region and a partial distribution', async () => {
    const res = await push(server, 'manager', 'targets', [
      { year: 2025, level: 'region', code: 'XX', amount: 1000 },
      { year: 2025, level: 'dealer', code: 'D1', amount: 1000, m01: 100 },
    ]);
    assert.deepEqual(
      res.body.results.map((r: { errors: { code: string }[] }) => r.errors[0]?.code),
      ['unknown-region', 'distribution-not-100'],
    );
  });

  it('refuses a push from an analyst', async () => {
    const res = await push(server, 'analyst', 'targets', [
      { year: 2025, level: 'region', code: 'HD', amount: 1 },
    ]);
    assert.equal(res.status, 403);
  });

  it('splits the region over months and down to dealers, summing exactly in fen', async () => {
    const { rows } = await pullAll(server, 'manager', 'dataset=target-splits&from=2025-01-01');
    const amount = (level: string, code: string, month: string) =>
      rows.get(`2025|${level}|${code}|2025-${month}`)?.values.amount as number;
    const months = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
    // 8 % of 100000001 = 8000000.08 → 8000000; 9 % = 9000000.09 → 9000000; the one fen left
    // goes to the largest remainder, the first 9 % month: September.
    assert.equal(amount('region', 'HD', '01'), 8_000_000);
    assert.equal(amount('region', 'HD', '09'), 9_000_001);
    assert.equal(amount('region', 'HD', '10'), 9_000_000);
    assert.equal(
      months.reduce((acc, m) => acc + amount('region', 'HD', m), 0),
      AMOUNT,
    );
    for (const m of months) {
      const dealers = ['D1', 'D2', 'D3'].map((d) => amount('dealer', d, m));
      assert.equal(
        dealers[0]! + dealers[1]! + dealers[2]!,
        amount('region', 'HD', m),
        `month ${m}`,
      );
    }
    // Last year's shares D1 : D2 : D3 = 600000 : 1200000 : 0; September 9000001 → 3000000.33
    // and 6000000.67, the fen to D2's larger remainder.
    assert.deepEqual(
      ['D1', 'D2', 'D3'].map((d) => amount('dealer', d, '09')),
      [3_000_000, 6_000_001, 0],
    );
    assert.equal(rows.get('2025|dealer|D2|2025-09')?.values.parentCode, 'HD');
  });

  it('reports achievement per month and year to date against shipped amounts', async () => {
    const { rows } = await pullAll(server, 'analyst', 'dataset=achievement&from=2025-01-01');
    const jan = rows.get('2025|region|HD|2025-01|month')!.values;
    // Shipped in January: D1 30 × 100 yuan + D2 12 × 200 yuan = 540000 fen against 8000000.
    assert.deepEqual(
      [jan.target, jan.actual, jan.variance, jan.rateBp],
      [8_000_000, 540_000, -7_460_000, 675],
    );
    const febYtd = rows.get('2025|region|HD|2025-02|ytd')!.values;
    // 540000 / 16000000 = 337.5 bp → 338 (half away from zero).
    assert.deepEqual([febYtd.target, febYtd.actual, febYtd.rateBp], [16_000_000, 540_000, 338]);
    const marD2 = rows.get('2025|dealer|D2|2025-03|ytd')!.values;
    // D2 shipped 12 × S2 in January and 120 × S3 in March; its targets are its monthly splits.
    assert.equal(marD2.actual, 240_000 + 120 * 5_000);
    assert.equal(
      marD2.target,
      ['01', '02', '03'].reduce(
        (acc, m) => acc + (rows.get(`2025|dealer|D2|2025-${m}|month`)!.values.target as number),
        0,
      ),
    );
  });

  it('answers a refresh of a computed pull with reset and the full current result', async () => {
    const first = await pullAll(
      server,
      'analyst',
      'dataset=target-splits&from=2025-01-01&limit=10',
    );
    assert.equal(first.rows.size, 4 * 12);
    const refresh = await server.call(
      'analyst',
      `/api/v1/sync/pull?dataset=target-splits&from=2025-01-01&limit=100&cursor=${first.cursor}`,
    );
    assert.equal(refresh.body.reset, true);
    assert.equal(refresh.body.rows.length, 48);
  });
});
