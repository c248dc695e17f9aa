// Who may release an order over the credit limit (docs/protocol.md, "Push"): finance holds the
// push option `releaseCredit` on orders without being an order taker — it may dry-run orders to
// see which are over the limit, and push them with the release; a plain push stays forbidden.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { orderLine } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { addDealer, BOX, pushAs, startFinanceServer } from './finance-seed';

describe('credit release by finance', () => {
  let server: TestServer;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'F-LIM', { creditLimit: 1_000_000 }); // ¥10,000
  });
  after(async () => {
    await server.close();
  });

  // ¥11,000 of FIN-BOX: ¥1,000 over the limit.
  const over = () => ({
    rowKey: randomUUID(),
    values: orderLine({
      dealerCode: 'F-LIM',
      orderRef: `PO-${randomUUID().slice(0, 8)}`,
      skuCode: 'FIN-BOX',
      quantity: 11,
      unitPrice: BOX,
    }),
  });

  it('refuses a plain orders push from finance', async () => {
    const res = await pushAs(server, 'finance', 'orders', [over()]);
    assert.equal(res.status, 403);
  });

  it('lets finance dry-run orders and see the credit figures, writing nothing', async () => {
    const res = await pushAs(server, 'finance', 'orders', [over()], { dryRun: true });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const error = res.body.results[0].errors[0];
    assert.equal(error.code, 'credit-limit-exceeded');
    assert.deepEqual(error.params, {
      limit: '10,000.00',
      used: '0.00',
      thisOrder: '11,000.00',
      overBy: '1,000.00',
    });
  });

  it('applies the order finance pushes with the release', async () => {
    const res = await pushAs(server, 'finance', 'orders', [over()], {
      options: { releaseCredit: true },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.summary.applied, 1);
  });

  it('still refuses the release to a role the option does not name', async () => {
    const res = await pushAs(server, 'warehouse', 'orders', [over()], {
      options: { releaseCredit: true },
    });
    assert.equal(res.status, 403);
  });
});
