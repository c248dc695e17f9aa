// Transfer requests (调货, docs/returns.md): a sales user's transfer waits (待审批) — nothing
// moves — until a manager approves it; then A and B move as on a manager's own push. A's cap is
// checked at the request and again at the approval; a decided request cannot be decided again;
// the sales user may name only dealers of their regions, on both sides.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { push, signInAs } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { addDealer, codes, must, pullAs, pushAs, startFinanceServer, TODAY } from './finance-seed';
import {
  assertExposureInStep,
  BOX,
  itemsOf,
  onHand,
  orderOf,
  receivableOf,
  returnLine,
  shipLine,
} from './returns-seed';

const transfer = (from: string, to: string, shipmentId: string, quantity: number) => ({
  transferRef: `DT-${randomUUID().slice(0, 6)}`,
  date: TODAY,
  fromDealerCode: from,
  toDealerCode: to,
  shipmentId,
  quantity,
  locationCode: 'WH-E',
});
const approve = (transferRef: string, decision = 'approve') => ({ transferRef, decision });

async function transferRow(server: TestServer, ref: string) {
  const rows = await pullAs(server, 'manager', 'dealer-transfers');
  return rows.find((r) => r.values.transferRef === ref)?.values;
}

describe('dealer transfers: a sales request under one approval', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    for (const code of ['R-QA', 'R-QB', 'R-QC']) await addDealer(server, code);
    await addDealer(server, 'R-QS', { regionCode: 'HN' });
  });
  after(() => server.close());

  it('holds a sales request for 2 of A’s 3 boxes until a manager approves it', async () => {
    // A was shipped 3 boxes at ¥800 (its own price); B pays the ¥1,000 dealer price.
    const line = await orderOf(server, 'R-QA', 3, { unitPrice: 80_000 });
    const shipment = await shipLine(server, line, 3);
    const stock = await onHand(server, 'WH-E', 'FIN-BOX');
    const values = transfer('R-QA', 'R-QB', shipment, 2);
    await must(server, 'sales', 'dealer-transfers', [values]);
    const waiting = await transferRow(server, values.transferRef);
    assert.deepEqual(
      [waiting?.status, waiting?.creditedValue, waiting?.invoicedValue],
      ['awaiting-approval', 160_000, 2 * BOX],
    );
    assert.equal((await receivableOf(server, 'R-QA')).outstanding, 240_000);
    assert.deepEqual(await itemsOf(server, 'R-QB'), {});
    const [held] = await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-QA');
    assert.equal(held?.values.returnable, 3);

    const bySales = await pushAs(server, 'sales', 'transfer-approvals', [
      { values: approve(values.transferRef) },
    ]);
    assert.equal(bySales.status, 403);
    await must(server, 'manager', 'transfer-approvals', [approve(values.transferRef)]);
    const posted = await transferRow(server, values.transferRef);
    assert.ok(posted);
    assert.equal(posted.status, 'posted');
    assert.match(String(posted.toShipmentId), /^SH-/);
    assert.equal((await receivableOf(server, 'R-QA')).outstanding, 80_000);
    assert.equal((await receivableOf(server, 'R-QB')).outstanding, 2 * BOX);
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), stock);
    const [a] = await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-QA');
    assert.equal(a?.values.returnable, 1);
    await assertExposureInStep(server, 'R-QA');
    await assertExposureInStep(server, 'R-QB');

    const again = await pushAs(server, 'manager', 'transfer-approvals', [
      { values: approve(values.transferRef) },
    ]);
    assert.deepEqual(codes(again.body.results[0]), ['approval-not-awaiting']);
    assert.equal((await receivableOf(server, 'R-QB')).outstanding, 2 * BOX);
  });

  it('checks A’s cap at the request and again at the approval, with the figure', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-QC', 2), 2);
    const over = await pushAs(server, 'sales', 'dealer-transfers', [
      { values: transfer('R-QC', 'R-QB', shipment, 3) },
    ]);
    assert.deepEqual(codes(over.body.results[0]), ['return-over-shipped']);
    assert.equal(over.body.results[0].errors[0].params.returnable, 2);

    const values = transfer('R-QC', 'R-QB', shipment, 2);
    await must(server, 'sales', 'dealer-transfers', [values]);
    // Meanwhile C returns one of the two boxes itself (¥1,000: posted at once).
    await must(server, 'sales', 'returns', [returnLine('R-QC', shipment, 1)]);
    const owedByB = (await receivableOf(server, 'R-QB')).outstanding;
    const res = await pushAs(server, 'manager', 'transfer-approvals', [
      { values: approve(values.transferRef) },
    ]);
    assert.deepEqual(codes(res.body.results[0]), ['return-over-shipped']);
    assert.deepEqual(res.body.results[0].errors[0].params, {
      returnable: 1,
      shipped: 2,
      returned: 1,
    });
    assert.equal((await transferRow(server, values.transferRef))?.status, 'awaiting-approval');
    assert.equal((await receivableOf(server, 'R-QB')).outstanding, owedByB);
    await must(server, 'manager', 'transfer-approvals', [approve(values.transferRef, 'reject')]);
    assert.equal((await transferRow(server, values.transferRef))?.status, 'rejected');
    assert.equal((await receivableOf(server, 'R-QC')).outstanding, BOX);
  });

  it('limits a 上海 sales user to dealers of 上海, on both sides', async () => {
    const toB = await shipLine(server, await orderOf(server, 'R-QB', 1), 1);
    const token = await signInAs(server, { username: 'sales-q', role: 'sales', regions: ['SH'] });
    const rows = [
      { values: transfer('R-QS', 'R-QB', toB, 1) },
      { values: transfer('R-QB', 'R-QS', toB, 1) },
    ];
    const res = await push(server, { dataset: 'dealer-transfers', rows, token });
    const found = res.body.results.map((r: { errors: { field: string; code: string }[] }) =>
      r.errors.map((e) => `${e.field}:${e.code}`),
    );
    assert.deepEqual(found, [
      ['fromDealerCode:region-not-allowed'],
      ['toDealerCode:region-not-allowed'],
    ]);
  });
});
