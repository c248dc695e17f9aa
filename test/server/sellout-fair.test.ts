// Fair guidance from units sold, over HTTP, with every input non-trivial. Season 2024-12-01 …
// 2025-02-28; dealer D1, style S1 (pack of 6):
//   S1-BLK-M: 30 shipped, but D1 reported selling 8 + 10 = 18 → 18 sold (the report wins)
//   S1-BLK-L: 24 shipped, nothing reported → 24 × 50 % sell-through = 12 sold
//   sold 30 × (1 + 25 %) = 37.5 → planned 38; ÷ 80 % target = 46.875 → 47
//   carry-over 10 × 30 % usable = 3 → 44 units → 8 packs = 48
//   mix 18 : 12 (M : L) = 3 : 2 → 4.8, 3.2 packs → 5, 3 → 30 + 18 = 48
//   fair order 36 + 24 = 60: (60 − 48) ÷ 48 = +25 % → flagged
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server';
import { NOW, pullAll, pushOk, seedMasters, seedSales } from './analysis-seed';

const line = (ref: string, date: string, sku: string, quantity: number, orderType = 'normal') => ({
  orderRef: ref,
  dealerCode: 'D1',
  orderDate: date,
  orderType,
  skuCode: sku,
  quantity,
  unitPrice: 10_000,
  locationCode: 'WH1',
});

describe('sell-out: fair guidance from units sold', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: () => NOW });
    await seedMasters(server);
    await seedSales(server);
    await pushOk(server, 'warehouse', 'goods-receipts', [
      { date: '2025-01-01', locationCode: 'WH1', skuCode: 'S1-BLK-L', quantity: 100 },
    ]);
    const [large] = await pushOk(server, 'manager', 'orders', [
      line('P25-L', '2025-02-01', 'S1-BLK-L', 24),
    ]);
    await pushOk(server, 'warehouse', 'shipments', [
      { date: '2025-02-05', lineId: large, quantity: 24 },
    ]);
    await pushOk(server, 'manager', 'orders', [
      line('FAIR-1', '2025-03-25', 'S1-BLK-M', 36, 'fair'),
      line('FAIR-1', '2025-03-25', 'S1-BLK-L', 24, 'fair'),
    ]);
    const report = (period: string, unitsSold: number) => ({
      dealerCode: 'D1',
      skuCode: 'S1-BLK-M',
      period,
      unitsSold,
      closingStock: 5,
    });
    await pushOk(server, 'sales', 'dealer-reports', [report('2025-01', 8), report('2025-02', 10)]);
    await pushOk(server, 'manager', 'analysis-settings', [
      { setting: 'fair-growth-percent', value: 25 },
      { setting: 'fair-sell-through-percent', value: 50 },
      { setting: 'fair-target-sell-through-percent', value: 80 },
    ]);
    await pushOk(server, 'sales', 'fair-inputs', [
      { dealerCode: 'D1', styleCode: 'S1', carryOver: 10, usablePercent: 30 },
    ]);
  });
  after(() => server.close());

  it('plans from sold units, divides by the target, subtracts usable carry-over, splits by mix', async () => {
    const { rows } = await pullAll(
      server,
      'analyst',
      'dataset=fair-guidance&from=2024-12-01&to=2025-02-28',
    );
    const v = rows.get('D1|S1')!.values;
    assert.deepEqual(
      [v.lastSeasonSellIn, v.lastSeasonSold, v.soldReported, v.plannedUnits],
      [54, 18, true, 38],
    );
    assert.deepEqual(
      [v.targetSellThroughBp, v.carryOverStock, v.usableCarryOverBp, v.carryOver],
      [8000, 10, 3000, 3],
    );
    assert.deepEqual([v.demandUnits, v.suggestedUnits], [44, 48]);
    assert.deepEqual([v.actualFairUnits, v.deviationBp, v.flagged], [60, 2500, true]);
    const parts = ['D1|S1|BLK|M', 'D1|S1|BLK|L'].map((k) => rows.get(k)!.values.suggestedUnits);
    assert.deepEqual(parts, [30, 18]);
  });

  it('keeps one carry-over per dealer × style, replaced when pushed again', async () => {
    await pushOk(server, 'sales', 'fair-inputs', [
      { dealerCode: 'D1', styleCode: 'S1', carryOver: 40, usablePercent: 30 },
    ]);
    const { rows } = await pullAll(
      server,
      'manager',
      'dataset=fair-guidance&from=2024-12-01&to=2025-02-28',
    );
    // 40 × 30 % = 12 → 47 − 12 = 35 → 6 packs = 36
    const v = rows.get('D1|S1')!.values;
    assert.deepEqual([v.carryOver, v.demandUnits, v.suggestedUnits], [12, 35, 36]);
    const inputs = await pullAll(server, 'analyst', 'dataset=fair-inputs');
    const live = [...inputs.rows.values()].filter((r) => r.op === 'upsert');
    assert.deepEqual(
      live.map((r) => r.values.carryOver),
      [40],
    );
  });
});
