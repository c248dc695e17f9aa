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
  errors: { field?: string; code: string }[];
  serverValues?: Record<string, unknown>;
};

describe('order updates', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
  });
  after(() => server.close());

  const reserved = async () => (await stockByKey(server)).get('WH-E|TEE-BLK-M')?.reserved ?? -1;
  const send = async (row: Row) =>
    (await push(server, { dataset: 'orders', rows: [row], role: 'sales' })).body.results[0] as Result;

  async function newLine(orderRef: string, quantity: number) {
    const row = {
      rowKey: randomUUID(),
      values: orderLine({ dealerCode: 'D-SH01', orderRef, skuCode: 'TEE-BLK-M', quantity }),
    };
    const result = await send(row);
    assert.equal(result.status, 'applied');
    return { ...row, id: result.id ?? '' };
  }

  it('changes the quantity with the right base version, re-reserving stock', async () => {
    const line = await newLine('PO-UPD-1', 4);
    const before = await reserved();
    const result = await send({ ...line, baseVersion: 1, values: { ...line.values, quantity: 6 } });
    assert.deepEqual([result.status, result.id, result.version], ['applied', line.id, 2]);
    assert.equal(await reserved(), before + 2);
    const shrink = await send({ ...line, baseVersion: 2, values: { ...line.values, quantity: 1 } });
    assert.equal(shrink.status, 'applied');
    assert.equal(await reserved(), before - 3);
  });

  it('answers a stale update with a conflict and the server values', async () => {
    const line = await newLine('PO-UPD-2', 2);
    await send({ ...line, baseVersion: 1, values: { ...line.values, quantity: 3 } });
    const stale = await send({ ...line, baseVersion: 1, values: { ...line.values, quantity: 5 } });
    assert.equal(stale.status, 'conflict');
    assert.deepEqual(
      stale.errors.map((e) => e.code),
      ['stale-version'],
    );
    const sv = stale.serverValues ?? {};
    assert.deepEqual(
      [sv._key, sv._version, sv.quantity, sv.lineId, sv.status, sv.amount],
      [line.rowKey, 2, 3, line.id, 'submitted', 3 * 19990],
    );
    const unversioned = await send({ ...line, values: { ...line.values, quantity: 5 } });
    assert.deepEqual(
      [unversioned.status, unversioned.errors[0]?.code],
      ['conflict', 'missing-base-version'],
    );
  });

  it('merges a stale update of a field the server did not change', async () => {
    const line = await newLine('PO-UPD-3', 2);
    await send({ ...line, baseVersion: 1, values: { ...line.values, quantity: 3 } });
    const remark = await send({
      ...line,
      baseVersion: 1,
      values: { ...line.values, remark: '加急' },
    });
    assert.deepEqual([remark.status, remark.version], ['applied', 3]);
    const pull = await server.call('analyst', '/api/v1/sync/pull?dataset=orders');
    const row = pull.body.rows.find((r: { key: string }) => r.key === line.rowKey);
    assert.deepEqual([row.values.quantity, row.values.remark, row.version], [3, '加急', 3]);
  });

  const fixedFields: [string, unknown][] = [
    ['skuCode', 'TEE-BLK-L'],
    ['unitPrice', 100],
    ['locationCode', 'WH-S'],
    ['orderDate', '2026-11-01'],
  ];
  for (const [field, value] of fixedFields) {
    it(`refuses to change ${field} of a line`, async () => {
      const line = await newLine(`PO-FIX-${field}`, 1);
      const result = await send({
        ...line,
        baseVersion: 1,
        values: { ...line.values, [field]: value },
      });
      assert.deepEqual(
        [result.status, result.errors.map((e) => [e.field, e.code])],
        ['rejected', [[field, 'invalid-value']]],
      );
    });
  }

  it('cancels with op delete, releasing the reservation; a cancelled line no longer changes', async () => {
    const line = await newLine('PO-CANCEL', 5);
    const before = await reserved();
    const cancel = await send({ rowKey: line.rowKey, op: 'delete', baseVersion: 1 });
    assert.deepEqual([cancel.status, cancel.version], ['applied', 2]);
    assert.equal(await reserved(), before - 5);
    const again = await send({ rowKey: line.rowKey, op: 'delete', baseVersion: 2 });
    assert.equal(again.status, 'unchanged');
    const revive = await send({
      ...line,
      baseVersion: 2,
      values: { ...line.values, cancelled: false, quantity: 6 },
    });
    assert.deepEqual(
      revive.errors.map((e) => e.code),
      ['order-cancelled'],
    );
    const pull = await server.call('analyst', '/api/v1/sync/pull?dataset=orders');
    const row = pull.body.rows.find((r: { key: string }) => r.key === line.rowKey);
    assert.deepEqual(
      [row.values.status, row.values.cancelled, row.values.quantity],
      ['cancelled', true, 5],
    );
  });

  it('cancels with cancelled: true on an upsert too', async () => {
    const line = await newLine('PO-CANCEL-2', 2);
    const before = await reserved();
    const cancel = await send({
      ...line,
      baseVersion: 1,
      values: { ...line.values, cancelled: true },
    });
    assert.equal(cancel.status, 'applied');
    assert.equal(await reserved(), before - 2);
  });

  it('refuses any change once something has shipped', async () => {
    const line = await newLine('PO-SHIPPED', 4);
    const ship = await push(
      server,
      'shipments',
      [{ values: { date: TODAY, lineId: line.id, quantity: 1 } }],
      { role: 'warehouse' },
    );
    assert.equal(ship.body.results[0].status, 'applied');
    const result = await send({ ...line, baseVersion: 2, values: { ...line.values, quantity: 8 } });
    assert.deepEqual(
      [result.status, result.errors.map((e) => e.code)],
      ['rejected', ['already-shipped']],
    );
    const cancel = await send({ rowKey: line.rowKey, op: 'delete', baseVersion: 2 });
    assert.deepEqual(
      cancel.errors.map((e) => e.code),
      ['already-shipped'],
    );
  });

  it('re-checks stock when the quantity grows', async () => {
    const line = await newLine('PO-GROW', 1);
    const free = (await stockByKey(server)).get('WH-E|TEE-BLK-M')?.available ?? 0;
    const result = await send({
      ...line,
      baseVersion: 1,
      values: { ...line.values, quantity: free + 2 },
    });
    assert.equal(result.status, 'rejected');
    assert.deepEqual(
      result.errors.map((e) => [
        e.code,
        (e as { params?: { available?: number } }).params?.available,
      ]),
      [['insufficient-stock', free + 1]],
    );
  });
});
