import assert from 'node:assert/strict';
import {
  must,
  pullAs,
  pushAs,
  startEstateServer,
  unit,
  unitStatus,
  type EstateServer,
} from './estate-helpers';

describe('estate: units and the 销控表 state machine', () => {
  let server: EstateServer;
  before(async () => {
    server = await startEstateServer(['B1-0801', 'B1-0802', 'B1-0803']);
  });
  after(() => server.close());

  it('pulls released units with the list total: 89.50 m² × ¥32,000.00 = ¥2,864,000.00', async () => {
    const rows = await pullAs(server, 'sales', 'estate-units');
    const row = rows.find((r) => r.values.code === 'B1-0801');
    assert.equal(row?.values.status, 'available');
    assert.equal(row.values.listTotal, 286_400_000);
    assert.equal(row.values.projectCode, 'P1');
  });

  it('refuses a hold-back without a reason and end date, and from anyone but a manager', async () => {
    const values = unit('B1-0802', { status: 'reserved' });
    const res = await pushAs(server, 'manager', 'estate-units', [
      { rowKey: 'unit-B1-0802', baseVersion: 2, values },
    ]);
    assert.equal(res.body.results[0].errors[0].code, 'estate-reserve-reason');
    const ok = await pushAs(server, 'manager', 'estate-units', [
      {
        rowKey: 'unit-B1-0802',
        baseVersion: 2,
        values: { ...values, reserveReason: '领导关系户', reserveUntil: '2026-12-31' },
      },
    ]);
    assert.equal(ok.body.results[0].status, 'applied', JSON.stringify(ok.body));
    assert.equal(await unitStatus(server, 'B1-0802'), 'reserved');
    const sales = await pushAs(server, 'sales', 'estate-units', [{ values: unit('B1-9999') }]);
    assert.equal(sales.status, 403);
  });

  it('refuses a move the state machine has no arrow for, in zh-CN and en-US', async () => {
    const row = {
      rowKey: 'unit-B1-0803',
      baseVersion: 2,
      values: unit('B1-0803', { status: 'contracted' }),
    };
    const zh = await pushAs(server, 'manager', 'estate-units', [row]);
    assert.equal(zh.body.results[0].status, 'rejected');
    assert.equal(zh.body.results[0].errors[0].message, '房源当前为“可售”，不能签约。');
    const en = await pushAs(server, 'manager', 'estate-units', [row], { locale: 'en-US' });
    assert.equal(en.body.results[0].errors[0].message, 'The unit is "Available": it cannot sign.');
    assert.equal(await unitStatus(server, 'B1-0803'), 'available');
  });

  it('refuses a hold on a unit held back, naming its status', async () => {
    const res = await pushAs(
      server,
      'sales',
      'estate-holds',
      [{ values: { unitCode: 'B1-0802', buyerName: '李四' } }],
      { locale: 'en-US' },
    );
    assert.equal(
      res.body.results[0].errors[0].message,
      'The unit is "Held back": it cannot put on hold.',
    );
  });

  it('lets only a manager withdraw a subscription (退订), and frees the unit with it', async () => {
    const [id] = await must(
      server,
      'sales',
      'estate-subscriptions',
      [
        {
          unitCode: 'B1-0801',
          buyerName: '张三',
          buyerIdNumber: '110101199001011234',
          paymentMethod: 'lump-sum',
          downPayment: 286_400_000,
        },
      ],
      ['sub-1'],
    );
    assert.match(id!, /^RG-P1-\d{4}$/);
    const cancel = {
      rowKey: 'sub-1',
      baseVersion: 1,
      values: {
        unitCode: 'B1-0801',
        buyerName: '张三',
        buyerIdNumber: '110101199001011234',
        paymentMethod: 'lump-sum',
        downPayment: 286_400_000,
        cancel: 'withdraw',
        cancelReason: '客户资金不足',
      },
    };
    const bySales = await pushAs(server, 'sales', 'estate-subscriptions', [cancel]);
    assert.equal(bySales.body.results[0].errors[0].code, 'estate-move-needs-role');
    assert.equal(
      bySales.body.results[0].errors[0].message,
      '“退订”须由以下角色操作：admin, manager。',
    );
    assert.equal(await unitStatus(server, 'B1-0801'), 'subscribed');
    const byManager = await pushAs(server, 'manager', 'estate-subscriptions', [cancel]);
    assert.equal(byManager.body.results[0].status, 'applied', JSON.stringify(byManager.body));
    assert.equal(await unitStatus(server, 'B1-0801'), 'available');
    const [pulled] = await pullAs(server, 'manager', 'estate-subscriptions');
    assert.equal(pulled?.values.state, 'cancelled');
  });
});
