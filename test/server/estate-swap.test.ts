import assert from 'node:assert/strict';
import {
  must,
  pushAs,
  startEstateServer,
  subscription,
  unitStatus,
  type EstateServer,
} from './estate-helpers';

describe('estate: 换房 in one all-or-nothing push', () => {
  let server: EstateServer;
  before(async () => {
    server = await startEstateServer(['B1-0801', 'B1-0802', 'B1-0803']);
    await must(server, 'sales', 'estate-subscriptions', [subscription('B1-0801')], ['sub-old']);
    await must(server, 'sales', 'estate-subscriptions', [
      subscription('B1-0803', { buyerName: '他人' }),
    ]);
  });
  after(() => server.close());

  const swapTo = (unitCode: string) => [
    { rowKey: 'sub-old', baseVersion: 1, values: { ...subscription('B1-0801'), cancel: 'swap' } },
    { rowKey: `sub-new-${unitCode}`, values: subscription(unitCode) },
  ];

  it('keeps the old subscription when the new unit is taken: nothing is applied', async () => {
    const res = await pushAs(server, 'manager', 'estate-subscriptions', swapTo('B1-0803'), {
      atomic: true,
    });
    assert.deepEqual(
      res.body.results.map((r: { status: string }) => r.status),
      ['rejected', 'conflict'],
    );
    assert.equal(await unitStatus(server, 'B1-0801'), 'subscribed');
  });

  it('frees the old unit and subscribes the new one together', async () => {
    const res = await pushAs(server, 'manager', 'estate-subscriptions', swapTo('B1-0802'), {
      atomic: true,
    });
    assert.deepEqual(
      res.body.results.map((r: { status: string }) => r.status),
      ['applied', 'applied'],
    );
    assert.equal(await unitStatus(server, 'B1-0801'), 'available');
    assert.equal(await unitStatus(server, 'B1-0802'), 'subscribed');
  });
});
