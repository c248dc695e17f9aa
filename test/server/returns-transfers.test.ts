// Dealer-to-dealer transfers (调货, docs/returns.md): a manager's push moves goods dealer A received to
// dealer B — a return from A at A's price and an order + shipment for B at B's — refused when A
// never received that much, and undone whole when B's side is refused.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../support/server';
import { addDealer, codes, pullAs, pushAs, startFinanceServer, TODAY } from './finance-seed';
import { assertExposureInStep, BOX, onHand, orderOf, receivableOf, shipLine } from './returns-seed';

const transfer = (from: string, to: string, shipmentId: string, quantity: number) => ({
  transferRef: `DT-${randomUUID().slice(0, 6)}`,
  date: TODAY,
  fromDealerCode: from,
  toDealerCode: to,
  shipmentId,
  quantity,
  locationCode: 'WH-E',
});

describe('dealer transfers: from A to B under one approval', () => {
  let server: TestServer;
  let shipment: string;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'R-TA');
    await addDealer(server, 'R-TB');
    await addDealer(server, 'R-TC', { creditLimit: 100 });
    // A was shipped 3 boxes at ¥800 (its own price); B pays the ¥1,000 dealer price.
    shipment = await shipLine(server, await orderOf(server, 'R-TA', 3, { unitPrice: 80_000 }), 3);
  });
  after(() => server.close());

  it('moves 2 of A’s 3 boxes to B: A owes ¥1,600 less, B owes ¥2,000, stock even', async () => {
    const stock = await onHand(server, 'WH-E', 'FIN-BOX');
    const res = await pushAs(server, 'manager', 'dealer-transfers', [
      { values: transfer('R-TA', 'R-TB', shipment, 2) },
    ]);
    assert.equal(res.body.summary.applied, 1, JSON.stringify(res.body.results));
    assert.equal((await receivableOf(server, 'R-TA')).outstanding, 80_000);
    assert.equal((await receivableOf(server, 'R-TB')).outstanding, 2 * BOX);
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), stock);
    const [row] = (await pullAs(server, 'finance', 'dealer-transfers')).map((r) => r.values);
    assert.deepEqual(
      [row?.status, row?.creditedValue, row?.invoicedValue],
      ['posted', 160_000, 2 * BOX],
    );
    const [a] = await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-TA');
    assert.equal(a?.values.returnable, 1);
    await assertExposureInStep(server, 'R-TA');
    await assertExposureInStep(server, 'R-TB');
  });

  it('refuses more than A still holds of that shipment, and a shipment A never had', async () => {
    const over = await pushAs(server, 'manager', 'dealer-transfers', [
      { values: transfer('R-TA', 'R-TB', shipment, 2) },
    ]);
    assert.deepEqual(codes(over.body.results[0]), ['return-over-shipped']);
    assert.equal(over.body.results[0].errors[0].params.returnable, 1);
    const notA = await pushAs(server, 'manager', 'dealer-transfers', [
      { values: transfer('R-TB', 'R-TA', shipment, 1) },
    ]);
    assert.deepEqual(codes(notA.body.results[0]), ['return-dealer-mismatch']);
  });

  it('undoes A’s return when B is over its credit limit', async () => {
    const before = await receivableOf(server, 'R-TA');
    const res = await pushAs(server, 'manager', 'dealer-transfers', [
      { values: transfer('R-TA', 'R-TC', shipment, 1) },
    ]);
    assert.deepEqual(codes(res.body.results[0]), ['credit-limit-exceeded']);
    assert.deepEqual(await receivableOf(server, 'R-TA'), before);
    const [a] = await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-TA');
    assert.equal(a?.values.returnable, 1);
    await assertExposureInStep(server, 'R-TA');
  });

  it('refuses a transfer from a dealer to itself', async () => {
    const res = await pushAs(server, 'manager', 'dealer-transfers', [
      { values: transfer('R-TA', 'R-TA', shipment, 1) },
    ]);
    assert.deepEqual(codes(res.body.results[0]), ['transfer-same-dealer']);
  });

  it('keeps both dealers’ sides from a sales user’s pull', async () => {
    const read = await server.call('sales', '/api/v1/sync/pull?dataset=dealer-transfers');
    assert.equal(read.status, 403);
  });
});
