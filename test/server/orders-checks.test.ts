import assert from 'node:assert/strict';
import type { RowResult as Result } from '../../shared/protocol';
import { randomUUID } from 'node:crypto';
import { suiteServer } from '../support/server';
import {
  countOrderLines,
  fixedNow,
  orderRow,
  push,
  seedSalesData,
  signInAs,
  stockByKey,
  type PushRequest,
} from '../support/fixtures';

const codes = (result: Result) => result.errors.map((e) => e.code);

describe('order checks', () => {
  const server = suiteServer({ now: fixedNow, prepare: seedSalesData });

  const send = async (request: Omit<PushRequest, 'dataset'>) =>
    (await push(server, { dataset: 'orders', role: 'sales', ...request })).body.results as Result[];
  const available = async (key: string) => (await stockByKey(server)).get(key)?.available ?? 0;

  const rejections: {
    name: string;
    line: Record<string, unknown>;
    field: string;
    code: string;
    params?: Record<string, unknown>;
  }[] = [
    {
      name: 'unknown dealer',
      line: { dealerCode: 'D-NONE' },
      field: 'dealerCode',
      code: 'unknown-dealer',
      params: { value: 'D-NONE' },
    },
    {
      name: 'inactive dealer',
      line: { dealerCode: 'D-HD99' },
      field: 'dealerCode',
      code: 'dealer-inactive',
      params: { value: 'D-HD99' },
    },
    {
      name: 'location not serving the region',
      line: { dealerCode: 'D-HN01' },
      field: 'locationCode',
      code: 'location-not-serving-region',
      params: { location: 'WH-E', region: 'HN' },
    },
    {
      name: 'unknown location',
      line: { locationCode: 'WH-X' },
      field: 'locationCode',
      code: 'unknown-location',
      params: { value: 'WH-X' },
    },
    {
      name: 'unknown SKU',
      line: { skuCode: 'NOPE-1' },
      field: 'skuCode',
      code: 'unknown-sku',
      params: { value: 'NOPE-1' },
    },
    {
      name: 'inactive SKU',
      line: { skuCode: 'OLD-JKT-F' },
      field: 'skuCode',
      code: 'sku-inactive',
      params: { value: 'OLD-JKT-F' },
    },
    {
      name: 'not whole packs',
      line: { skuCode: 'SOCK-WHT-F', quantity: 8 },
      field: 'quantity',
      code: 'not-pack-multiple',
      params: { pack: 6 },
    },
    {
      name: 'price other than the dealer price',
      line: { unitPrice: 19900 },
      field: 'unitPrice',
      code: 'price-mismatch',
      params: { expected: '199.90' },
    },
    {
      name: 'more than available',
      line: { quantity: 1_000_000 },
      field: 'quantity',
      code: 'insufficient-stock',
      params: { available: 100 },
    },
    {
      name: 'a new line that is already cancelled',
      line: { cancelled: true },
      field: 'cancelled',
      code: 'invalid-value',
    },
  ];
  for (const c of rejections) {
    it(`rejects a line for: ${c.name}`, async () => {
      const lines = await countOrderLines(server);
      const [result] = await send({
        rows: [orderRow(`PO-REJ-${randomUUID().slice(0, 8)}`, 1, c.line)],
      });
      assert.equal(result?.status, 'rejected');
      assert.deepEqual(
        result.errors.map((e) => [e.field, e.code]),
        [[c.field, c.code]],
      );
      if (c.params) assert.deepEqual(result.errors[0]?.params, c.params);
      assert.equal(await countOrderLines(server), lines);
    });
  }

  it('says every problem of a line at once', async () => {
    const [result] = await send({
      rows: [orderRow('PO-MANY', 7, { skuCode: 'SOCK-WHT-F', unitPrice: 1 })],
    });
    assert.deepEqual(result && codes(result), ['not-pack-multiple', 'price-mismatch']);
  });

  it('counts earlier lines of the same batch against the stock', async () => {
    const free = await available('WH-E|TEE-BLK-L');
    assert.equal(free, 20);
    const results = await send({
      rows: [
        orderRow('PO-ACC-1', free - 1, { skuCode: 'TEE-BLK-L' }),
        orderRow('PO-ACC-2', 2, { skuCode: 'TEE-BLK-L' }),
      ],
    });
    assert.equal(results[0]?.status, 'applied');
    assert.deepEqual(
      results[1]?.errors.map((e) => [e.code, e.params?.available]),
      [['insufficient-stock', 1]],
    );
    assert.equal(await available('WH-E|TEE-BLK-L'), 1);
  });

  it('accepts another price from a manager but not from sales', async () => {
    const row = orderRow('PO-PRICE', 1, { unitPrice: 15000 });
    assert.equal((await send({ rows: [row] }))[0]?.status, 'rejected');
    const [byManager] = await send({ rows: [row], role: 'manager' });
    assert.equal(byManager?.status, 'applied');
    const pull = await server.call('analyst', '/api/v1/sync/pull?dataset=orders');
    const line = pull.body.rows.find(
      (r: { values: { lineId: string } }) => r.values.lineId === byManager.id,
    );
    assert.deepEqual([line.values.unitPrice, line.values.amount], [15000, 15000]);
  });

  it('rejects lines of one order that disagree on the order date or type', async () => {
    const rows = [
      orderRow('PO-MIX', 1),
      orderRow('PO-MIX', 1, { orderDate: '2026-11-26', orderType: 'fair' }),
    ];
    const results = await send({ rows });
    assert.deepEqual(results.map(codes), [
      ['order-rejected'],
      ['order-inconsistent', 'order-inconsistent'],
    ]);
    assert.deepEqual(
      results[1]?.errors.map((e) => e.field),
      ['orderDate', 'orderType'],
    );
    const later = await send({ rows: [orderRow('PO-MIX-2', 1)] });
    const added = await send({ rows: [orderRow('PO-MIX-2', 1, { orderType: 'group' })] });
    assert.deepEqual(
      [later[0]?.status, added[0] && codes(added[0])],
      ['applied', ['order-inconsistent']],
    );
  });

  it('limits a region-bound sales user to dealers of that region and below', async () => {
    const token = await signInAs(server, { username: 'sales-hd', role: 'sales', regions: ['HD'] });
    const results = await send({
      rows: [
        orderRow('PO-R1', 1),
        orderRow('PO-R2', 1, { dealerCode: 'D-HN01', locationCode: 'WH-S' }),
      ],
      token,
    });
    assert.equal(results[0]?.status, 'applied');
    assert.deepEqual(
      results[1]?.errors.map((e) => [e.code, e.params?.region]),
      [['region-not-allowed', 'HN']],
    );
  });

  it('answers in the caller language', async () => {
    const headers = { 'accept-language': 'en-US' };
    const res = await server.call('sales', '/api/v1/sync/push', {
      body: {
        workbookId: 'w',
        clientId: 'c',
        dataset: 'orders',
        mutations: [
          {
            mutationId: randomUUID(),
            op: 'upsert',
            rowKey: randomUUID(),
            values: orderRow('PO-EN', 1, { dealerCode: 'D-HD99' }).values,
          },
        ],
      },
      headers: { ...headers, 'idempotency-key': randomUUID() },
    });
    assert.equal(res.body.results[0].errors[0].message, 'Dealer "D-HD99" is inactive.');
  });
});
