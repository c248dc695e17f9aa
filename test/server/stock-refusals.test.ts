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

describe('stock movements refused', () => {
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
      name: 'a transfer from an unknown location',
      dataset: 'transfers',
      values: {
        fromLocationCode: 'WH-X',
        toLocationCode: 'WH-E',
        skuCode: 'TEE-BLK-M',
        quantity: 1,
      },
      code: 'unknown-location',
      field: 'fromLocationCode',
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
    assert.equal(
      (await push(server, { dataset: 'orders', rows: [orderRow('PO-ADJ', 3)] })).body.results[0]
        .status,
      'applied',
    );
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
    assert.equal((await move('adjustments', [adjust(-(onHand - reserved))]))[0]?.status, 'applied');
    assert.deepEqual(await balance('WH-E|TEE-BLK-M'), { onHand: reserved, reserved, inTransit: 0 });
    assert.equal((await move('adjustments', [adjust(50)]))[0]?.status, 'applied');
  });
});
