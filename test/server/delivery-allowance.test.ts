// The over-delivery allowance (docs/returns.md): a line may ship up to ordered × (1 + allowance);
// per SKU (delivery-allowances) else the global setting; zero by default, today's rule. The
// over-delivered units are invoiced and count in the dealer's exposure.
import assert from 'node:assert/strict';
import type { TestServer } from '../support/server';
import { addDealer, codes, must, pushAs, startFinanceServer, TODAY } from './finance-seed';
import {
  assertExposureInStep,
  BOX,
  orderOf,
  receivableOf,
  setSetting,
  shipLine,
} from './returns-seed';

async function refusal(server: TestServer, lineId: string, quantity: number) {
  const res = await pushAs(server, 'warehouse', 'shipments', [
    { values: { date: TODAY, lineId, quantity } },
  ]);
  const [result] = res.body.results;
  return { codes: codes(result), params: result.errors[0]?.params };
}

describe('shipments: the over-delivery allowance', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'R-ALW');
  });
  after(() => server.close());

  it('keeps zero by default: 11 of 10 ordered is refused, reduce by 1', async () => {
    const line = await orderOf(server, 'R-ALW', 10);
    const found = await refusal(server, line, 11);
    assert.deepEqual(found.codes, ['over-shipment']);
    assert.deepEqual(found.params, { remaining: 10, reduceBy: 1 });
  });

  it('ships exactly 11 of 10 at a 10% SKU allowance, refuses 12 with reduce by 1', async () => {
    await must(server, 'manager', 'delivery-allowances', [{ skuCode: 'FIN-BOX', percent: 10 }]);
    const first = await orderOf(server, 'R-ALW', 10);
    const found = await refusal(server, first, 12);
    assert.deepEqual(found.codes, ['over-delivery-allowance']);
    assert.deepEqual(found.params, { percent: 10, allowed: 11, reduceBy: 1 });
    const before = (await receivableOf(server, 'R-ALW')).outstanding;
    await shipLine(server, first, 11);
    assert.equal((await receivableOf(server, 'R-ALW')).outstanding, before + 11 * BOX);
    await assertExposureInStep(server, 'R-ALW');
    const after = await refusal(server, first, 1);
    assert.deepEqual(after.params, { percent: 10, allowed: 0, reduceBy: 1 });
  });

  it('counts earlier shipments of the line: 8, then 3 passes, then 1 refused', async () => {
    const line = await orderOf(server, 'R-ALW', 10);
    await shipLine(server, line, 8);
    await shipLine(server, line, 3);
    assert.deepEqual((await refusal(server, line, 1)).params, {
      percent: 10,
      allowed: 0,
      reduceBy: 1,
    });
  });

  it('refuses an allowance above 100%', async () => {
    const res = await pushAs(server, 'manager', 'delivery-allowances', [
      { values: { skuCode: 'FIN-BOX', percent: 101 } },
    ]);
    assert.deepEqual(codes(res.body.results[0]), ['invalid-value']);
  });

  it('falls back to the global 5%: 21 of 20 ships, 22 is refused by 1; a SKU row wins', async () => {
    await setSetting(server, 'over-delivery-percent', 5);
    const fen = { sku: 'FIN-FEN', unitPrice: 1 };
    const line = await orderOf(server, 'R-ALW', 20, fen);
    assert.deepEqual((await refusal(server, line, 22)).params, {
      percent: 5,
      allowed: 21,
      reduceBy: 1,
    });
    await shipLine(server, line, 21);
    await must(server, 'manager', 'delivery-allowances', [{ skuCode: 'FIN-FEN', percent: 0 }]);
    const own = await orderOf(server, 'R-ALW', 20, fen);
    assert.deepEqual(await refusal(server, own, 21), {
      codes: ['over-shipment'],
      params: { remaining: 20, reduceBy: 1 },
    });
  });
});
