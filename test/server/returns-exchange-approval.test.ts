// Exchanges over the approval threshold (docs/returns.md): judged on the larger of the returned
// and the issued value. At a ¥5,000 threshold a ¥1,000-for-¥1,500 exchange books at once; a
// ¥4,000-for-¥6,000 one waits (待审批) — no stock, no order, no money — until a manager approves
// it, when everything moves as at push time; a rejected one moves nothing.
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

const line = (dealerCode: string, exchangeRef: string, extra: Record<string, unknown>) => ({
  dealerCode,
  exchangeRef,
  date: TODAY,
  locationCode: 'WH-E',
  ...extra,
});
const back = (dealer: string, ref: string, shipmentId: string, quantity: number) =>
  line(dealer, ref, { direction: 'return', shipmentId, quantity });
const out = (dealer: string, ref: string, skuCode: string, quantity: number) =>
  line(dealer, ref, { direction: 'issue', skuCode, quantity });

const stock = async (server: TestServer) => [
  await onHand(server, 'WH-E', 'FIN-BOX'),
  await onHand(server, 'WH-E', 'RET-COAT'),
];
const exchangeRows = async (server: TestServer, dealer: string) =>
  (await pullAs(server, 'finance', 'exchanges', `&dealer=${dealer}`)).map((r) => r.values);

describe('exchanges: approval over the threshold', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    for (const code of ['R-XU', 'R-XO', 'R-XR']) await addDealer(server, code);
    await addCoat(server);
    await setSetting(server, 'return-approval-threshold-fen', 5 * BOX);
  });
  after(() => server.close());

  it('books a ¥1,000-for-¥1,500 exchange at once (under ¥5,000)', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-XU', 1), 1);
    const [box, coat] = await stock(server);
    const ref = `EX-${randomUUID().slice(0, 6)}`;
    await must(server, 'sales', 'exchanges', [
      back('R-XU', ref, shipment, 1),
      out('R-XU', ref, 'RET-COAT', 1),
    ]);
    const rows = await exchangeRows(server, 'R-XU');
    assert.deepEqual(
      rows.map((r) => r.status),
      ['posted', 'posted'],
    );
    assert.deepEqual(await stock(server), [box! + 1, coat! - 1]);
    assert.equal((await receivableOf(server, 'R-XU')).outstanding, BOX + (COAT - BOX));
  });

  it('holds ¥4,000 back for ¥6,000 out until a manager approves, then moves it all', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-XO', 4), 4);
    const [box, coat] = await stock(server);
    const ref = `EX_${randomUUID().slice(0, 6)}`; // an underscore: LIKE's wildcard
    await must(server, 'sales', 'exchanges', [
      back('R-XO', ref, shipment, 4),
      out('R-XO', ref, 'RET-COAT', 4),
    ]);
    const waiting = await exchangeRows(server, 'R-XO');
    assert.deepEqual(
      waiting.map((r) => [r.status, r.returnedValue, r.issuedValue, r.difference, r.settlement]),
      [
        ['awaiting-approval', 4 * BOX, 4 * COAT, 4 * COAT - 4 * BOX, 'dealer-owes'],
        ['awaiting-approval', 4 * BOX, 4 * COAT, 4 * COAT - 4 * BOX, 'dealer-owes'],
      ],
    );
    assert.deepEqual(await stock(server), [box, coat]);
    assert.deepEqual(await itemsOf(server, 'R-XO'), { [`INV-${shipment}`]: 4 * BOX });
    assert.equal((await pullAs(server, 'sales', 'orders', '&dealer=R-XO')).length, 1);

    const approval = { dealerCode: 'R-XO', exchangeRef: ref, decision: 'approve' };
    const bySales = await pushAs(server, 'sales', 'exchange-approvals', [{ values: approval }]);
    assert.equal(bySales.status, 403);
    await must(server, 'manager', 'exchange-approvals', [approval]);
    const posted = await exchangeRows(server, 'R-XO');
    assert.deepEqual(
      posted.map((r) => r.status),
      ['posted', 'posted'],
    );
    assert.deepEqual(await stock(server), [box! + 4, coat! - 4]);
    // The ¥4,000 returned is credited against the new ¥6,000 invoice: it owes ¥2,000.
    const items = await itemsOf(server, 'R-XO');
    assert.equal(items[`INV-${shipment}`], 4 * BOX);
    const fresh = Object.entries(items).filter(([id]) => id !== `INV-${shipment}`);
    assert.deepEqual(
      fresh.map(([, owed]) => owed),
      [4 * COAT - 4 * BOX],
    );
    assert.equal((await receivableOf(server, 'R-XO')).outstanding, 4 * BOX + 2_000 * 100);
    assert.equal((await pullAs(server, 'sales', 'orders', '&dealer=R-XO')).length, 2);
    await assertExposureInStep(server, 'R-XO');

    const again = await pushAs(server, 'manager', 'exchange-approvals', [{ values: approval }]);
    assert.deepEqual(codes(again.body.results[0]), ['approval-not-awaiting']);
    assert.deepEqual(await stock(server), [box! + 4, coat! - 4]);
  });

  it('moves nothing when a manager rejects a ¥6,000 return for one coat', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-XR', 6), 6);
    const [box, coat] = await stock(server);
    const before = await receivableOf(server, 'R-XR');
    const ref = `EX-${randomUUID().slice(0, 6)}`;
    await must(server, 'sales', 'exchanges', [
      back('R-XR', ref, shipment, 6),
      out('R-XR', ref, 'RET-COAT', 1),
    ]);
    const rejection = { dealerCode: 'R-XR', exchangeRef: ref, decision: 'reject' };
    await must(server, 'manager', 'exchange-approvals', [rejection]);
    const rows = await exchangeRows(server, 'R-XR');
    assert.deepEqual(
      rows.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.deepEqual(await stock(server), [box, coat]);
    assert.deepEqual(await receivableOf(server, 'R-XR'), before);
    const [returnable] = await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-XR');
    assert.equal(returnable?.values.returnable, 6);
    const late = { ...rejection, decision: 'approve' };
    const res = await pushAs(server, 'manager', 'exchange-approvals', [{ values: late }]);
    assert.deepEqual(codes(res.body.results[0]), ['approval-not-awaiting']);
    assert.deepEqual(await stock(server), [box, coat]);
  });

  it('refuses deciding an exchange that is not awaiting approval', async () => {
    const decision = { dealerCode: 'R-XU', exchangeRef: 'NO-SUCH', decision: 'approve' };
    const res = await pushAs(server, 'manager', 'exchange-approvals', [{ values: decision }]);
    assert.deepEqual(codes(res.body.results[0]), ['approval-not-found']);
  });
});
