import assert from 'node:assert/strict';
import { serverPerTest } from '../support/server';
import { NOW, push, pullAll, seedMasters, seedSales, type Seeded } from './analysis-seed';

describe('analysis: sales facts pull', () => {
  const server = serverPerTest({ now: () => NOW });
  let seeded: Seeded;
  beforeEach(async () => {
    await seedMasters(server);
    seeded = await seedSales(server);
  });

  it('gives one row per ordered line and per shipment, with ISO week, month, quarter and both region levels', async () => {
    const { rows } = await pullAll(server, 'analyst', 'dataset=sales-facts');
    assert.equal(rows.size, 6 + 5);
    const ordered = rows.get(`o:${seeded.lines.dec}`)!.values;
    // 2024-12-30 is a Monday in the week holding 2025-01-02 (a Thursday): ISO week 2025-W01.
    assert.deepEqual(
      [ordered.kind, ordered.date, ordered.year, ordered.quarter, ordered.month, ordered.week],
      ['ordered', '2024-12-30', 2024, '2024-Q4', '2024-12', '2025-W01'],
    );
    assert.equal(ordered.amount, 60 * 10_000);
    assert.deepEqual(
      [ordered.regionCode, ordered.parentRegionCode, ordered.parentRegionName],
      ['SH', 'HD', '华东'],
    );
    assert.deepEqual(
      [ordered.dealerName, ordered.grade, ordered.channel],
      ['经销商D1', 'B', 'dealer'],
    );
    assert.deepEqual(
      [ordered.styleCode, ordered.colour, ordered.size, ordered.category],
      ['S1', 'BLK', 'M', '衬衫'],
    );
    const shipped = [...rows.values()].find(
      (r) => r.key.startsWith('s:') && r.values.date === '2025-01-02',
    )!.values;
    assert.deepEqual(
      [
        shipped.kind,
        shipped.quantity,
        shipped.amount,
        shipped.week,
        shipped.quarter,
        shipped.orderLineId,
      ],
      ['shipped', 30, 300_000, '2025-W01', '2025-Q1', seeded.lines.dec],
    );
  });

  async function updateOpenLine(change: Record<string, unknown>) {
    const orders = await pullAll(server, 'manager', 'dataset=orders');
    const line = [...orders.rows.values()].find((r) => r.values.lineId === seeded.lines.open)!;
    const res = await push(
      server,
      'manager',
      'orders',
      [{ ...line.values, _key: line.key, ...change }],
      line.version,
    );
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body.results[0].errors));
  }

  it('pages a first load, then refreshes with only the line that changed', async () => {
    const first = await pullAll(server, 'analyst', 'dataset=sales-facts&limit=4');
    assert.equal(first.rows.size, 11);
    await updateOpenLine({ quantity: 24 });
    const delta = await server.call(
      'analyst',
      `/api/v1/sync/pull?dataset=sales-facts&limit=4&cursor=${first.cursor}`,
    );
    assert.equal(delta.body.reset, false);
    assert.deepEqual(
      delta.body.rows.map(
        (r: { key: string; op: string; values: { quantity: number; amount: number } }) => [
          r.key,
          r.op,
          r.values.quantity,
          r.values.amount,
        ],
      ),
      [[`o:${seeded.lines.open}`, 'upsert', 24, 24 * 5_000]],
    );
    const again = await server.call(
      'analyst',
      `/api/v1/sync/pull?dataset=sales-facts&cursor=${delta.body.cursor}`,
    );
    assert.deepEqual(again.body.rows, []);
  });

  it('sends a cancelled line as a tombstone on refresh', async () => {
    const first = await pullAll(server, 'analyst', 'dataset=sales-facts');
    await updateOpenLine({ cancelled: true });
    const delta = await server.call(
      'analyst',
      `/api/v1/sync/pull?dataset=sales-facts&cursor=${first.cursor}`,
    );
    assert.deepEqual(
      delta.body.rows.map((r: { key: string; op: string }) => [r.key, r.op]),
      [[`o:${seeded.lines.open}`, 'delete']],
    );
  });

  it('filters by date, region and category', async () => {
    const q = 'dataset=sales-facts&from=2025-01-01&to=2025-03-31&region=JS&category=裤子';
    const { rows } = await pullAll(server, 'analyst', encodeURI(q));
    const summary = [...rows.values()]
      .map((r) => `${r.values.kind} ${r.values.date} ${r.values.skuCode}`)
      .sort();
    assert.deepEqual(summary, [
      'ordered 2025-01-15 S2-RED-M',
      'ordered 2025-03-05 S3-BLU-M',
      'ordered 2025-03-25 S3-BLU-M',
      'shipped 2025-01-20 S2-RED-M',
      'shipped 2025-03-10 S3-BLU-M',
    ]);
  });

  it('limits a sales user to their regions and refuses warehouse staff', async () => {
    await server.store.db
      .updateTable('users')
      .set({ regions: '["SH"]' })
      .where('username', '=', 'sales-user')
      .execute();
    const { rows } = await pullAll(server, 'sales', 'dataset=sales-facts');
    assert.deepEqual([...new Set([...rows.values()].map((r) => r.values.dealerCode))].sort(), [
      'D1',
    ]);
    const warehouse = await server.call('warehouse', '/api/v1/sync/pull?dataset=sales-facts');
    assert.equal(warehouse.status, 403);
    assert.equal(warehouse.body.error.code, 'forbidden');
  });
});
