import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server';
import {
  fixedNow,
  orderLine,
  push,
  seedSalesData,
  stockByKey,
  TODAY,
  type Row,
} from '../support/fixtures';

type Result = {
  status: string;
  id?: string;
  version?: number;
  errors: { field?: string; code: string; params?: Record<string, unknown> }[];
};

describe('stock movements', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
  });
  after(() => server.close());

  const move = async (dataset: string, rows: Row[]) =>
    (await push(server, { dataset, rows, role: 'warehouse' })).body.results as Result[];
  const balance = async (key: string) => {
    const values = (await stockByKey(server)).get(key);
    return values
      ? { onHand: values.onHand, reserved: values.reserved, inTransit: values.inTransit }
      : { onHand: 0, reserved: 0, inTransit: 0 };
  };
  const orderLineFor = async (lineId: string) => {
    const res = await server.call('analyst', '/api/v1/sync/pull?dataset=orders');
    return res.body.rows.find(
      (r: { values: { lineId: string } }) => r.values.lineId === lineId,
    ) as { version: number; values: { shippedQuantity: number; status: string } };
  };

  async function order(quantity: number) {
    const res = await push(server, { dataset: 'orders', rows: [
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: `PO-${randomUUID().slice(0, 8)}`,
          skuCode: 'TEE-BLK-M',
          quantity,
        }),
      },
    ] });
    assert.equal(res.body.results[0].status, 'applied');
    return res.body.results[0].id as string;
  }

  it('numbers goods receipts GR-YYYYMMDD-NNNN and raises on hand', async () => {
    const before = await balance('WH-E|SOCK-WHT-F');
    const [result] = await move('goods-receipts', [
      { values: { date: TODAY, locationCode: 'WH-E', skuCode: 'SOCK-WHT-F', quantity: 12 } },
    ]);
    assert.match(result?.id ?? '', /^GR-20261127-\d{4}$/);
    assert.deepEqual(await balance('WH-E|SOCK-WHT-F'), { ...before, onHand: before.onHand + 12 });
  });

  it('ships against an order line: on hand and reserved fall together, never past what was ordered', async () => {
    const lineId = await order(5);
    const before = await balance('WH-E|TEE-BLK-M');
    const [first] = await move('shipments', [
      { values: { date: TODAY, lineId, quantity: 3, waybill: 'SF123' } },
    ]);
    assert.equal(first?.status, 'applied');
    assert.match(first?.id ?? '', /^SH-20261127-\d{4}$/);
    assert.deepEqual(await balance('WH-E|TEE-BLK-M'), {
      ...before,
      onHand: before.onHand - 3,
      reserved: before.reserved - 3,
    });
    const partly = await orderLineFor(lineId);
    assert.deepEqual(
      [partly.values.shippedQuantity, partly.values.status, partly.version],
      [3, 'partly-shipped', 2],
    );
    const [over] = await move('shipments', [{ values: { date: TODAY, lineId, quantity: 3 } }]);
    assert.deepEqual(
      over?.errors.map((e) => [e.code, e.params?.remaining]),
      [['over-shipment', 2]],
    );
    const [rest] = await move('shipments', [{ values: { date: TODAY, lineId, quantity: 2 } }]);
    assert.equal(rest?.status, 'applied');
    assert.equal((await orderLineFor(lineId)).values.status, 'shipped');
  });

  it('counts shipments of one batch against the same line', async () => {
    const lineId = await order(4);
    const results = await move('shipments', [
      { values: { date: TODAY, lineId, quantity: 3 } },
      { values: { date: TODAY, lineId, quantity: 3 } },
    ]);
    assert.deepEqual(
      results.map((r) => r.errors.map((e) => e.code)),
      [[], ['over-shipment']],
    );
  });

  it('refuses shipments on a cancelled or unknown line', async () => {
    const lineId = await order(2);
    const pulled = await server.call('analyst', '/api/v1/sync/pull?dataset=orders');
    const row = pulled.body.rows.find(
      (r: { values: { lineId: string } }) => r.values.lineId === lineId,
    );
    await push(server, { dataset: 'orders', rows: [{ rowKey: row.key, op: 'delete', baseVersion: 1 }] });
    const results = await move('shipments', [
      { values: { date: TODAY, lineId, quantity: 1 } },
      { values: { date: TODAY, lineId: 'SO-19990101-0001-01', quantity: 1 } },
    ]);
    assert.deepEqual(
      results.map((r) => r.errors.map((e) => e.code)),
      [['order-cancelled'], ['unknown-order-line']],
    );
  });

  it('keeps movement documents immutable', async () => {
    const row = {
      rowKey: randomUUID(),
      values: {
        date: TODAY,
        locationCode: 'WH-E',
        skuCode: 'TEE-BLK-M',
        quantity: 1,
        reason: 'found',
      },
    };
    const [created] = await move('adjustments', [row]);
    const [same] = await move('adjustments', [{ ...row, values: { ...row.values } }]);
    assert.deepEqual([same?.status, same?.id, same?.version], ['unchanged', created?.id, 1]);
    const [changed] = await move('adjustments', [
      { ...row, baseVersion: 1, values: { ...row.values, quantity: 2 } },
    ]);
    const [deleted] = await move('adjustments', [
      { rowKey: row.rowKey, op: 'delete', baseVersion: 1 },
    ]);
    assert.deepEqual(
      [changed?.errors[0]?.code, deleted?.errors[0]?.code],
      ['immutable-movement', 'immutable-movement'],
    );
  });

  it('moves a transfer into transit, then into on hand when received; a received transfer is final', async () => {
    const from = await balance('WH-E|TEE-BLK-L');
    const to = await balance('WH-S|TEE-BLK-L');
    const row = {
      rowKey: randomUUID(),
      values: {
        date: TODAY,
        fromLocationCode: 'WH-E',
        toLocationCode: 'WH-S',
        skuCode: 'TEE-BLK-L',
        quantity: 4,
      },
    };
    const [sent] = await move('transfers', [row]);
    assert.match(sent?.id ?? '', /^TR-20261127-\d{4}$/);
    assert.deepEqual(await balance('WH-E|TEE-BLK-L'), { ...from, onHand: from.onHand - 4 });
    assert.deepEqual(await balance('WH-S|TEE-BLK-L'), { ...to, inTransit: to.inTransit + 4 });
    const [received] = await move('transfers', [
      { ...row, values: { ...row.values, receivedDate: '2026-11-28' } },
    ]);
    assert.deepEqual([received?.status, received?.version], ['applied', 2]);
    assert.deepEqual(await balance('WH-S|TEE-BLK-L'), { ...to, onHand: to.onHand + 4 });
    const [again] = await move('transfers', [
      { ...row, values: { ...row.values, receivedDate: '2026-11-29' } },
    ]);
    assert.deepEqual(
      again?.errors.map((e) => e.code),
      ['transfer-received'],
    );
    const [changed] = await move('transfers', [{ ...row, values: { ...row.values, quantity: 5 } }]);
    assert.deepEqual(
      changed?.errors.map((e) => e.code),
      ['transfer-received'],
    );
  });

  const refused: {
    name: string;
    dataset: string;
    values: Record<string, unknown>;
    code: string;
    field: string;
  }[] = [
    {
      name: 'a transfer to the same location',
      dataset: 'transfers',
      values: {
        fromLocationCode: 'WH-E',
        toLocationCode: 'WH-E',
        skuCode: 'TEE-BLK-M',
        quantity: 1,
      },
      code: 'same-location',
      field: 'toLocationCode',
    },
    {
      name: 'a transfer of more than is available',
      dataset: 'transfers',
      values: {
        fromLocationCode: 'WH-S',
        toLocationCode: 'WH-E',
        skuCode: 'SOCK-WHT-F',
        quantity: 1,
      },
      code: 'insufficient-stock',
      field: 'quantity',
    },
    {
      name: 'a receipt of an unknown SKU',
      dataset: 'goods-receipts',
      values: { locationCode: 'WH-E', skuCode: 'NOPE', quantity: 1 },
      code: 'unknown-sku',
      field: 'skuCode',
    },
    {
      name: 'a receipt of an inactive SKU',
      dataset: 'goods-receipts',
      values: { locationCode: 'WH-E', skuCode: 'OLD-JKT-F', quantity: 1 },
      code: 'sku-inactive',
      field: 'skuCode',
    },
    {
      name: 'a receipt at an unknown location',
      dataset: 'goods-receipts',
      values: { locationCode: 'WH-X', skuCode: 'TEE-BLK-M', quantity: 1 },
      code: 'unknown-location',
      field: 'locationCode',
    },
    {
      name: 'an adjustment below zero',
      dataset: 'adjustments',
      values: { locationCode: 'WH-S', skuCode: 'SOCK-WHT-F', quantity: -1, reason: 'damage' },
      code: 'insufficient-stock',
      field: 'quantity',
    },
  ];
  for (const c of refused) {
    it(`refuses ${c.name}`, async () => {
      const [result] = await move(c.dataset, [{ values: { date: TODAY, ...c.values } }]);
      assert.deepEqual(
        [result?.status, result?.errors.map((e) => [e.field, e.code])],
        ['rejected', [[c.field, c.code]]],
      );
    });
  }

  it('lets an adjustment take stock down to what is reserved, not below', async () => {
    await order(3);
    const { onHand, reserved } = await balance('WH-E|TEE-BLK-M');
    const adjust = (quantity: number) => ({
      values: {
        date: TODAY,
        locationCode: 'WH-E',
        skuCode: 'TEE-BLK-M',
        quantity,
        reason: 'stocktake',
      },
    });
    const [tooMuch] = await move('adjustments', [adjust(-(onHand - reserved + 1))]);
    assert.deepEqual(
      tooMuch?.errors.map((e) => [e.code, e.params?.available]),
      [['insufficient-stock', onHand - reserved]],
    );
    const [exact] = await move('adjustments', [adjust(-(onHand - reserved))]);
    assert.equal(exact?.status, 'applied');
    assert.deepEqual(await balance('WH-E|TEE-BLK-M'), { onHand: reserved, reserved, inTransit: 0 });
    const [back] = await move('adjustments', [adjust(50)]);
    assert.equal(back?.status, 'applied');
  });

  it('writes one ledger line per change with the document number as ref', async () => {
    const [receipt] = await move('goods-receipts', [
      { values: { date: TODAY, locationCode: 'WH-S', skuCode: 'TEE-BLK-M', quantity: 7 } },
    ]);
    const lines = await server.store.db
      .selectFrom('stock_ledger')
      .selectAll()
      .where('ref', '=', receipt?.id ?? '')
      .execute();
    assert.deepEqual(
      lines.map((l) => [l.kind, l.location_code, l.sku_code, l.on_hand_delta, l.reserved_delta]),
      [['receipt', 'WH-S', 'TEE-BLK-M', 7, 0]],
    );
  });

  it('pulls movement documents like master data, with their numbers', async () => {
    const res = await server.call('warehouse', '/api/v1/sync/pull?dataset=transfers');
    assert.ok(res.body.rows.length > 0);
    assert.ok(
      res.body.rows.every((r: { values: { id: string } }) =>
        /^TR-20261127-\d{4}$/.test(r.values.id),
      ),
    );
  });
});
