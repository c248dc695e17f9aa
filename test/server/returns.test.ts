// Returns (退货, docs/returns.md) over HTTP with worked numbers: the cap (shipped − returned),
// the credit at the shipped price, a paid invoice's return becoming credit balance (预收),
// restock and scrap, the document standing or falling as one, and immutability.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { signInAs } from '../support/fixtures';
import type { TestServer } from '../support/server';
import {
  addDealer,
  codes,
  must,
  pullAs,
  pushAs,
  receipt,
  startFinanceServer,
} from './finance-seed';
import {
  assertExposureInStep,
  BOX,
  onHand,
  orderOf,
  receivableOf,
  returnLine,
  returnsOf,
  setSetting,
  shipLine,
} from './returns-seed';

describe('returns: against what was shipped', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    for (const code of ['R-CAP', 'R-PRICE', 'R-PAID', 'R-PART', 'R-OTHER'])
      await addDealer(server, code);
    // Returns up to ¥100,000 post at once here; approval has its own file.
    await setSetting(server, 'return-approval-threshold-fen', 100 * BOX);
  });
  after(() => server.close());

  it('returns up to shipped − returned: 2 of 3, then 2 more refused with 1, then exactly 1', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-CAP', 5), 3);
    await must(server, 'sales', 'returns', [returnLine('R-CAP', shipment, 2)]);
    const over = await pushAs(server, 'sales', 'returns', [
      { values: returnLine('R-CAP', shipment, 2) },
    ]);
    const [result] = over.body.results;
    assert.deepEqual(codes(result), ['return-over-shipped']);
    assert.deepEqual(result.errors[0].params, { returnable: 1, shipped: 3, returned: 2 });
    await must(server, 'sales', 'returns', [returnLine('R-CAP', shipment, 1)]);
    const [row] = (await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-CAP')).map(
      (r) => r.values,
    );
    assert.deepEqual(
      [row?.shipmentId, row?.shipped, row?.returned, row?.returnable, row?.unitPrice],
      [shipment, 3, 3, 0, BOX],
    );
  });

  it('counts earlier lines of the same push against the shipment', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-CAP', 2), 2);
    const res = await pushAs(server, 'sales', 'returns', [
      { values: returnLine('R-CAP', shipment, 2) },
      { values: returnLine('R-CAP', shipment, 1) },
    ]);
    assert.deepEqual(
      res.body.results.map((r: { status: string }) => r.status),
      ['applied', 'rejected'],
    );
  });

  it('credits the shipped price (¥800), not today’s dealer price (¥1,000), and restocks', async () => {
    const before = await onHand(server, 'WH-E', 'FIN-BOX');
    const shipment = await shipLine(
      server,
      await orderOf(server, 'R-PRICE', 4, { unitPrice: 800 * 100 }),
      4,
    );
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), before - 4);
    assert.equal((await receivableOf(server, 'R-PRICE')).outstanding, 3_200 * 100);
    const [id] = await must(server, 'sales', 'returns', [returnLine('R-PRICE', shipment, 3)]);
    assert.match(id!, /^RT-\d{8}-\d{4}$/);
    const [line] = await returnsOf(server, 'R-PRICE');
    assert.ok(line);
    assert.equal(line.unitPrice, 800 * 100);
    assert.equal(line.value, 2_400 * 100);
    assert.equal(line.status, 'posted');
    const notes = (await pullAs(server, 'finance', 'credit-notes', '&dealer=R-PRICE')).map(
      (r) => r.values,
    );
    assert.deepEqual(
      notes.map((n) => [n.id, n.invoiceId, n.amount, n.reason]),
      [[line.creditNoteId, `INV-${shipment}`, 2_400 * 100, 'return']],
    );
    assert.equal((await receivableOf(server, 'R-PRICE')).outstanding, 800 * 100);
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), before - 1);
    await assertExposureInStep(server, 'R-PRICE');
  });

  it('turns the return of a paid ¥2,000 invoice into ¥1,000 credit balance (预收)', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-PAID', 2), 2);
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [receipt(2 * BOX)]);
    const pay = { receiptId, targetKind: 'invoice', targetId: `INV-${shipment}` };
    await must(server, 'finance', 'allocations', [
      { ...pay, dealerCode: 'R-PAID', amount: 2 * BOX },
    ]);
    assert.equal((await receivableOf(server, 'R-PAID')).outstanding, 0);
    await must(server, 'sales', 'returns', [returnLine('R-PAID', shipment, 1)]);
    const row = await receivableOf(server, 'R-PAID');
    assert.deepEqual([row.outstanding, row.creditBalance], [0, BOX]);
    const [line] = await returnsOf(server, 'R-PAID');
    assert.deepEqual([line?.creditNoteId, line?.creditBalance], [undefined, BOX]);
    const held = (await pullAs(server, 'finance', 'allocations', '&dealer=R-PAID'))
      .map((r) => r.values)
      .filter((v) => v.targetKind === 'credit-balance');
    assert.deepEqual(
      held.map((v) => [v.amount, v.receiptId]),
      [[BOX, undefined]],
    );
    await assertExposureInStep(server, 'R-PAID');
  });

  it('splits a return of a half-paid invoice: ¥500 credit note, ¥500 credit balance', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-PART', 2), 2);
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [receipt(1_500 * 100)]);
    const pay = { receiptId, targetKind: 'invoice', targetId: `INV-${shipment}` };
    await must(server, 'finance', 'allocations', [
      { ...pay, dealerCode: 'R-PART', amount: 1_500 * 100 },
    ]);
    await must(server, 'sales', 'returns', [returnLine('R-PART', shipment, 1)]);
    const [line] = await returnsOf(server, 'R-PART');
    const notes = await pullAs(server, 'finance', 'credit-notes', '&dealer=R-PART');
    assert.deepEqual(
      notes.map((n) => n.values.amount),
      [500 * 100],
    );
    assert.equal(line?.creditBalance, 500 * 100);
    const row = await receivableOf(server, 'R-PART');
    assert.deepEqual([row.outstanding, row.creditBalance], [0, 500 * 100]);
    await assertExposureInStep(server, 'R-PART');
  });

  it('scraps without stock and needs a location to restock', async () => {
    const before = await onHand(server, 'WH-E', 'FIN-BOX');
    const shipment = await shipLine(server, await orderOf(server, 'R-CAP', 2), 2);
    const scrap = returnLine('R-CAP', shipment, 1, {
      disposition: 'scrap',
      reason: 'transit-damage',
    });
    await must(server, 'sales', 'returns', [scrap]);
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), before - 2);
    const { locationCode: _, ...nowhere } = returnLine('R-CAP', shipment, 1);
    const res = await pushAs(server, 'sales', 'returns', [{ values: nowhere }]);
    assert.deepEqual(codes(res.body.results[0]), ['return-location-required']);
  });

  it('refuses a whole return when one line fails, and another dealer’s shipment', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-CAP', 2), 2);
    const ref = `RT-${randomUUID().slice(0, 6)}`;
    const res = await pushAs(server, 'sales', 'returns', [
      { values: returnLine('R-CAP', shipment, 1, { returnRef: ref }) },
      { values: returnLine('R-CAP', shipment, 5, { returnRef: ref }) },
      { values: returnLine('R-OTHER', shipment, 1) },
    ]);
    const found = res.body.results.map((r: { errors: { code: string }[] }) => codes(r));
    assert.deepEqual(found, [
      ['order-rejected'],
      ['return-over-shipped'],
      ['return-dealer-mismatch'],
    ]);
    const [row] = (await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-CAP'))
      .map((r) => r.values)
      .filter((v) => v.shipmentId === shipment);
    assert.equal(row?.returnable, 2);
  });

  it('keeps a booked return: the same row again is unchanged, a changed one refused', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-CAP', 2), 2);
    const values = returnLine('R-CAP', shipment, 1);
    const rowKey = randomUUID();
    await pushAs(server, 'sales', 'returns', [{ rowKey, values }]);
    const again = await pushAs(server, 'sales', 'returns', [{ rowKey, values }]);
    assert.equal(again.body.results[0].status, 'unchanged');
    const changed = await pushAs(server, 'sales', 'returns', [
      { rowKey, values: { ...values, quantity: 2 } },
    ]);
    assert.deepEqual(codes(changed.body.results[0]), ['return-immutable']);
  });

  it('refuses a sales user limited to 华南 a return of a 上海 dealer', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-CAP', 1), 1);
    const token = await signInAs(server, { username: 'sales-hn', role: 'sales', regions: ['HN'] });
    const mutation = { mutationId: randomUUID(), op: 'upsert', rowKey: randomUUID() };
    const body = {
      workbookId: 'wb-rt',
      clientId: 'client-rt',
      dataset: 'returns',
      mutations: [{ ...mutation, values: returnLine('R-CAP', shipment, 1) }],
    };
    const headers = { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() };
    const res = await server.call(null, '/api/v1/sync/push', { body, headers });
    assert.deepEqual(codes(res.body.results[0]), ['region-not-allowed']);
  });

  it('lets finance read returns and refuses finance pushing them', async () => {
    const res = await pushAs(server, 'finance', 'returns', [
      { values: returnLine('R-CAP', 'SH-X', 1) },
    ]);
    assert.equal(res.status, 403);
  });
});
