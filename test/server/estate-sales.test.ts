import assert from 'node:assert/strict';
import { est } from '../../server/estate/tables';
import {
  must,
  pullAs,
  pushAs,
  startEstateServer,
  subscription,
  unitStatus,
  type EstateServer,
} from './estate-helpers';

describe('estate: price, schedule, holds, one seller per unit', () => {
  let server: EstateServer;
  before(async () => {
    server = await startEstateServer(['B1-0801', 'B1-0802', 'B1-0803', 'B1-0804', 'B1-0805']);
  });
  after(() => server.close());

  it('prices 89.50 m² × ¥32,000.00 × 98.5 % = ¥2,821,040.00, rounded once half up', async () => {
    // 8,950 × 3,200,000 × 9,850 / 1,000,000 = 282,104,000 fen exactly; 9,851 bp adds 0.5 fen per
    // 10,000 … : 8,950 × 3,200,000 × 9,851 / 10^6 = 282,132,640 fen.
    const ok = await pushAs(server, 'sales', 'estate-subscriptions', [
      {
        rowKey: 'sub-price',
        values: subscription('B1-0801', {
          discountBp: 9_850,
          price: 282_104_000,
          deposit: 5_000_000,
          downPayment: 87_104_000,
          loanAmount: 190_000_000,
          paymentMethod: 'mortgage',
        }),
      },
    ]);
    assert.equal(ok.body.results[0].status, 'applied', JSON.stringify(ok.body));
    const [row] = await pullAs(server, 'manager', 'estate-subscriptions');
    assert.equal(row?.values.price, 282_104_000);
  });

  it('refuses a schedule that misses the price by ¥0.01, with the difference in yuan', async () => {
    const values = subscription('B1-0802', { downPayment: 281_399_999 });
    const zh = await pushAs(server, 'sales', 'estate-subscriptions', [{ values }]);
    assert.equal(zh.body.results[0].status, 'rejected');
    assert.equal(
      zh.body.results[0].errors[0].message,
      '付款计划合计 2,863,999.99 元，与成交总价 2,864,000.00 元相差 0.01 元。',
    );
    const en = await pushAs(server, 'sales', 'estate-subscriptions', [{ values }], {
      locale: 'en-US',
    });
    assert.equal(
      en.body.results[0].errors[0].message,
      'The payment schedule sums to 2,863,999.99, the price is 2,864,000.00: a difference of 0.01.',
    );
    assert.equal(await unitStatus(server, 'B1-0802'), 'available');
  });

  it('refuses a typed price that is not area × unit price × discount', async () => {
    const values = subscription('B1-0802', { price: 286_400_001 });
    const res = await pushAs(server, 'sales', 'estate-subscriptions', [{ values }], {
      locale: 'en-US',
    });
    assert.equal(
      res.body.results[0].errors[0].message,
      'The price should be 2,864,000.00 (area × unit price × discount), not 2,864,000.01.',
    );
  });

  it('masks the buyer’s ID number for sales, not for finance', async () => {
    const [forSales] = await pullAs(server, 'sales', 'estate-subscriptions');
    assert.equal(forSales?.values.buyerIdNumber, '110101********1234');
    const [forFinance] = await pullAs(server, 'finance', 'estate-subscriptions');
    assert.equal(forFinance?.values.buyerIdNumber, '110101199001011234');
  });

  it('keeps a hold until 3 days to the millisecond, then the unit is 可售 again', async () => {
    server.setNow('2026-11-27T02:00:00.000Z');
    const [id] = await must(server, 'sales', 'estate-holds', [
      { unitCode: 'B1-0803', buyerName: '王五', deposit: 1_000_000 },
    ]);
    assert.match(id!, /^XD-P1-\d{4}$/);
    server.setNow('2026-11-30T01:59:59.999Z');
    assert.equal(await unitStatus(server, 'B1-0803'), 'held');
    const taken = await pushAs(server, 'manager', 'estate-holds', [
      { values: { unitCode: 'B1-0803', buyerName: '赵六' } },
    ]);
    assert.equal(taken.body.results[0].status, 'conflict');
    server.setNow('2026-11-30T02:00:00.000Z');
    assert.equal(await unitStatus(server, 'B1-0803'), 'available');
    const [hold] = (await pullAs(server, 'manager', 'estate-holds')).filter(
      (r) => r.values.id === id,
    );
    assert.equal(hold?.values.state, 'expired');
  });

  it('lets exactly one of two subscriptions fired at once on one unit through', async () => {
    const fire = (role: 'sales' | 'manager', buyerName: string) =>
      pushAs(server, role, 'estate-subscriptions', [
        { values: subscription('B1-0804', { buyerName }) },
      ]);
    const results = await Promise.all([fire('sales', '甲'), fire('manager', '乙')]);
    const statuses = results.map((r) => r.body.results[0].status).sort();
    assert.deepEqual(statuses, ['applied', 'conflict']);
    const loser = results.find((r) => r.body.results[0].status === 'conflict')!;
    const winner = results.find((r) => r.body.results[0].status === 'applied')!;
    const holderName = loser === results[0] ? 'manager-user' : 'sales-user';
    assert.match(
      loser.body.results[0].errors[0].message,
      new RegExp(
        `^房源 B1-0804 已被 ${holderName} \\(${holderName}\\) 占用（${winner.body.results[0].id}，认购）。$`,
      ),
    );
    const active = await est(server.store.db)
      .selectFrom('est_documents')
      .select('id')
      .where('unit_code', '=', 'B1-0804')
      .where('active', '=', 1)
      .execute();
    assert.equal(active.length, 1);
  });

  it('refuses a second active document on a unit in the store itself (the partial unique index)', async () => {
    const [doc] = await est(server.store.db)
      .selectFrom('est_documents')
      .selectAll()
      .where('unit_code', '=', 'B1-0804')
      .where('active', '=', 1)
      .execute();
    assert.ok(doc);
    await assert.rejects(
      est(server.store.db)
        .insertInto('est_documents')
        .values({ ...doc, id: 'X-1', row_key: 'x-1' })
        .execute(),
      /UNIQUE constraint failed: est_documents.unit_code|duplicate key value violates unique constraint "est_documents_one_active"/,
    );
  });

  it('makes the contract from the subscription with its figures, and refuses a later change unapproved', async () => {
    const [subId] = await must(server, 'sales', 'estate-subscriptions', [subscription('B1-0805')]);
    const [contractId] = await must(
      server,
      'sales',
      'estate-contracts',
      [{ subscriptionId: subId, signDate: '2026-11-30' }],
      ['ht-1'],
    );
    assert.match(contractId!, /^HT-P1-0001$/);
    assert.equal(await unitStatus(server, 'B1-0805'), 'contracted');
    const [contract] = (await pullAs(server, 'sales', 'estate-contracts')).filter(
      (r) => r.values.id === contractId,
    );
    assert.equal(contract?.values.price, 286_400_000);
    assert.equal(contract.values.downPayment, 281_400_000);
    const moved = { subscriptionId: subId, signDate: '2026-12-01' };
    const refused = await pushAs(server, 'sales', 'estate-contracts', [
      { rowKey: 'ht-1', baseVersion: 1, values: moved },
    ]);
    assert.equal(refused.body.results[0].errors[0].code, 'estate-contract-signed');
    const approved = await pushAs(
      server,
      'manager',
      'estate-contracts',
      [{ rowKey: 'ht-1', baseVersion: 1, values: moved }],
      { options: { approveChange: true } },
    );
    assert.equal(approved.body.results[0].status, 'applied', JSON.stringify(approved.body));
  });

  it('退房 by a manager cancels the contract and frees the unit together', async () => {
    const [contract] = await pullAs(server, 'manager', 'estate-contracts');
    const exit = {
      rowKey: 'ht-1',
      baseVersion: 2,
      values: {
        subscriptionId: contract?.values.subscriptionId,
        signDate: '2026-12-01',
        cancel: 'exit',
      },
    };
    const bySales = await pushAs(server, 'sales', 'estate-contracts', [exit]);
    assert.equal(bySales.body.results[0].errors[0].code, 'estate-move-needs-role');
    const res = await pushAs(server, 'manager', 'estate-contracts', [exit]);
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body));
    assert.equal(await unitStatus(server, 'B1-0805'), 'available');
  });
});
