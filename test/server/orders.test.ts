import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/server';
import {
  countOrderLines,
  fixedNow,
  orderLine,
  push,
  pushBody,
  seedSalesData,
  signInAs,
  stockByKey,
} from '../support/fixtures';

type Result = {
  rowKey: string;
  status: string;
  id?: string;
  version?: number;
  errors: { field?: string; code: string; params?: Record<string, unknown> }[];
};

const codes = (result: Result) => result.errors.map((e) => e.code);

async function available(server: TestServer, key: string): Promise<number> {
  return (await stockByKey(server)).get(key)?.available ?? 0;
}

describe('orders push', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
  });
  after(() => server.close());

  it('numbers new orders SO-YYYYMMDD-NNNN, lines -NN, and keeps money in fen end to end', async () => {
    const reservedBefore = (await stockByKey(server)).get('WH-E|TEE-BLK-L')?.reserved ?? -1;
    const rows = [
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-FEN',
          skuCode: 'TEE-BLK-L',
          quantity: 2,
          unitPrice: 19990,
        }),
      },
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-FEN',
          skuCode: 'SOCK-WHT-F',
          quantity: 6,
        }),
      },
    ];
    const res = await push(server, 'orders', rows, { role: 'sales' });
    const [first, second] = res.body.results as Result[];
    assert.match(first?.id ?? '', /^SO-20261127-\d{4}-01$/);
    const orderId = first?.id?.slice(0, -3) ?? '';
    assert.equal(second?.id, `${orderId}-02`);
    const pull = await server.call('analyst', '/api/v1/sync/pull?dataset=orders&dealer=D-SH01');
    const line = pull.body.rows.find((r: { key: string }) => r.key === first?.rowKey);
    assert.equal(line.values.unitPrice, 19990);
    assert.equal(line.values.amount, 2 * 19990);
    assert.equal(line.values.status, 'submitted');
    assert.equal(line.values.shippedQuantity, 0);
    assert.equal(line.values.orderId, orderId);
    assert.equal((await stockByKey(server)).get('WH-E|TEE-BLK-L')?.reserved, reservedBefore + 2);
    const more = await push(
      server,
      'orders',
      [
        {
          values: orderLine({
            dealerCode: 'D-SH01',
            orderRef: 'PO-FEN',
            skuCode: 'TEE-BLK-M',
            quantity: 1,
          }),
        },
      ],
      { role: 'sales' },
    );
    assert.equal(more.body.results[0].id, `${orderId}-03`);
  });

  it('never duplicates lines: same key replays, same mutation ids skip, another copy updates', async () => {
    const before = await countOrderLines(server);
    const rows = ['TEE-BLK-M', 'SOCK-WHT-F'].map((skuCode) => ({
      rowKey: randomUUID(),
      mutationId: randomUUID(),
      values: orderLine({ dealerCode: 'D-SH01', orderRef: 'PO-DUP', skuCode, quantity: 6 }),
    }));
    const key = randomUUID();
    const first = await push(server, 'orders', rows, { role: 'sales', key });
    assert.deepEqual(first.body.summary, { applied: 2, unchanged: 0, rejected: 0, conflict: 0 });
    assert.equal(await countOrderLines(server), before + 2);
    const replay = await push(server, 'orders', rows, { role: 'sales', key });
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    const newKey = await push(server, 'orders', rows, { role: 'sales' });
    assert.deepEqual(newKey.body.summary, { applied: 0, unchanged: 2, rejected: 0, conflict: 0 });
    const copyRows = rows.map((r) => ({ ...r, mutationId: randomUUID() }));
    const copy = await push(server, 'orders', copyRows, {
      role: 'sales',
      clientId: 'client-2',
      workbookId: 'wb-2',
    });
    assert.deepEqual(
      copy.body.results.map((r: Result) => [r.status, r.id, r.version]),
      first.body.results.map((r: Result) => ['unchanged', r.id, 1]),
    );
    const edited = [
      {
        ...copyRows[0],
        mutationId: randomUUID(),
        baseVersion: 1,
        values: { ...copyRows[0]?.values, quantity: 12 },
      },
    ];
    const update = await push(server, 'orders', edited, {
      role: 'sales',
      clientId: 'client-2',
      workbookId: 'wb-2',
    });
    assert.equal(update.body.results[0].status, 'applied');
    assert.equal(update.body.results[0].version, 2);
    assert.equal(await countOrderLines(server), before + 2);
    const reused = await server.call('sales', '/api/v1/sync/push', {
      body: pushBody('orders', rows.slice(1)),
      headers: { 'idempotency-key': key },
    });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'idempotency-key-reused');
  });

  it('accepts the good order and rejects every line of the bad one, releasing what it reserved', async () => {
    const before = await countOrderLines(server);
    const availableBefore = await available(server, 'WH-E|TEE-BLK-M');
    const rows = [
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-GOOD',
          skuCode: 'TEE-BLK-M',
          quantity: 2,
        }),
      },
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-BAD',
          skuCode: 'TEE-BLK-M',
          quantity: 5,
        }),
      },
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-BAD',
          skuCode: 'NO-SUCH-SKU',
          quantity: 1,
        }),
      },
    ];
    const res = await push(server, 'orders', rows, { role: 'sales' });
    const results = res.body.results as Result[];
    assert.deepEqual(
      results.map((r) => r.status),
      ['applied', 'rejected', 'rejected'],
    );
    assert.deepEqual(results.map(codes), [[], ['order-rejected'], ['unknown-sku']]);
    assert.equal(results[2]?.errors[0]?.field, 'skuCode');
    assert.equal(await countOrderLines(server), before + 1);
    assert.equal(await available(server, 'WH-E|TEE-BLK-M'), availableBefore - 2);
  });

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
      line: { dealerCode: 'D-HN01', locationCode: 'WH-E' },
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
    },
  ];
  for (const c of rejections) {
    it(`rejects a line for: ${c.name}`, async () => {
      const before = await countOrderLines(server);
      const values = orderLine({
        dealerCode: 'D-SH01',
        orderRef: `PO-REJ-${randomUUID().slice(0, 8)}`,
        skuCode: 'TEE-BLK-M',
        quantity: 1,
        ...c.line,
      });
      const res = await push(server, 'orders', [{ values }], { role: 'sales' });
      const result = res.body.results[0] as Result;
      assert.equal(result.status, 'rejected');
      assert.deepEqual(
        result.errors.map((e) => [e.field, e.code]),
        [[c.field, c.code]],
      );
      if (c.params) assert.deepEqual(result.errors[0]?.params, c.params);
      assert.equal(await countOrderLines(server), before);
    });
  }

  it('tells how many are available, counting earlier lines of the same batch', async () => {
    const free = await available(server, 'WH-E|TEE-BLK-L');
    assert.ok(free > 2, `fixture leaves TEE-BLK-L available (${free})`);
    const rows = [
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-ACC-1',
          skuCode: 'TEE-BLK-L',
          quantity: free - 1,
        }),
      },
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-ACC-2',
          skuCode: 'TEE-BLK-L',
          quantity: 2,
        }),
      },
    ];
    const res = await push(server, 'orders', rows, { role: 'sales' });
    const [ok, short] = res.body.results as Result[];
    assert.equal(ok?.status, 'applied');
    assert.deepEqual(
      short?.errors.map((e) => [e.code, e.params?.available]),
      [['insufficient-stock', 1]],
    );
    assert.equal(await available(server, 'WH-E|TEE-BLK-L'), 1);
  });

  it('accepts another price from a manager but not from sales', async () => {
    const values = orderLine({
      dealerCode: 'D-SH01',
      orderRef: 'PO-PRICE',
      skuCode: 'TEE-BLK-M',
      quantity: 1,
      unitPrice: 15000,
    });
    const bySales = await push(server, 'orders', [{ values }], { role: 'sales' });
    assert.equal(bySales.body.results[0].status, 'rejected');
    const byManager = await push(server, 'orders', [{ values }], { role: 'manager' });
    assert.equal(byManager.body.results[0].status, 'applied');
    const pull = await server.call('analyst', '/api/v1/sync/pull?dataset=orders');
    const line = pull.body.rows.find(
      (r: { values: { lineId: string } }) => r.values.lineId === byManager.body.results[0].id,
    );
    assert.equal(line.values.unitPrice, 15000);
  });

  it('rejects lines of one order that disagree on the order date or type', async () => {
    const rows = [
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-MIX',
          skuCode: 'TEE-BLK-M',
          quantity: 1,
        }),
      },
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-MIX',
          skuCode: 'TEE-BLK-M',
          quantity: 1,
          orderDate: '2026-11-26',
          orderType: 'fair',
        }),
      },
    ];
    const res = await push(server, 'orders', rows, { role: 'sales' });
    const results = res.body.results as Result[];
    assert.deepEqual(results.map(codes), [
      ['order-rejected'],
      ['order-inconsistent', 'order-inconsistent'],
    ]);
    assert.deepEqual(
      results[1]?.errors.map((e) => e.field),
      ['orderDate', 'orderType'],
    );
  });

  it('limits a region-bound sales user to dealers of that region and below', async () => {
    const token = await signInAs(server, { username: 'sales-hd', role: 'sales', regions: ['HD'] });
    const rows = [
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef: 'PO-REGION',
          skuCode: 'TEE-BLK-M',
          quantity: 1,
        }),
      },
      {
        values: orderLine({
          dealerCode: 'D-HN01',
          orderRef: 'PO-REGION',
          skuCode: 'TEE-BLK-M',
          quantity: 1,
          locationCode: 'WH-S',
        }),
      },
    ];
    const res = await push(server, 'orders', rows, { token });
    const results = res.body.results as Result[];
    assert.equal(results[0]?.status, 'applied');
    assert.deepEqual(
      results[1]?.errors.map((e) => [e.code, e.params?.region]),
      [['region-not-allowed', 'HN']],
    );
  });

  it('lets exactly one of two racing pushes take the last units', async () => {
    const free = await available(server, 'WH-S|TEE-BLK-M');
    await push(server, 'orders', [
      {
        values: orderLine({
          dealerCode: 'D-HN01',
          orderRef: 'PO-RACE-0',
          skuCode: 'TEE-BLK-M',
          quantity: free - 5,
          locationCode: 'WH-S',
        }),
      },
    ]);
    const racer = (n: number) =>
      push(
        server,
        'orders',
        [
          {
            values: orderLine({
              dealerCode: 'D-HN01',
              orderRef: `PO-RACE-${n}`,
              skuCode: 'TEE-BLK-M',
              quantity: 5,
              locationCode: 'WH-S',
            }),
          },
        ],
        { role: 'sales', clientId: `racer-${n}` },
      );
    const results = await Promise.all([racer(1), racer(2)]);
    const statuses = results.map((r) => r.body.results[0].status as string).sort();
    assert.deepEqual(statuses, ['applied', 'rejected']);
    const loser = results.find((r) => r.body.results[0].status === 'rejected');
    assert.deepEqual(loser?.body.results[0].errors[0].params, { available: 0 });
    const broken = await server.store.db
      .selectFrom('stock_balances')
      .selectAll()
      .where((eb) => eb('reserved', '>', eb.ref('on_hand')))
      .execute();
    assert.deepEqual(broken, []);
    assert.equal(await available(server, 'WH-S|TEE-BLK-M'), 0);
  });
});
