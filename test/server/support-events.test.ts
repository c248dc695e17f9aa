// Events, promotions and market intelligence over HTTP with worked numbers: a trade fair's
// results against its budget (orders taken there, by value, against costs), a key-account
// promotion's sell-in during its 7 days against the 7 days before, the registers' checks, and
// the intelligence pull for analysts by date and region.
import assert from 'node:assert/strict';
import { fixedNow, orderLine, seedSalesData } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { codesOf, pullRows, pushRows, seedRows } from './support-helpers';

const fair = {
  code: 'FAIR-1',
  kind: 'fair',
  name: '秋季订货会',
  startDate: '2026-11-20',
  endDate: '2026-11-22',
  place: '上海新国际博览中心',
  budget: 300_000,
  costs: 200_000,
};

describe('dealer support: events, promotions and market intelligence', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
  });
  afterEach(() => server.close());

  const order = async (dealerCode: string, orderRef: string, extra: Record<string, unknown>) => {
    const [result] = await pushRows(server, 'orders', [
      { values: orderLine({ dealerCode, orderRef, skuCode: 'TEE-BLK-M', quantity: 1, ...extra }) },
    ]);
    assert.equal(result?.status, 'applied', JSON.stringify(result));
  };

  it('sets a fair’s orders value against its budget and costs', async () => {
    await seedRows(server, 'events', [fair], 'sales');
    await seedRows(server, 'event-dealers', [
      { eventCode: 'FAIR-1', dealerCode: 'D-SH01', attended: true },
      { eventCode: 'FAIR-1', dealerCode: 'D-HN01', attended: false },
    ]);
    await order('D-SH01', 'PO-F1', { quantity: 10, orderDate: '2026-11-21' });
    await order('D-HN01', 'PO-F2', { quantity: 5, orderDate: '2026-11-21', locationCode: 'WH-S' });
    await order('D-SH01', 'PO-ELSE', { quantity: 7 });
    await seedRows(server, 'event-orders', [
      { eventCode: 'FAIR-1', dealerCode: 'D-SH01', orderRef: 'PO-F1' },
      { eventCode: 'FAIR-1', dealerCode: 'D-HN01', orderRef: 'PO-F2' },
    ]);
    const [result] = await pullRows(server, 'event-results');
    // 15 × 199.90 = 2 998.50 taken against 2 000.00 costs: 149 %; budget 3 000.00 − costs = 1 000.00 left.
    assert.deepEqual(
      [
        result?.invited,
        result?.attended,
        result?.orders,
        result?.ordersValue,
        result?.budgetLeft,
        result?.returnPercent,
      ],
      [2, 1, 2, 299_850, 100_000, 149],
    );
  });

  it('leaves a cancelled line out of the orders value', async () => {
    await seedRows(server, 'events', [fair]);
    const line = (quantity: number, cancelled?: boolean) =>
      orderLine({
        dealerCode: 'D-SH01',
        orderRef: 'PO-F1',
        skuCode: 'TEE-BLK-M',
        quantity,
        ...(cancelled ? { cancelled } : {}),
      });
    await pushRows(server, 'orders', [
      { rowKey: 'line-1', values: line(10) },
      { rowKey: 'line-2', values: line(2) },
    ]);
    await seedRows(server, 'event-orders', [
      { eventCode: 'FAIR-1', dealerCode: 'D-SH01', orderRef: 'PO-F1' },
    ]);
    const value = async () => (await pullRows(server, 'event-results'))[0]?.ordersValue;
    assert.equal(await value(), 12 * 19_990);
    const [cancel] = await pushRows(server, 'orders', [
      { rowKey: 'line-1', baseVersion: 1, values: line(10, true) },
    ]);
    assert.equal(cancel?.status, 'applied', JSON.stringify(cancel));
    assert.equal(await value(), 2 * 19_990);
  });

  it('refuses a link to an order the dealer does not have, or to no event', async () => {
    await seedRows(server, 'events', [fair]);
    await order('D-SH01', 'PO-F1', {});
    const results = await pushRows(server, 'event-orders', [
      { values: { eventCode: 'FAIR-1', dealerCode: 'D-HN01', orderRef: 'PO-F1' } },
      { values: { eventCode: 'FAIR-9', dealerCode: 'D-SH01', orderRef: 'PO-F1' } },
    ]);
    assert.deepEqual(results.map(codesOf), [['event-order-unknown'], ['event-unknown']]);
  });

  it('compares a promotion’s sell-in with the equal window before it', async () => {
    await seedRows(server, 'events', [
      {
        code: 'KA-1',
        kind: 'promotion',
        name: '直营门店买二送一',
        startDate: '2026-11-21',
        endDate: '2026-11-27',
        dealerCode: 'D-SH01',
        mechanics: '买二送一，限 T 恤',
        budget: 50_000,
      },
    ]);
    // Before: 11-14..11-20 (7 days). 11-13 is outside both windows.
    const dated: [string, number][] = [
      ['2026-11-13', 1],
      ['2026-11-14', 2],
      ['2026-11-20', 3],
      ['2026-11-21', 4],
      ['2026-11-27', 5],
    ];
    for (const [orderDate, quantity] of dated)
      await order('D-SH01', `PO-${orderDate}`, { orderDate, quantity });
    const [row] = await pullRows(server, 'promotion-results');
    // Before 5 × 199.90 = 999.50, during 9 × 199.90 = 1 799.10: uplift 799.60, 80 %.
    assert.deepEqual(
      [
        row?.beforeFrom,
        row?.beforeTo,
        row?.sellInBefore,
        row?.sellInDuring,
        row?.uplift,
        row?.upliftPercent,
      ],
      ['2026-11-14', '2026-11-20', 99_950, 179_910, 79_960, 80],
    );
  });

  it('refuses a promotion without its key account, and an event ending before it starts', async () => {
    const results = await pushRows(server, 'events', [
      { values: { ...fair, code: 'KA-2', kind: 'promotion' } },
      { values: { ...fair, code: 'FAIR-2', endDate: '2026-11-19' } },
    ]);
    assert.deepEqual(results.map(codesOf), [['required'], ['support-dates-reversed']]);
  });

  it('takes intelligence from sales and gives it to analysts by date and region', async () => {
    const seen = (observedOn: string, regionCode: string, price: number) => ({
      observedOn,
      competitor: '竞品甲',
      product: '基础款圆领 T 恤',
      regionCode,
      channel: '商超',
      price,
      promotion: '第二件半价',
      source: '门店走访',
    });
    await seedRows(
      server,
      'market-intel',
      [
        seen('2026-11-20', 'SH', 9_900),
        seen('2026-11-25', 'HN', 8_900),
        seen('2026-10-01', 'SH', 10_900),
      ],
      'sales',
    );
    const rows = await pullRows(server, 'market-intel', { query: 'from=2026-11-01&region=HD' });
    assert.deepEqual(
      rows.map((r) => [r.observedOn, r.regionCode, r.price]),
      [['2026-11-20', 'SH', 9_900]],
    );
    const sales = await server.call('sales', '/api/v1/sync/pull?dataset=market-intel');
    assert.equal(sales.status, 403);
  });
});
