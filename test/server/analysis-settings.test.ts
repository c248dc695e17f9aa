// Analysis settings (分析设置): managers set the planning inputs the fair-guidance and
// replenishment pulls read; unset settings keep their defaults (10 %, 100 %, 14, 28, 60, 90).
import assert from 'node:assert/strict';
import { serverPerTest } from '../support/server';
import { NOW, pullAll, push, pushOk, seedMasters, seedSales } from './analysis-seed';

describe('analysis: settings', () => {
  const server = serverPerTest({
    now: () => NOW,
    prepare: async (s) => {
      await seedMasters(s);
      await seedSales(s);
    },
  });

  const fair = async () => {
    const query = 'dataset=fair-guidance&from=2025-01-01&to=2025-03-31';
    const { rows } = await pullAll(server, 'manager', query);
    const v = rows.get('D2|S3')!.values;
    return [
      v.growthBp,
      v.demandUnits,
      v.suggestedUnits,
      rows.get('D2|S3|BLU|M')!.values.suggestedUnits,
    ];
  };

  it('grows the fair suggestion by the planned growth a manager sets', async () => {
    // Default 10 %: 120 units bought last season × 1.10 = 132 = 11 packs of 12.
    assert.deepEqual(await fair(), [1000, 132, 132, 132]);
    await pushOk(server, 'manager', 'analysis-settings', [
      { setting: 'fair-growth-percent', value: 20 },
    ]);
    // 20 %: 120 × 1.20 = 144 = 12 packs of 12.
    assert.deepEqual(await fair(), [2000, 144, 144, 144]);
    // Sell-through 50 % as well: 120 × 0.5 × 1.2 = 72 = 6 packs.
    await pushOk(server, 'manager', 'analysis-settings', [
      { setting: 'fair-sell-through-percent', value: 50 },
    ]);
    assert.deepEqual(await fair(), [2000, 72, 72, 72]);
  });

  it('reorders for the lead time a manager sets', async () => {
    const s3 = async () => {
      const { rows } = await pullAll(server, 'warehouse', 'dataset=replenishment');
      const v = rows.get('WH1|S3-BLU-M')!.values;
      return [v.leadTimeDays, v.windowDays, v.position, v.suggestedQuantity];
    };
    // Default 14 days: (120 × (14 + 7) + (20 − 44) × 28) / 28 = 66 → 72 (packs of 12).
    assert.deepEqual(await s3(), [14, 28, 44, 72]);
    await pushOk(server, 'manager', 'analysis-settings', [
      { setting: 'lead-time-days', value: 28 },
    ]);
    // 28 days: (120 × (28 + 7) + (20 − 44) × 28) / 28 = 126 → 11 packs = 132.
    assert.deepEqual(await s3(), [28, 28, 44, 132]);
  });

  it('refuses a value out of its range, saying the range', async () => {
    const res = await push(server, 'manager', 'analysis-settings', [
      { setting: 'lead-time-days', value: 400 },
      { setting: 'fair-growth-percent', value: -100 },
      { setting: 'sales-window-days', value: 1 },
    ]);
    const outcome = res.body.results.map(
      (r: { status: string; errors: { code: string; message: string }[] }) => [
        r.status,
        r.errors[0]?.code,
        r.errors[0]?.message,
      ],
    );
    assert.deepEqual(outcome, [
      ['rejected', 'setting-out-of-range', '设置项“lead-time-days”的值应在 0 到 365 之间。'],
      ['rejected', 'setting-out-of-range', '设置项“fair-growth-percent”的值应在 -99 到 200 之间。'],
      ['applied', undefined, undefined],
    ]);
  });

  it('lets managers push and sales read, but not push', async () => {
    const row = { setting: 'slow-mover-days', value: 30 };
    assert.equal((await push(server, 'sales', 'analysis-settings', [row])).status, 403);
    assert.equal((await push(server, 'analyst', 'analysis-settings', [row])).status, 403);
    await pushOk(server, 'admin', 'analysis-settings', [row]);
    const { rows } = await pullAll(server, 'sales', 'dataset=analysis-settings');
    assert.deepEqual(
      [...rows.values()].map((r) => r.values),
      [{ id: 'slow-mover-days', ...row }],
    );
    const res = await server.call('warehouse', '/api/v1/sync/pull?dataset=analysis-settings');
    assert.equal(res.status, 403);
  });
});
