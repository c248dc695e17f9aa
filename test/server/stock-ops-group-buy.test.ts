// Group-buy contracts and their call-offs (docs/group-buy.md), over HTTP on a real store. Worked
// numbers: head-office contract GB-001, valid 11-01 to 12-31, allowance 5%: TEE-BLK-M 40 at
// ¥150.00 (the dealer price is ¥199.90) and style SOCK 60 at ¥10.00. D-SH01 (上海) places the
// call-offs for delivery in 华南, where D-HN01 is the dealer.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RowResult as Result } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import { fixedNow, orderRow, push, seedSalesData, signInAs, type Row } from '../support/fixtures';
import { startTestServer, TEST_ORIGIN, type TestServer } from '../support/server';

const header = {
  contractCode: 'GB-001',
  customerName: '某银行总行',
  validFrom: '2026-11-01',
  validTo: '2026-12-31',
  allowancePercent: 5,
};

describe('group-buy contracts and call-offs', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
    const items = [
      { ...header, itemCode: 'TEE-BLK-M', unitPrice: 15000, contractedQuantity: 40 },
      { ...header, itemCode: 'SOCK', unitPrice: 1000, contractedQuantity: 60 },
    ];
    const res = await send(
      'group-contracts',
      items.map((values) => ({ values })),
      'manager',
    );
    assert.ok(
      res.every((r) => r.status === 'applied'),
      JSON.stringify(res),
    );
  });
  afterEach(() => server.close());

  async function send(dataset: string, rows: Row[], role: Role) {
    const res = await push(server, { dataset, rows, role });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.results as Result[];
  }
  const callOff = (ref: string, quantity: number, extra: Record<string, unknown> = {}) => {
    const row = orderRow(ref, quantity, {
      orderType: 'group',
      contractCode: 'GB-001',
      deliveryRegionCode: 'HN',
      ...extra,
    });
    const { unitPrice: _dealerPrice, ...values } = row.values ?? {};
    return { values: 'unitPrice' in extra ? { ...values, unitPrice: extra.unitPrice } : values };
  };
  const order = async (rows: Row[]) => (await send('orders', rows, 'sales'))[0];
  async function pull(dataset: string, role: Role = 'sales') {
    const res = await server.call(role, `/api/v1/sync/pull?dataset=${dataset}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body.rows as { values: Record<string, unknown> }[]).map((r) => r.values);
  }
  const remaining = async (item: string) => {
    const row = (await pull('group-contracts')).find((v) => v.itemCode === item);
    return [row?.calledOff, row?.remaining, row?.mostCallable];
  };

  it('prices a call-off from the contract, not the dealer price list', async () => {
    const result = await order([callOff('GB-A', 20)]);
    assert.equal(result?.status, 'applied', JSON.stringify(result));
    const line = (await pull('orders')).find((v) => v.lineId === result.id);
    // 20 × ¥150.00 = ¥3,000.00, not 20 × ¥199.90.
    assert.deepEqual(
      [line?.unitPrice, line?.amount, line?.contractCode],
      [15000, 300000, 'GB-001'],
    );
    // A style item covers the style's SKUs: SOCK-WHT-F at ¥10.00.
    const sock = await order([callOff('GB-B', 6, { skuCode: 'SOCK-WHT-F' })]);
    const sockLine = (await pull('orders')).find((v) => v.lineId === sock?.id);
    assert.equal(sockLine?.unitPrice, 1000);
    assert.deepEqual(await remaining('SOCK'), [6, 54, 56]);
  });

  it('allows a call-off up to remaining × (1 + allowance), refusing one more with the figure', async () => {
    await order([callOff('GB-A', 20)]);
    // 40 − 20 = 20 remain; × 1.05 = 21.
    assert.deepEqual(await remaining('TEE-BLK-M'), [20, 20, 21]);
    const over = await order([callOff('GB-B', 22)]);
    assert.deepEqual(
      [over?.status, over?.errors[0]?.code, over?.errors[0]?.params?.most],
      ['rejected', 'group-call-off-over', 21],
    );
    const edge = await order([callOff('GB-C', 21)]);
    assert.equal(edge?.status, 'applied', JSON.stringify(edge));
    assert.deepEqual(await remaining('TEE-BLK-M'), [41, -1, 0]);
    const after = await order([callOff('GB-D', 1)]);
    assert.deepEqual(
      [after?.errors[0]?.code, after?.errors[0]?.params?.most],
      ['group-call-off-over', 0],
    );
  });

  it('caps raising a call-off line the same way', async () => {
    const row = { ...callOff('GB-A', 20), rowKey: 'call-off-1' };
    await order([row]);
    // 20 remain × 1.05 = 21 more at most: the line may hold 41, not 42.
    const raise = (quantity: number, baseVersion: number) =>
      order([{ ...row, baseVersion, values: { ...row.values, quantity } }]);
    const over = await raise(42, 1);
    assert.deepEqual(
      [over?.errors[0]?.code, over?.errors[0]?.params?.most],
      ['group-call-off-over', 41],
    );
    assert.equal((await raise(41, 1))?.status, 'applied');
    assert.deepEqual(await remaining('TEE-BLK-M'), [41, -1, 0]);
  });

  it('counts call-offs of one push against each other', async () => {
    const results = await send('orders', [callOff('GB-A', 20), callOff('GB-B', 22)], 'sales');
    assert.deepEqual(
      results.map((r) => [r.status, r.errors[0]?.params?.most]),
      [
        ['applied', undefined],
        ['rejected', 21],
      ],
    );
  });

  it('attributes a call-off to the dealer of the delivery region in the sales facts', async () => {
    const result = await order([callOff('GB-A', 20)]);
    const normal = (await send('orders', [orderRow('N-1', 2)], 'sales'))[0];
    const facts = await pull('sales-facts', 'analyst');
    const fact = (id: string | undefined) =>
      facts.find((f) => f.orderLineId === id && f.kind === 'ordered');
    assert.deepEqual(
      [
        fact(result?.id)?.dealerCode,
        fact(result?.id)?.attributedDealerCode,
        fact(result?.id)?.amount,
      ],
      ['D-SH01', 'D-HN01', 300000],
    );
    assert.equal(fact(normal?.id)?.attributedDealerCode, 'D-SH01');
  });

  it('shows a call-off to the region of the dealer it is attributed to, not the one who placed it', async () => {
    const result = await order([callOff('GB-A', 20)]);
    const normal = (await send('orders', [orderRow('N-1', 2)], 'sales'))[0];
    const seen = async (regions: string[]) => {
      const token = await signInAs(server, {
        username: `facts-${regions.join('')}`,
        role: 'sales',
        regions,
      });
      const res = await fetch(`${server.url}/api/v1/sync/pull?dataset=sales-facts`, {
        headers: { authorization: `Bearer ${token}`, origin: TEST_ORIGIN },
      });
      const body = (await res.json()) as { rows: { values: { orderLineId?: string } }[] };
      const lines = new Set(body.rows.map((r) => r.values.orderLineId));
      return [lines.has(result?.id), lines.has(normal?.id)];
    };
    // Placed by D-SH01 (上海), attributed to D-HN01 (华南); the plain order stays D-SH01's.
    assert.deepEqual(await seen(['HN']), [true, false]);
    assert.deepEqual(await seen(['SH']), [false, true]);
  });

  it('refuses a call-off without a contract, outside its dates or for an item it lacks', async () => {
    const results = await send(
      'orders',
      [
        callOff('GB-A', 1, { contractCode: undefined }),
        callOff('GB-B', 1, { orderDate: '2026-10-31' }),
        callOff('GB-C', 1, { skuCode: 'TEE-BLK-L' }),
        callOff('GB-D', 1, { contractCode: 'GB-404' }),
      ],
      'sales',
    );
    assert.deepEqual(
      results.map((r) => r.errors[0]?.code),
      [
        'group-contract-required',
        'group-contract-expired',
        'group-contract-no-item',
        'group-contract-unknown',
      ],
    );
  });

  it('shows a sales assistant head-office contracts and those of their regions', async () => {
    const regional = { ...header, contractCode: 'GB-SH', signingRegionCode: 'SH' };
    await send(
      'group-contracts',
      [{ values: { ...regional, itemCode: 'TEE-BLK-L', unitPrice: 15000, contractedQuantity: 5 } }],
      'manager',
    );
    const seen = async (regions: string[]) => {
      const token = await signInAs(server, {
        username: `sales-${regions.join('')}`,
        role: 'sales',
        regions,
      });
      const res = await fetch(`${server.url}/api/v1/sync/pull?dataset=group-contracts`, {
        headers: { authorization: `Bearer ${token}`, origin: TEST_ORIGIN },
      });
      const body = (await res.json()) as { rows: { values: { contractCode: string } }[] };
      return [...new Set(body.rows.map((r) => r.values.contractCode))].sort();
    };
    assert.deepEqual(await seen(['HN']), ['GB-001']);
    assert.deepEqual(await seen(['HD']), ['GB-001', 'GB-SH'], 'SH lies under HD');
  });

  it('lets managers sign contracts and sales only read them', async () => {
    const res = await push(server, {
      dataset: 'group-contracts',
      rows: [{ values: { ...header, itemCode: 'TEE-BLK-L', unitPrice: 1, contractedQuantity: 1 } }],
      role: 'sales',
    });
    assert.equal(res.status, 403);
    const mixed = await send(
      'group-contracts',
      [
        {
          values: {
            ...header,
            contractCode: 'GB-002',
            itemCode: 'TEE-BLK-L',
            unitPrice: 1,
            contractedQuantity: 1,
          },
        },
        {
          values: {
            ...header,
            contractCode: 'GB-002',
            allowancePercent: 9,
            itemCode: 'TEE-BLK-M',
            unitPrice: 1,
            contractedQuantity: 1,
          },
        },
      ],
      'manager',
    );
    const [nowhere] = await send(
      'group-contracts',
      [
        {
          values: {
            ...header,
            contractCode: 'GB-003',
            signingRegionCode: 'XX',
            itemCode: 'TEE-BLK-L',
            unitPrice: 1,
            contractedQuantity: 1,
          },
        },
      ],
      'manager',
    );
    assert.equal(nowhere?.errors[0]?.code, 'unknown-region');
    const [gone] = await send(
      'group-contracts',
      [{ op: 'delete', rowKey: randomUUID() }],
      'manager',
    );
    assert.equal(gone?.errors[0]?.code, 'group-contract-no-delete');
    assert.deepEqual(
      mixed.map((r) => r.status),
      ['rejected', 'rejected'],
    );
  });
});
