// Stocktakes valued at standard cost (docs/stocktake.md), over HTTP on a real store. Worked
// numbers: location WH-C receives TEE-BLK-M 50, TEE-BLK-L 10, SOCK-WHT-F 30 on 11-20; costs
// ¥80.00, ¥85.00, ¥3.00; an adjustment of −5 TEE-BLK-M on 11-26 comes after the 11-25 cut-off.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import type { RowResult as Result } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import { rebuildStock } from '../../server/services/stock-rebuild';
import { postingWrites } from '../../server/stock-ops/stocktake-approve';
import { fixedNow, push, seedSalesData, stockByKey, type Row } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';

const CUT_OFF = '2026-11-25';
const costs = { 'TEE-BLK-M': 8000, 'TEE-BLK-L': 8500, 'SOCK-WHT-F': 300 };
const received = { 'TEE-BLK-M': 50, 'TEE-BLK-L': 10, 'SOCK-WHT-F': 30 };
type Sku = keyof typeof costs;

describe('stocktakes valued at cost', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
    const location = { code: 'WH-C', name: '盘点仓', kind: 'warehouse', status: 'active' };
    await seed('locations', [{ values: location }], 'manager');
    const costRows = Object.entries(costs).map(([skuCode, cost]) => ({
      values: { skuCode, cost },
    }));
    await seed('product-costs', costRows, 'manager');
    const receipts = Object.entries(received).map(([skuCode, quantity]) => ({
      values: { date: '2026-11-20', locationCode: 'WH-C', skuCode, quantity },
    }));
    await seed('goods-receipts', receipts, 'warehouse');
    const after = { date: '2026-11-26', locationCode: 'WH-C', skuCode: 'TEE-BLK-M', quantity: -5 };
    await seed('adjustments', [{ values: { ...after, reason: 'damage' } }], 'warehouse');
  });
  afterEach(async () => {
    sinon.restore();
    await server.close();
  });

  async function send(dataset: string, rows: Row[], role: Role) {
    const res = await push(server, { dataset, rows, role });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.results as Result[];
  }
  async function seed(dataset: string, rows: Row[], role: Role) {
    const results = await send(dataset, rows, role);
    assert.ok(
      results.every((r) => r.status === 'applied'),
      JSON.stringify(results),
    );
  }
  const counted = (skuCode: Sku, countedQuantity: number, countDate = CUT_OFF): Row => ({
    rowKey: randomUUID(),
    values: { locationCode: 'WH-C', countDate, skuCode, countedQuantity },
  });
  const approve = (role: Role = 'manager', countDate = CUT_OFF) =>
    push(server, {
      dataset: 'stocktake-approvals',
      rows: [{ values: { locationCode: 'WH-C', countDate } }],
      role,
    });
  async function pull(dataset: string, query: string, role: Role = 'warehouse') {
    const res = await server.call(role, `/api/v1/sync/pull?dataset=${dataset}${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const rows = res.body.rows as { values: Record<string, unknown> }[];
    return rows.map((r) => r.values);
  }
  const sheet = async () =>
    new Map((await pull('stocktakes', `&location=WH-C&to=${CUT_OFF}`)).map((v) => [v.skuCode, v]));
  const summary = async () => (await pull('stocktake-approvals', '&location=WH-C'))[0];
  const onHand = async (sku: Sku) => (await stockByKey(server)).get(`WH-C|${sku}`)?.onHand;
  const postings = () =>
    server.store.db
      .selectFrom('stock_ledger')
      .select(['sku_code', 'on_hand_delta', 'business_date', 'created_at'])
      .where('kind', '=', 'stocktake')
      .orderBy('sku_code')
      .execute();

  it('pulls the count sheet with the system quantity as of the cut-off', async () => {
    const rows = await sheet();
    // TEE-BLK-M is 45 today; the −5 of 11-26 is after the cut-off, so the sheet says 50.
    assert.equal(await onHand('TEE-BLK-M'), 45);
    assert.deepEqual(
      [...rows.values()].map((v) => [v.skuCode, v.systemQuantity, v.status]).sort(),
      [
        ['SOCK-WHT-F', 30, 'uncounted'],
        ['TEE-BLK-L', 10, 'uncounted'],
        ['TEE-BLK-M', 50, 'uncounted'],
      ],
    );
  });

  it('shows the variance at cost per line and in total before anything posts', async () => {
    await send(
      'stocktakes',
      [counted('TEE-BLK-M', 47), counted('TEE-BLK-L', 12), counted('SOCK-WHT-F', 30)],
      'warehouse',
    );
    const rows = await sheet();
    const line = (sku: Sku) => {
      const v = rows.get(sku)!;
      return [
        v.systemQuantity,
        v.countedQuantity,
        v.variance,
        v.unitCost,
        v.varianceValue,
        v.status,
      ];
    };
    // 47 − 50 = −3 × 8000 = −24000; 12 − 10 = +2 × 8500 = +17000; 30 − 30 = 0.
    assert.deepEqual(line('TEE-BLK-M'), [50, 47, -3, 8000, -24000, 'pending']);
    assert.deepEqual(line('TEE-BLK-L'), [10, 12, 2, 8500, 17000, 'pending']);
    assert.deepEqual(line('SOCK-WHT-F'), [30, 30, 0, 300, 0, 'pending']);
    const total = await summary();
    assert.deepEqual(
      [total?.lines, total?.varianceQuantity, total?.varianceValue, total?.status],
      [3, -1, -7000, 'pending'],
    );
    assert.equal((await postings()).length, 0, 'nothing posts before approval');
    assert.equal(await onHand('TEE-BLK-M'), 45);
  });

  it('replaces a recount of the same location and date, never adds to it', async () => {
    await send('stocktakes', [counted('TEE-BLK-M', 47), counted('TEE-BLK-L', 12)], 'warehouse');
    const [recount] = await send('stocktakes', [counted('TEE-BLK-M', 48)], 'warehouse');
    assert.deepEqual([recount?.status, recount?.version], ['applied', 2]);
    const rows = await sheet();
    assert.deepEqual(
      [rows.get('TEE-BLK-M')?.countedQuantity, rows.get('TEE-BLK-M')?.variance],
      [48, -2],
    );
    // −2 × 8000 + 2 × 8500 = +1000 over two lines.
    const total = await summary();
    assert.deepEqual([total?.lines, total?.varianceQuantity, total?.varianceValue], [2, 0, 1000]);
  });

  it('drops a pending line the keeper deletes from the sheet', async () => {
    const line = counted('TEE-BLK-M', 47);
    await send('stocktakes', [line, counted('TEE-BLK-L', 12)], 'warehouse');
    const [gone] = await send('stocktakes', [{ rowKey: line.rowKey!, op: 'delete' }], 'warehouse');
    assert.equal(gone?.status, 'applied');
    assert.equal((await sheet()).get('TEE-BLK-M')?.status, 'uncounted');
    const total = await summary();
    assert.deepEqual([total?.lines, total?.varianceValue], [1, 17000]);
  });

  it('posts the variances on approval, leaving movements after the cut-off standing', async () => {
    await send(
      'stocktakes',
      [counted('TEE-BLK-M', 48), counted('TEE-BLK-L', 12), counted('SOCK-WHT-F', 30)],
      'warehouse',
    );
    assert.equal((await approve('warehouse')).status, 403, 'the keeper cannot approve');
    const res = await approve();
    assert.deepEqual(
      res.body.results.map((r: Result) => [r.status, r.id]),
      [['applied', 'ST-WH-C-2026-11-25']],
    );
    const lines = await postings();
    assert.deepEqual(
      lines.map((l) => [l.sku_code, l.on_hand_delta, l.business_date]),
      [
        ['TEE-BLK-L', 2, CUT_OFF],
        ['TEE-BLK-M', -2, CUT_OFF],
      ],
    );
    assert.equal(new Set(lines.map((l) => l.created_at)).size, 1, 'one transaction');
    // Counted 48 on 11-25, then −5 on 11-26: 43 today, not the 48 counted.
    assert.equal(await onHand('TEE-BLK-M'), 43);
    assert.equal(await onHand('TEE-BLK-L'), 12);
    assert.deepEqual(
      (await rebuildStock(server.store.db)).differences,
      [],
      'ledger and balances agree',
    );
    const posted = (await sheet()).get('TEE-BLK-M');
    assert.deepEqual(
      [posted?.systemQuantity, posted?.variance, posted?.status],
      [50, -2, 'posted'],
    );
    const total = await summary();
    assert.deepEqual(
      [total?.varianceValue, total?.status, total?.postedBy],
      [1000, 'posted', 'manager-user'],
    );
    const [again] = (await approve()).body.results as Result[];
    assert.equal(again?.status, 'unchanged', 'a second approval posts nothing');
    const undo = await push(server, {
      dataset: 'stocktake-approvals',
      rows: [{ op: 'delete', rowKey: randomUUID() }],
      role: 'manager',
    });
    assert.equal(undo.body.results[0].errors[0].code, 'stocktake-approval-final');
    assert.equal((await postings()).length, 2);
    const [late] = await send('stocktakes', [counted('TEE-BLK-M', 40)], 'warehouse');
    assert.deepEqual([late?.status, late?.errors[0]?.code], ['rejected', 'stocktake-posted']);
  });

  it('posts all of an approval or none of it', async () => {
    await send('stocktakes', [counted('TEE-BLK-M', 48), counted('TEE-BLK-L', 12)], 'warehouse');
    sinon.stub(postingWrites, 'saveLines').rejects(new Error('disk full'));
    assert.equal((await approve()).status, 500);
    sinon.restore();
    assert.equal((await postings()).length, 0, 'no ledger line stays');
    assert.deepEqual([await onHand('TEE-BLK-M'), await onHand('TEE-BLK-L')], [45, 10]);
    assert.equal((await summary())?.status, 'pending');
  });

  it('refuses an approval with nothing counted and a count dated after today', async () => {
    const [none] = (await approve()).body.results as Result[];
    assert.equal(none?.errors[0]?.code, 'stocktake-nothing-counted');
    const [future] = await send('stocktakes', [counted('TEE-BLK-M', 1, '2026-11-28')], 'warehouse');
    assert.deepEqual(
      [future?.status, future?.errors[0]?.code],
      ['rejected', 'stocktake-future-date'],
    );
  });

  it('counts a SKU no longer sold, and refuses one that does not exist', async () => {
    const [old, none] = await send(
      'stocktakes',
      [
        {
          values: {
            locationCode: 'WH-C',
            countDate: CUT_OFF,
            skuCode: 'OLD-JKT-F',
            countedQuantity: 2,
          },
        },
        {
          values: {
            locationCode: 'WH-C',
            countDate: CUT_OFF,
            skuCode: 'NO-SUCH',
            countedQuantity: 1,
          },
        },
      ],
      'warehouse',
    );
    assert.deepEqual([old?.status, none?.errors[0]?.code], ['applied', 'unknown-sku']);
    const line = (await sheet()).get('OLD-JKT-F');
    assert.deepEqual(
      [line?.systemQuantity, line?.variance],
      [0, 2],
      'found stock of an inactive SKU',
    );
  });

  it('shows cost to analysts and the warehouse, never to sales', async () => {
    const seen = await pull('product-costs', '', 'analyst');
    assert.equal(seen.find((v) => v.skuCode === 'TEE-BLK-M')?.cost, 8000);
    for (const dataset of ['product-costs', 'stocktakes', 'stocktake-approvals']) {
      const res = await server.call('sales', `/api/v1/sync/pull?dataset=${dataset}`);
      assert.equal(res.status, 403, dataset);
    }
    const edit = await push(server, {
      dataset: 'product-costs',
      rows: [{ values: { skuCode: 'TEE-BLK-M', cost: 1 } }],
      role: 'analyst',
    });
    assert.equal(edit.status, 403, 'analysts read cost, managers edit it');
  });
});
