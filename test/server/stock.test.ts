import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { rebuildStock } from '../../server/services/stock-rebuild';
import { suiteServer } from '../support/server';
import { fixedNow, orderRow, push, seedSalesData, TODAY, type Row } from '../support/fixtures';

type StockPullRow = { key: string; op: string; version: number; values: Record<string, unknown> };

describe('stock pull and rebuild', () => {
  const server = suiteServer({ now: fixedNow, prepare: seedSalesData });

  const applied = async (dataset: string, row: Row) => {
    const role = dataset === 'orders' ? 'manager' : 'warehouse';
    const res = await push(server, { dataset, rows: [row], role });
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body.results[0]));
    return res.body.results[0].id as string;
  };
  const pull = async (query = '') =>
    (await server.call('sales', `/api/v1/sync/pull?dataset=stock${query}`)).body as {
      rows: StockPullRow[];
      cursor: string;
      hasMore: boolean;
    };

  it('gives one row per location × SKU with product details, available and the safety flag', async () => {
    const { rows } = await pull();
    assert.deepEqual(rows.map((r) => r.key).sort(), [
      'WH-E|SOCK-WHT-F',
      'WH-E|TEE-BLK-L',
      'WH-E|TEE-BLK-M',
      'WH-S|TEE-BLK-M',
    ]);
    const order = [orderRow('PO-S1', 16, { skuCode: 'TEE-BLK-L' })];
    await push(server, { dataset: 'orders', rows: order, role: 'sales' });
    const row = (await pull()).rows.find((r) => r.key === 'WH-E|TEE-BLK-L');
    assert.deepEqual(row?.values, {
      locationCode: 'WH-E',
      skuCode: 'TEE-BLK-L',
      productName: 'TEE-BLK-L 商品',
      styleCode: 'TEE',
      colour: '黑',
      size: 'L',
      onHand: 20,
      reserved: 16,
      inTransit: 0,
      available: 4,
      safetyStock: 5,
      belowSafety: true,
    });
  });

  const filters: [string, string, string[]][] = [
    ['location', '&location=WH-S', ['WH-S|TEE-BLK-M']],
    ['category', `&category=${encodeURIComponent('配件')}`, ['WH-E|SOCK-WHT-F']],
    [
      'location and category',
      `&location=WH-E&category=${encodeURIComponent('T恤')}`,
      ['WH-E|TEE-BLK-L', 'WH-E|TEE-BLK-M'],
    ],
  ];
  for (const [name, query, keys] of filters) {
    it(`filters by ${name}`, async () => {
      assert.deepEqual((await pull(query)).rows.map((r) => r.key).sort(), keys);
    });
  }

  it('sends only the balances that changed since the cursor', async () => {
    const first = await pull();
    assert.deepEqual((await pull(`&cursor=${first.cursor}`)).rows, []);
    const receipt = {
      values: { date: TODAY, locationCode: 'WH-E', skuCode: 'SOCK-WHT-F', quantity: 6 },
    };
    await push(server, { dataset: 'goods-receipts', rows: [receipt], role: 'warehouse' });
    const delta = await pull(`&cursor=${first.cursor}`);
    assert.deepEqual(
      delta.rows.map((r) => [r.key, r.op, r.values.onHand]),
      [['WH-E|SOCK-WHT-F', 'upsert', 66]],
    );
    const before = first.rows.find((r) => r.key === 'WH-E|SOCK-WHT-F');
    assert.equal(delta.rows[0]?.version, (before?.version ?? 0) + 1);
  });

  it('pages a full pull by change_seq with the limit', async () => {
    const page = await pull('&limit=3');
    assert.equal(page.rows.length, 3);
    assert.equal(page.hasMore, true);
    const rest = await pull(`&limit=3&cursor=${page.cursor}`);
    const all = [...page.rows, ...rest.rows].map((r) => r.key);
    assert.equal(new Set(all).size, 4);
  });

  it('finds no difference between balances and ledger after a run of movements', async () => {
    const lineId = await applied('orders', orderRow('PO-S2', 10));
    await applied('shipments', { values: { date: TODAY, lineId, quantity: 4 } });
    const transfer = {
      rowKey: randomUUID(),
      values: {
        date: TODAY,
        fromLocationCode: 'WH-E',
        toLocationCode: 'WH-S',
        skuCode: 'TEE-BLK-M',
        quantity: 5,
      },
    };
    await applied('transfers', transfer);
    await applied('transfers', {
      ...transfer,
      values: { ...transfer.values, receivedDate: TODAY },
    });
    await applied('transfers', { values: { ...transfer.values, quantity: 2 } });
    await applied('adjustments', {
      values: {
        date: TODAY,
        locationCode: 'WH-S',
        skuCode: 'TEE-BLK-M',
        quantity: -3,
        reason: 'damage',
      },
    });
    const result = await rebuildStock(server.store.db);
    assert.deepEqual(result.differences, []);
    assert.equal(result.checked, 4);
  });

  it('finds a tampered balance and repairs it from the ledger', async () => {
    const tampered = sql`UPDATE stock_balances SET on_hand = on_hand + 7 WHERE location_code = 'WH-E' AND sku_code = 'TEE-BLK-M'`;
    await tampered.execute(server.store.db);
    const found = await rebuildStock(server.store.db);
    assert.equal(found.differences.length, 1);
    const [difference] = found.differences;
    assert.deepEqual(
      [
        difference?.locationCode,
        difference?.skuCode,
        (difference?.stored?.onHand ?? 0) - (difference?.ledger.onHand ?? 0),
      ],
      ['WH-E', 'TEE-BLK-M', 7],
    );
    assert.equal(found.repaired, false);
    const before = await pull();
    const repaired = await rebuildStock(server.store.db, { repair: true });
    assert.equal(repaired.repaired, true);
    assert.deepEqual((await rebuildStock(server.store.db)).differences, []);
    const delta = await pull(`&cursor=${before.cursor}`);
    assert.deepEqual(
      delta.rows.map((r) => [r.key, r.values.onHand]),
      [['WH-E|TEE-BLK-M', difference?.ledger.onHand]],
    );
  });
});
