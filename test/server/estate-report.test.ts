import assert from 'node:assert/strict';
import {
  must,
  pullAs,
  pushAs,
  startEstateServer,
  subscription,
  type EstateServer,
} from './estate-helpers';

const units = ['B1-0801', 'B1-0802', 'B1-0803', 'B1-0804', 'B1-0805', 'B1-0806'];

describe('estate: 销售日报 and 去化率', () => {
  let server: EstateServer;
  before(async () => {
    server = await startEstateServer(units);
    // Day 1 (11-27): two subscriptions by sales; one hold by the manager.
    server.setNow('2026-11-27T02:00:00.000Z');
    const [first] = await must(server, 'sales', 'estate-subscriptions', [
      subscription('B1-0801'),
      subscription('B1-0802'),
    ]);
    await must(server, 'manager', 'estate-holds', [{ unitCode: 'B1-0803', buyerName: '王五' }]);
    // Day 2 (11-28): the first is signed, another subscribed and then withdrawn the same day.
    server.setNow('2026-11-28T03:00:00.000Z');
    await must(server, 'sales', 'estate-contracts', [
      { subscriptionId: first, signDate: '2026-11-28' },
    ]);
    await must(server, 'sales', 'estate-subscriptions', [subscription('B1-0804')], ['sub-4']);
    const withdraw = { ...subscription('B1-0804'), cancel: 'withdraw' };
    const res = await pushAs(server, 'manager', 'estate-subscriptions', [
      { rowKey: 'sub-4', baseVersion: 1, values: withdraw },
    ]);
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body));
    // One unit never released.
    const unreleased = {
      code: 'B1-0901',
      buildingCode: 'B1',
      floor: 9,
      room: '0901',
      grossArea: 8_950,
      netArea: 7_123,
      listUnitPrice: 3_200_000,
      status: 'unreleased',
    };
    await must(server, 'manager', 'estate-units', [unreleased]);
  });
  after(() => server.close());

  const row = (rows: Awaited<ReturnType<typeof pullAs>>, key: string) =>
    rows.find((r) => r.key === key)?.values;

  it('counts the day: 1 contract of 89.50 m², ¥2,864,000.00; 1 subscription; 1 cancellation', async () => {
    const rows = await pullAs(server, 'manager', 'estate-daily-report', '&to=2026-11-28');
    const day = row(rows, 'day|P1|*');
    assert.deepEqual(
      [
        day?.subscriptions,
        day?.subscribedArea,
        day?.contracts,
        day?.contractedArea,
        day?.contractedAmount,
        day?.cancellations,
      ],
      [1, 8_950, 1, 8_950, 286_400_000, 1],
    );
  });

  it('adds up the month to date per consultant: sales 3 subscriptions of 268.50 m²', async () => {
    const rows = await pullAs(server, 'manager', 'estate-daily-report', '&to=2026-11-28');
    const sales = row(rows, 'month|P1|sales-user');
    assert.equal(sales?.from, '2026-11-01');
    assert.deepEqual(
      [sales.subscriptions, sales.subscribedArea, sales.subscribedAmount, sales.holds],
      [3, 26_850, 859_200_000, 0],
    );
    const manager = row(rows, 'month|P1|manager-user');
    assert.equal(manager?.holds, 1);
    const year = row(rows, 'year|P1|*');
    assert.deepEqual([year?.subscriptions, year?.contracts, year?.holds], [3, 1, 1]);
  });

  it('reports 去化率 = sold ÷ released: 2 of 6 = 3,333 bp per building and project', async () => {
    const rows = await pullAs(server, 'manager', 'estate-sell-through');
    const building = row(rows, 'P1|B1');
    assert.deepEqual(
      [building?.units, building?.released, building?.sold, building?.sellThroughBp],
      [7, 6, 2, 3_333],
    );
    assert.equal(row(rows, 'P1|*')?.sellThroughBp, 3_333);
  });
});
