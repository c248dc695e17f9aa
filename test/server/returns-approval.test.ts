// Returns over the approval threshold (docs/returns.md): with the threshold at ¥5,000 a return
// worth exactly ¥5,000 posts at once; one worth ¥6,000 waits (待审批) — no stock, no credit —
// until a manager approves it, and a rejected one frees its quantity.
import assert from 'node:assert/strict';
import type { TestServer } from '../support/server';
import { addDealer, codes, must, pullAs, pushAs, startFinanceServer } from './finance-seed';
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

describe('returns: approval over the threshold', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    for (const code of ['R-AT', 'R-OVER', 'R-REJ']) await addDealer(server, code);
    await setSetting(server, 'return-approval-threshold-fen', 5 * BOX);
  });
  after(() => server.close());

  it('posts a return worth exactly the threshold (5 × ¥1,000) at once', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-AT', 5), 5);
    await must(server, 'sales', 'returns', [returnLine('R-AT', shipment, 5)]);
    const [line] = await returnsOf(server, 'R-AT');
    assert.equal(line?.status, 'posted');
    assert.equal((await receivableOf(server, 'R-AT')).outstanding, 0);
  });

  it('holds a ¥6,000 return until a manager approves it, then posts stock and credit', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-OVER', 6), 6);
    const stock = await onHand(server, 'WH-E', 'FIN-BOX');
    const values = returnLine('R-OVER', shipment, 6);
    await must(server, 'sales', 'returns', [values]);
    const [waiting] = await returnsOf(server, 'R-OVER');
    assert.deepEqual([waiting?.status, waiting?.creditNoteId], ['awaiting-approval', undefined]);
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), stock);
    assert.equal((await receivableOf(server, 'R-OVER')).outstanding, 6 * BOX);
    const approval = { dealerCode: 'R-OVER', returnRef: values.returnRef, decision: 'approve' };
    const bySales = await pushAs(server, 'sales', 'return-approvals', [{ values: approval }]);
    assert.equal(bySales.status, 403);
    await must(server, 'manager', 'return-approvals', [approval]);
    const [posted] = await returnsOf(server, 'R-OVER');
    assert.ok(posted);
    assert.equal(posted.status, 'posted');
    assert.match(String(posted.creditNoteId), /^CN-/);
    assert.equal(await onHand(server, 'WH-E', 'FIN-BOX'), stock + 6);
    assert.equal((await receivableOf(server, 'R-OVER')).outstanding, 0);
    await assertExposureInStep(server, 'R-OVER');
    const twice = await pushAs(server, 'manager', 'return-approvals', [{ values: approval }]);
    assert.deepEqual(codes(twice.body.results[0]), ['return-not-awaiting']);
  });

  it('refuses approving a return that does not exist', async () => {
    const approval = { dealerCode: 'R-OVER', returnRef: 'NO-SUCH', decision: 'approve' };
    const res = await pushAs(server, 'manager', 'return-approvals', [{ values: approval }]);
    assert.deepEqual(codes(res.body.results[0]), ['return-not-found']);
  });

  it('counts a waiting return against the cap, and a rejected one no longer', async () => {
    const shipment = await shipLine(server, await orderOf(server, 'R-REJ', 6), 6);
    const values = returnLine('R-REJ', shipment, 6);
    await must(server, 'sales', 'returns', [values]);
    const more = await pushAs(server, 'sales', 'returns', [
      { values: returnLine('R-REJ', shipment, 1) },
    ]);
    assert.equal(more.body.results[0].errors[0].params.returnable, 0);
    const rejection = { dealerCode: 'R-REJ', returnRef: values.returnRef, decision: 'reject' };
    await must(server, 'manager', 'return-approvals', [rejection]);
    const [line] = await returnsOf(server, 'R-REJ');
    assert.equal(line?.status, 'rejected');
    const [row] = await pullAs(server, 'sales', 'returnable-lines', '&dealer=R-REJ');
    assert.equal(row?.values.returnable, 6);
    assert.equal((await receivableOf(server, 'R-REJ')).outstanding, 6 * BOX);
  });
});
