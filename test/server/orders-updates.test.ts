import assert from 'node:assert/strict';
import type { RowResult as Result } from '../../shared/protocol';
import { randomUUID } from 'node:crypto';
import { suiteServer } from '../support/server';
import {
  fixedNow,
  orderRow,
  push,
  seedSalesData,
  stockByKey,
  TODAY,
  type Row,
} from '../support/fixtures';

type Line = { rowKey: string; values: Record<string, unknown>; id: string };

describe('order updates', () => {
  const server = suiteServer({ now: fixedNow, prepare: seedSalesData });

  const reserved = async () => (await stockByKey(server)).get('WH-E|TEE-BLK-M')?.reserved ?? -1;
  const send = async (row: Row) =>
    (await push(server, { dataset: 'orders', rows: [row], role: 'sales' })).body
      .results[0] as Result;
  const edit = (
    line: Line,
    baseVersion: number | undefined,
    change: Record<string, unknown>,
  ): Row => ({
    rowKey: line.rowKey,
    ...(baseVersion === undefined ? {} : { baseVersion }),
    values: { ...line.values, ...change },
  });
  const pulled = async (rowKey: string) => {
    const res = await server.call('analyst', '/api/v1/sync/pull?dataset=orders');
    return res.body.rows.find((r: { key: string }) => r.key === rowKey) as {
      version: number;
      values: Record<string, unknown>;
    };
  };

  async function newLine(orderRef: string, quantity: number): Promise<Line> {
    const row = { rowKey: randomUUID(), values: orderRow(orderRef, quantity).values ?? {} };
    const result = await send(row);
    assert.equal(result.status, 'applied');
    return { ...row, id: result.id ?? '' };
  }

  it('changes the quantity with the right base version, re-reserving stock', async () => {
    const line = await newLine('PO-UPD-1', 4);
    const before = await reserved();
    const grown = await send(edit(line, 1, { quantity: 6 }));
    assert.deepEqual([grown.status, grown.id, grown.version], ['applied', line.id, 2]);
    assert.equal(await reserved(), before + 2);
    assert.equal((await send(edit(line, 2, { quantity: 1 }))).status, 'applied');
    assert.equal(await reserved(), before - 3);
  });

  it('answers a stale update with a conflict and the server values', async () => {
    const line = await newLine('PO-UPD-2', 2);
    await send(edit(line, 1, { quantity: 3 }));
    const stale = await send(edit(line, 1, { quantity: 5 }));
    assert.deepEqual(
      [stale.status, stale.errors.map((e) => e.code)],
      ['conflict', ['stale-version']],
    );
    const sv = stale.serverValues ?? {};
    const expected = [line.rowKey, 2, 3, line.id, 'submitted', 3 * 19990, 'D-SH01'];
    assert.deepEqual(
      [sv._key, sv._version, sv.quantity, sv.lineId, sv.status, sv.amount, sv.dealerCode],
      expected,
    );
    const unversioned = await send(edit(line, undefined, { quantity: 5 }));
    assert.deepEqual(
      [unversioned.status, unversioned.errors[0]?.code],
      ['conflict', 'missing-base-version'],
    );
  });

  it('merges a stale update of a field the server did not change', async () => {
    const line = await newLine('PO-UPD-3', 2);
    await send(edit(line, 1, { quantity: 3 }));
    const remark = await send(edit(line, 1, { remark: '加急' }));
    assert.deepEqual([remark.status, remark.version], ['applied', 3]);
    const row = await pulled(line.rowKey);
    assert.deepEqual([row.values.quantity, row.values.remark, row.version], [3, '加急', 3]);
  });

  it('answers an identical row with unchanged, its id and version', async () => {
    const line = await newLine('PO-SAME', 1);
    const same = await send({ rowKey: line.rowKey, values: { ...line.values } });
    assert.deepEqual([same.status, same.id, same.version], ['unchanged', line.id, 1]);
  });

  const fixedFields: [string, unknown][] = [
    ['skuCode', 'TEE-BLK-L'],
    ['unitPrice', 100],
    ['locationCode', 'WH-S'],
    ['orderDate', '2026-11-01'],
    ['orderRef', 'PO-OTHER'],
  ];
  for (const [field, value] of fixedFields) {
    it(`refuses to change ${field} of a line`, async () => {
      const line = await newLine(`PO-FIX-${field}`, 1);
      const result = await send(edit(line, 1, { [field]: value }));
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
    assert.equal(
      (await send({ rowKey: line.rowKey, op: 'delete', baseVersion: 2 })).status,
      'unchanged',
    );
    const revive = await send(edit(line, 2, { cancelled: false, quantity: 6 }));
    assert.deepEqual(
      revive.errors.map((e) => e.code),
      ['order-cancelled'],
    );
    const row = await pulled(line.rowKey);
    assert.deepEqual(
      [row.values.status, row.values.cancelled, row.values.quantity],
      ['cancelled', true, 5],
    );
  });

  it('cancels with cancelled: true on an upsert too, keeping the ordered quantity', async () => {
    const line = await newLine('PO-CANCEL-2', 2);
    const before = await reserved();
    assert.equal((await send(edit(line, 1, { cancelled: true, quantity: 4 }))).status, 'applied');
    assert.equal(await reserved(), before - 2);
    assert.equal((await pulled(line.rowKey)).values.quantity, 2);
  });

  it('refuses any change once something has shipped', async () => {
    const line = await newLine('PO-SHIPPED', 4);
    const shipment = { values: { date: TODAY, lineId: line.id, quantity: 1 } };
    const ship = await push(server, { dataset: 'shipments', rows: [shipment], role: 'warehouse' });
    assert.equal(ship.body.results[0].status, 'applied');
    const result = await send(edit(line, 2, { quantity: 8 }));
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

  it('re-checks stock and whole packs when the quantity grows', async () => {
    const line = await newLine('PO-GROW', 1);
    const free = (await stockByKey(server)).get('WH-E|TEE-BLK-M')?.available ?? 0;
    const result = await send(edit(line, 1, { quantity: free + 2 }));
    assert.deepEqual(
      result.errors.map((e) => [e.code, e.params?.available]),
      [['insufficient-stock', free + 1]],
    );
    const socks = { ...orderRow('PO-PACK', 6, { skuCode: 'SOCK-WHT-F' }), rowKey: randomUUID() };
    assert.equal((await send(socks)).status, 'applied');
    const odd = await send({ ...socks, baseVersion: 1, values: { ...socks.values, quantity: 9 } });
    assert.deepEqual(
      odd.errors.map((e) => e.code),
      ['not-pack-multiple'],
    );
  });
});
