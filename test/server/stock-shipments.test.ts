import assert from 'node:assert/strict';
import type { RowResult as Result } from '../../shared/protocol';
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

describe('shipments', () => {
  const server = suiteServer({ now: fixedNow, prepare: seedSalesData });

  const ship = async (rows: Row[]) =>
    (await push(server, { dataset: 'shipments', rows, role: 'warehouse' })).body
      .results as Result[];
  const shipment = (lineId: string, quantity: number) => ({
    values: { date: TODAY, lineId, quantity },
  });
  const balance = async () => {
    const values = (await stockByKey(server)).get('WH-E|TEE-BLK-M');
    return { onHand: values?.onHand, reserved: values?.reserved };
  };
  const pulledLine = async (lineId: string) => {
    const res = await server.call('analyst', '/api/v1/sync/pull?dataset=orders');
    return res.body.rows.find(
      (r: { values: { lineId: string } }) => r.values.lineId === lineId,
    ) as { key: string; version: number; values: Record<string, unknown> };
  };
  async function order(quantity: number, orderRef: string): Promise<string> {
    const res = await push(server, { dataset: 'orders', rows: [orderRow(orderRef, quantity)] });
    assert.equal(res.body.results[0].status, 'applied');
    return res.body.results[0].id as string;
  }

  it('lowers on hand and reserved together and numbers the shipment SH-YYYYMMDD-NNNN', async () => {
    const lineId = await order(5, 'PO-SHIP-1');
    const before = await balance();
    const [first] = await ship([
      { values: { date: TODAY, lineId, quantity: 3, waybill: 'SF123' } },
    ]);
    assert.match(first?.id ?? '', /^SH-20261127-\d{4}$/);
    assert.deepEqual(await balance(), {
      onHand: (before.onHand ?? 0) - 3,
      reserved: (before.reserved ?? 0) - 3,
    });
    const line = await pulledLine(lineId);
    assert.deepEqual(
      [line.values.shippedQuantity, line.values.status, line.version],
      [3, 'partly-shipped', 2],
    );
  });

  it('never ships more than ordered minus already shipped', async () => {
    const lineId = await order(5, 'PO-SHIP-2');
    assert.equal((await ship([shipment(lineId, 3)]))[0]?.status, 'applied');
    const [over] = await ship([shipment(lineId, 3)]);
    assert.deepEqual(
      over?.errors.map((e) => [e.field, e.code, e.params?.remaining]),
      [['quantity', 'over-shipment', 2]],
    );
    assert.equal((await ship([shipment(lineId, 2)]))[0]?.status, 'applied');
    assert.equal((await pulledLine(lineId)).values.status, 'shipped');
  });

  it('counts shipments of one batch against the same line', async () => {
    const lineId = await order(4, 'PO-SHIP-3');
    const results = await ship([shipment(lineId, 3), shipment(lineId, 3)]);
    assert.deepEqual(
      results.map((r) => r.errors.map((e) => e.code)),
      [[], ['over-shipment']],
    );
  });

  it('refuses shipments on a cancelled or unknown line', async () => {
    const lineId = await order(2, 'PO-SHIP-4');
    const { key } = await pulledLine(lineId);
    await push(server, {
      dataset: 'orders',
      rows: [{ rowKey: key, op: 'delete', baseVersion: 1 }],
    });
    const results = await ship([shipment(lineId, 1), shipment('SO-19990101-0001-01', 1)]);
    assert.deepEqual(
      results.map((r) => r.errors.map((e) => e.code)),
      [['order-cancelled'], ['unknown-order-line']],
    );
  });

  it('writes the ledger line with the shipment number as ref', async () => {
    const lineId = await order(1, 'PO-SHIP-5');
    const [result] = await ship([shipment(lineId, 1)]);
    const lines = await server.store.db
      .selectFrom('stock_ledger')
      .selectAll()
      .where('ref', '=', result?.id ?? '')
      .execute();
    const figures = lines.map((l) => [
      l.kind,
      l.location_code,
      l.sku_code,
      l.on_hand_delta,
      l.reserved_delta,
    ]);
    assert.deepEqual(figures, [['shipment', 'WH-E', 'TEE-BLK-M', -1, -1]]);
  });
});
