import assert from 'node:assert/strict';
import type { RowResult as Result } from '../../shared/protocol';
import { randomUUID } from 'node:crypto';
import { suiteServer } from '../support/server';
import { fixedNow, push, seedSalesData, stockByKey, TODAY, type Row } from '../support/fixtures';

describe('receipts, transfers and adjustments', () => {
  const server = suiteServer({ now: fixedNow, prepare: seedSalesData });

  const move = async (dataset: string, rows: Row[]) =>
    (await push(server, { dataset, rows, role: 'warehouse' })).body.results as Result[];
  const balance = async (key: string) => {
    const values = (await stockByKey(server)).get(key);
    return {
      onHand: values?.onHand ?? 0,
      reserved: values?.reserved ?? 0,
      inTransit: values?.inTransit ?? 0,
    };
  };

  it('numbers goods receipts GR-YYYYMMDD-NNNN and raises on hand', async () => {
    const before = await balance('WH-E|SOCK-WHT-F');
    const [result] = await move('goods-receipts', [
      { values: { date: TODAY, locationCode: 'WH-E', skuCode: 'SOCK-WHT-F', quantity: 12 } },
    ]);
    assert.match(result?.id ?? '', /^GR-20261127-\d{4}$/);
    assert.deepEqual(await balance('WH-E|SOCK-WHT-F'), { ...before, onHand: before.onHand + 12 });
    const ledger = await server.store.db
      .selectFrom('stock_ledger')
      .selectAll()
      .where('ref', '=', result?.id ?? '')
      .execute();
    assert.deepEqual(
      ledger.map((l) => [l.kind, l.on_hand_delta]),
      [['receipt', 12]],
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

  it('moves a transfer into transit, then into on hand when received', async () => {
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
    const kinds = await server.store.db
      .selectFrom('stock_ledger')
      .select('kind')
      .where('ref', '=', sent?.id ?? '')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      kinds.map((k) => k.kind),
      ['transfer-out', 'transfer-in-transit', 'transfer-received'],
    );
  });

  it('refuses to change a received transfer, and any change but the receipt before', async () => {
    const row = {
      rowKey: randomUUID(),
      values: {
        date: TODAY,
        fromLocationCode: 'WH-E',
        toLocationCode: 'WH-S',
        skuCode: 'TEE-BLK-M',
        quantity: 1,
      },
    };
    await move('transfers', [row]);
    const [more] = await move('transfers', [{ ...row, values: { ...row.values, quantity: 2 } }]);
    assert.deepEqual(
      more?.errors.map((e) => e.code),
      ['immutable-movement'],
    );
    await move('transfers', [{ ...row, values: { ...row.values, receivedDate: TODAY } }]);
    const [again] = await move('transfers', [
      { ...row, values: { ...row.values, receivedDate: '2026-11-29' } },
    ]);
    assert.deepEqual(
      again?.errors.map((e) => e.code),
      ['transfer-received'],
    );
  });

  it('pulls movement documents like master data, with their numbers', async () => {
    const res = await server.call('warehouse', '/api/v1/sync/pull?dataset=transfers&location=WH-S');
    assert.ok(res.body.rows.length >= 2);
    assert.ok(
      res.body.rows.every((r: { values: { id: string } }) =>
        /^TR-20261127-\d{4}$/.test(r.values.id),
      ),
    );
    const none = await server.call(
      'warehouse',
      '/api/v1/sync/pull?dataset=transfers&from=2027-01-01',
    );
    assert.deepEqual(none.body.rows, []);
  });
});
