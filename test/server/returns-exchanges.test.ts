// Exchanges (调换, docs/returns.md): one document returns shipment lines and issues other goods
// to the same dealer; the dealer owes or is owed the difference, each side at its own price;
// finance sees the new invoice owe only the difference; one refused part undoes everything.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from '../support/server';
import { addDealer, codes, must, pullAs, pushAs, startFinanceServer, TODAY } from './finance-seed';
import {
  addCoat,
  assertExposureInStep,
  BOX,
  COAT,
  itemsOf,
  onHand,
  orderOf,
  receivableOf,
  setSetting,
  shipLine,
} from './returns-seed';

const back = (dealerCode: string, exchangeRef: string, shipmentId: string, quantity: number) => ({
  dealerCode,
  exchangeRef,
  date: TODAY,
  direction: 'return',
  shipmentId,
  quantity,
  locationCode: 'WH-E',
});
const out = (dealerCode: string, exchangeRef: string, skuCode: string, quantity: number) => ({
  dealerCode,
  exchangeRef,
  date: TODAY,
  direction: 'issue',
  skuCode,
  quantity,
  locationCode: 'WH-E',
});

describe('exchanges: one document settled on the difference', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    for (const code of ['R-EX1', 'R-EX2', 'R-EX3']) await addDealer(server, code);
    await addCoat(server);
  });
  after(() => server.close());

  it('returns a ¥1,000 box for a ¥1,500 coat: the dealer owes ¥500 on the new invoice', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-EX1', 2), 2);
    const [box, coat] = [
      await onHand(server, 'WH-E', 'FIN-BOX'),
      await onHand(server, 'WH-E', 'RET-COAT'),
    ];
    const ref = `EX-${randomUUID().slice(0, 6)}`;
    await must(server, 'sales', 'exchanges', [
      back('R-EX1', ref, shipment, 1),
      out('R-EX1', ref, 'RET-COAT', 1),
    ]);
    const rows = (await pullAs(server, 'finance', 'exchanges', '&dealer=R-EX1')).map(
      (r) => r.values,
    );
    assert.deepEqual(
      rows.map((r) => [r.direction, r.value, r.settlement, r.difference]),
      [
        ['return', BOX, 'dealer-owes', 500 * 100],
        ['issue', COAT, 'dealer-owes', 500 * 100],
      ],
    );
    const items = await itemsOf(server, 'R-EX1');
    assert.equal(items[`INV-${shipment}`], 2 * BOX);
    const fresh = Object.entries(items).filter(([id]) => id !== `INV-${shipment}`);
    assert.deepEqual(
      fresh.map(([, outstanding]) => outstanding),
      [500 * 100],
    );
    assert.equal((await receivableOf(server, 'R-EX1')).outstanding, 2 * BOX + 500 * 100);
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), box + 1);
    assert.equal(await onHand(server, 'WH-E', 'RET-COAT'), coat - 1);
    await assertExposureInStep(server, 'R-EX1');
  });

  it('returns two ¥1,500 coats for a ¥1,000 box: the dealer is owed ¥2,000', async () => {
    const coatLine = await orderOf(server, 'R-EX2', 2, { sku: 'RET-COAT', unitPrice: COAT });
    const shipment = await shipLine(server, coatLine, 2);
    const ref = `EX-${randomUUID().slice(0, 6)}`;
    await must(server, 'sales', 'exchanges', [
      back('R-EX2', ref, shipment, 2),
      out('R-EX2', ref, 'FIN-BOX', 1),
    ]);
    const [row] = (await pullAs(server, 'finance', 'exchanges', '&dealer=R-EX2')).map(
      (r) => r.values,
    );
    assert.deepEqual([row?.settlement, row?.difference], ['dealer-is-owed', 2_000 * 100]);
    const items = await itemsOf(server, 'R-EX2');
    assert.equal(items[`INV-${shipment}`], 3_000 * 100 - 2_000 * 100);
    assert.equal((await receivableOf(server, 'R-EX2')).outstanding, 1_000 * 100);
    await assertExposureInStep(server, 'R-EX2');
  });

  it('moves nothing when the issued side is refused (1,000 coats, 100 in stock)', async () => {
    // ¥1,500,000 issued: above the default threshold it would wait for a manager instead.
    await setSetting(server, 'return-approval-threshold-fen', 1_000_000_000);
    const shipment = await shipLine(server, await orderOf(server, 'R-EX3', 2), 2);
    const box = await onHand(server, 'WH-E', 'FIN-BOX');
    const before = await receivableOf(server, 'R-EX3');
    const ref = `EX-${randomUUID().slice(0, 6)}`;
    const res = await pushAs(server, 'sales', 'exchanges', [
      { values: back('R-EX3', ref, shipment, 1) },
      { values: out('R-EX3', ref, 'RET-COAT', 1_000) },
    ]);
    const found = res.body.results.map((r: { errors: { code: string }[] }) => codes(r));
    assert.deepEqual(found, [['exchange-other-part-refused'], ['insufficient-stock']]);
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), box);
    assert.deepEqual(await receivableOf(server, 'R-EX3'), before);
    const [line] = await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-EX3');
    assert.equal(line?.values.returnable, 2);
    const orders = await pullAs(server, 'sales', 'orders', '&dealer=R-EX3');
    assert.equal(orders.length, 1);
    await assertExposureInStep(server, 'R-EX3');
  });

  it('moves nothing when a returned line is over its cap', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-EX3', 1), 1);
    const coat = await onHand(server, 'WH-E', 'RET-COAT');
    const ref = `EX-${randomUUID().slice(0, 6)}`;
    const res = await pushAs(server, 'sales', 'exchanges', [
      { values: back('R-EX3', ref, shipment, 2) },
      { values: out('R-EX3', ref, 'RET-COAT', 1) },
    ]);
    const found = res.body.results.map((r: { errors: { code: string }[] }) => codes(r));
    assert.deepEqual(found, [['return-over-shipped'], ['exchange-other-part-refused']]);
    assert.equal(await onHand(server, 'WH-E', 'RET-COAT'), coat);
  });
});
