// Self-operated stores over HTTP, with worked numbers. Style S1 (S1-BLK-M, S1-BLK-L):
//   ST1 received 40 on 2025-03-03 and sold 7 → 1750 bp; as of 2025-03-31 it is week 5 (28 days).
//   ST2 received 20 + 20 (03-03, 03-10) and sold 22 + 10 → 32 / 40 = 8000 bp, 10 in the last week.
//   Over both: 39 / 80 = 4875 bp.
// Ladder: step 1 at week 2 below 30 % → 10 % off; step 2 at week 5 below 20 % → 30 % off.
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from '../support/server';
import { NOW, pullAll, push, pushOk, seedMasters } from './analysis-seed';

const sale = (locationCode: string, skuCode: string, date: string, quantity: number) => ({
  date,
  locationCode,
  skuCode,
  quantity,
});

describe('sell-out: self-operated stores', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: () => NOW });
    await seedMasters(server);
    await pushOk(server, 'manager', 'locations', [
      { code: 'ST1', name: '上海自营店', kind: 'store', status: 'active' },
      { code: 'ST2', name: '南京自营店', kind: 'store', status: 'active' },
    ]);
    await pushOk(server, 'warehouse', 'goods-receipts', [
      { date: '2025-03-03', locationCode: 'ST1', skuCode: 'S1-BLK-M', quantity: 40 },
      { date: '2025-03-03', locationCode: 'ST2', skuCode: 'S1-BLK-M', quantity: 20 },
      { date: '2025-03-10', locationCode: 'ST2', skuCode: 'S1-BLK-L', quantity: 20 },
    ]);
    await pushOk(server, 'sales', 'store-sales', [
      sale('ST1', 'S1-BLK-M', '2025-03-15', 7),
      sale('ST2', 'S1-BLK-M', '2025-03-10', 12),
      sale('ST2', 'S1-BLK-L', '2025-03-10', 10),
      sale('ST2', 'S1-BLK-L', '2025-03-28', 10),
    ]);
    await pushOk(server, 'manager', 'markdown-ladder', [
      { step: 1, week: 2, belowPercent: 30, discountPercent: 10 },
      { step: 2, week: 5, belowPercent: 20, discountPercent: 30 },
    ]);
  });
  after(() => server.close());

  const pull = async (dataset: string, query = '') =>
    (await pullAll(server, 'analyst', `dataset=${dataset}${query}`)).rows;

  it('works out sell-through per style × store and per style, weeks from the first receipt', async () => {
    const rows = await pull('store-sell-through');
    const pick = (key: string) => {
      const v = rows.get(key)!.values;
      return [v.firstReceipt, v.week, v.received, v.sold, v.onHand, v.sellThroughBp];
    };
    assert.deepEqual(pick('S1|ST1'), ['2025-03-03', 5, 40, 7, 33, 1750]);
    assert.deepEqual(pick('S1|ST2'), ['2025-03-03', 5, 40, 32, 8, 8000]);
    assert.deepEqual(pick('S1|*'), ['2025-03-03', 5, 80, 39, 41, 4875]);
  });

  it('fires the ladder step by week and threshold, and lists the deepest as clearance', async () => {
    // Week 4 (as of 03-30): only step 1 has come; 1750 < 3000 → 10 % off.
    const week4 = await pull('markdown-proposals', '&to=2025-03-30');
    assert.deepEqual(
      [...week4.values()].map((r) => [
        r.key,
        r.values.week,
        r.values.step,
        r.values.discountPercent,
      ]),
      [['S1|ST1', 4, 1, 10]],
    );
    // Week 5: step 2 has come and 1750 < 2000 → 30 % off, the ladder's deepest → clearance.
    const week5 = await pull('markdown-proposals');
    const v = week5.get('S1|ST1')!.values;
    assert.deepEqual([v.week, v.step, v.discountPercent, v.clearance], [5, 2, 30, true]);
    assert.equal(week5.has('S1|ST2'), false);
    assert.deepEqual([...(await pull('store-clearance')).keys()], ['S1|ST1']);
  });

  it('suggests moving half the slow store’s stock to cover two weeks at the fast one', async () => {
    // ST2 needs 10 × 2 − 8 = 12; ST1 can give ⌊33 ÷ 2⌋ = 16 → 12 units ST1 → ST2.
    const rows = await pull('store-rebalancing');
    assert.deepEqual(
      [...rows.values()].map((r) => [
        r.values.fromLocation,
        r.values.toLocation,
        r.values.quantity,
      ]),
      [['ST1', 'ST2', 12]],
    );
  });

  it('replaces a re-pushed store day: at exactly 20 % step 2 no longer fires', async () => {
    await pushOk(server, 'sales', 'store-sales', [sale('ST1', 'S1-BLK-M', '2025-03-15', 8)]);
    const v = (await pull('markdown-proposals')).get('S1|ST1')!.values;
    assert.deepEqual([v.sellThroughBp, v.step, v.clearance], [2000, 1, false]);
    assert.equal((await pull('store-clearance')).size, 0);
    await pushOk(server, 'sales', 'store-sales', [sale('ST1', 'S1-BLK-M', '2025-03-15', 7)]);
  });

  it('takes store sales only for stores, and the ladder only from managers', async () => {
    const res = await push(server, 'sales', 'store-sales', [
      sale('WH1', 'S1-BLK-M', '2025-03-15', 1),
    ]);
    assert.deepEqual(
      res.body.results[0].errors.map((e: { code: string }) => e.code),
      ['sellout-not-a-store'],
    );
    const ladder = { step: 3, week: 8, belowPercent: 50, discountPercent: 50 };
    assert.equal((await push(server, 'sales', 'markdown-ladder', [ladder])).status, 403);
  });
});
