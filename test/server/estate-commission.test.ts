// 佣金 over HTTP with worked numbers (docs/estate.md, "Commission"). Project P1 pays 1.00 %
// (100 bp) from ¥0 and 1.50 % from a monthly contracted total of ¥5,728,000.00 — exactly two
// list-price flats of ¥2,864,000.00 — 30 % on signing, the rest once the price is collected.
import assert from 'node:assert/strict';
import {
  must,
  pullAs,
  pushAs,
  startEstateServer,
  subscription,
  type EstateServer,
} from './estate-helpers';

const tier = (code: string, fromAmount: number, rateBp: number) => ({
  code,
  projectCode: 'P1',
  fromAmount,
  rateBp,
  signingShareBp: 3_000,
  status: 'active',
});

describe('estate: commission stages, tiers, confirmation and clawback', () => {
  let server: EstateServer;

  /** Subscribes and signs a unit on `day` as `role`; returns the contract number. */
  async function sell(role: 'sales' | 'manager', unitCode: string, day: string, rowKey: string) {
    server.setNow(`${day}T02:00:00.000Z`);
    const [subId] = await must(server, role, 'estate-subscriptions', [subscription(unitCode)]);
    const [id] = await must(
      server,
      role,
      'estate-contracts',
      [{ subscriptionId: subId, signDate: day }],
      [rowKey],
    );
    return id!;
  }

  before(async () => {
    server = await startEstateServer(['B1-0801', 'B1-0802', 'B1-0803']);
    await must(
      server,
      'manager',
      'estate-commission-rates',
      [tier('P1-T1', 0, 100), tier('P1-T2', 572_800_000, 150)],
      ['rate-t1', 'rate-t2'],
    );
    assert.equal(await sell('sales', 'B1-0801', '2026-11-10', 'ht-a'), 'HT-P1-0001');
    assert.equal(await sell('manager', 'B1-0803', '2026-11-15', 'ht-c'), 'HT-P1-0002');
    assert.equal(await sell('sales', 'B1-0802', '2026-11-20', 'ht-b'), 'HT-P1-0003');
  });
  after(() => server.close());

  const lines = async (to: string, role: 'manager' | 'sales' = 'manager') => {
    const rows = await pullAs(server, role, 'estate-commission', `&from=2026-11-01&to=${to}`);
    return new Map(rows.map((r) => [r.key, r.values]));
  };
  const amountAndRate = (line: Record<string, unknown> | undefined) =>
    line && [line.amount, line.rateBp, line.state];

  it('pays 1.50 % at the tier boundary (¥5,728,000.00 a month) and the flat 1.00 % below it', async () => {
    const nov = await lines('2026-11-30');
    // ¥2,864,000.00 × 1.50 % = ¥42,960.00; 30 % on signing = ¥12,888.00.
    assert.deepEqual(amountAndRate(nov.get('2026-11|sales-user|HT-P1-0001|signing')), [
      1_288_800,
      150,
      'open',
    ]);
    assert.deepEqual(amountAndRate(nov.get('2026-11|sales-user|HT-P1-0003|signing')), [
      1_288_800,
      150,
      'open',
    ]);
    // The manager sold one: ¥2,864,000.00 × 1.00 % × 30 % = ¥8,592.00.
    assert.deepEqual(amountAndRate(nov.get('2026-11|manager-user|HT-P1-0002|signing')), [
      859_200,
      100,
      'open',
    ]);
    assert.equal(nov.size, 3);
  });

  it('stays at 1.00 % when the tier starts one fen above the month’s total', async () => {
    const moved = await pushAs(server, 'manager', 'estate-commission-rates', [
      { rowKey: 'rate-t2', baseVersion: 1, values: tier('P1-T2', 572_800_001, 150) },
    ]);
    assert.equal(moved.body.results[0].status, 'applied', JSON.stringify(moved.body));
    const nov = await lines('2026-11-30');
    assert.deepEqual(amountAndRate(nov.get('2026-11|sales-user|HT-P1-0001|signing')), [
      859_200,
      100,
      'open',
    ]);
    const back = await pushAs(server, 'manager', 'estate-commission-rates', [
      { rowKey: 'rate-t2', baseVersion: 2, values: tier('P1-T2', 572_800_000, 150) },
    ]);
    assert.equal(back.body.results[0].status, 'applied');
  });

  it('makes the second stage due only in the month the price is fully collected', async () => {
    const pay = (kind: string, amount: number, collectedOn: string) => ({
      contractId: 'HT-P1-0001',
      kind,
      amount,
      collectedOn,
    });
    await must(server, 'finance', 'estate-collections', [
      pay('deposit', 5_000_000, '2026-12-01'),
      pay('down-payment', 281_399_999, '2026-12-02'),
    ]);
    const short = await lines('2026-12-31');
    assert.equal(short.has('2026-12|sales-user|HT-P1-0001|collected'), false);
    await must(server, 'finance', 'estate-collections', [pay('down-payment', 1, '2026-12-03')]);
    const dec = await lines('2026-12-31');
    // ¥42,960.00 − ¥12,888.00 on signing = ¥30,072.00.
    const collected = dec.get('2026-12|sales-user|HT-P1-0001|collected');
    assert.deepEqual([collected?.amount, collected?.dueMonth], [3_007_200, '2026-12']);
  });

  it('fixes a confirmed statement: later rate changes move only open lines', async () => {
    const confirm = await pushAs(server, 'manager', 'estate-commission-statements', [
      { rowKey: 'st-sales-11', values: { consultant: 'sales-user', month: '2026-11' } },
    ]);
    assert.equal(confirm.body.results[0].status, 'applied', JSON.stringify(confirm.body));
    const raised = await pushAs(server, 'manager', 'estate-commission-rates', [
      { rowKey: 'rate-t1', baseVersion: 1, values: tier('P1-T1', 0, 120) },
      { rowKey: 'rate-t2', baseVersion: 3, values: tier('P1-T2', 572_800_000, 200) },
    ]);
    assert.equal(raised.body.summary.applied, 2, JSON.stringify(raised.body));
    const nov = await lines('2026-11-30');
    assert.deepEqual(amountAndRate(nov.get('2026-11|sales-user|HT-P1-0003|signing')), [
      1_288_800,
      150,
      'confirmed',
    ]);
    // ¥2,864,000.00 × 1.20 % × 30 % = ¥10,310.40.
    assert.deepEqual(amountAndRate(nov.get('2026-11|manager-user|HT-P1-0002|signing')), [
      1_031_040,
      120,
      'open',
    ]);
    // The second stage keeps the rate its confirmed first stage was paid at.
    const dec = await lines('2026-12-31');
    assert.equal(dec.get('2026-12|sales-user|HT-P1-0001|collected')?.amount, 3_007_200);
    const again = await pushAs(server, 'manager', 'estate-commission-statements', [
      { values: { consultant: 'sales-user', month: '2026-11' } },
    ]);
    assert.equal(
      again.body.results[0].errors[0].message,
      'sales-user 2026-11 的结佣单已确认（sales-user:2026-11），不能再修改。',
    );
    const bySales = await pushAs(server, 'sales', 'estate-commission-statements', [
      { values: { consultant: 'sales-user', month: '2026-12' } },
    ]);
    assert.equal(bySales.status, 403);
    const nobody = await pushAs(server, 'manager', 'estate-commission-statements', [
      { values: { consultant: 'nobody', month: '2026-11' } },
    ]);
    assert.equal(nobody.body.results[0].errors[0].code, 'invalid-value');
    const badMonth = await pushAs(server, 'manager', 'estate-commission-statements', [
      { values: { consultant: 'sales-user', month: '2026-13' } },
    ]);
    assert.equal(badMonth.body.results[0].errors[0].code, 'estate-month-invalid');
  });

  it('claws back what was paid on a contract after 退房, on the next statement', async () => {
    server.setNow('2026-12-10T02:00:00.000Z');
    const exit = await pushAs(server, 'manager', 'estate-contracts', [
      {
        rowKey: 'ht-b',
        baseVersion: 1,
        values: { subscriptionId: 'RG-P1-0003', signDate: '2026-11-20', cancel: 'exit' },
      },
    ]);
    assert.equal(exit.body.results[0].status, 'applied', JSON.stringify(exit.body));
    const all = await lines('2026-12-31');
    assert.deepEqual(amountAndRate(all.get('2026-11|sales-user|HT-P1-0003|signing')), [
      1_288_800,
      150,
      'confirmed',
    ]);
    const clawback = all.get('2026-12|sales-user|HT-P1-0003|clawback');
    assert.deepEqual([clawback?.amount, clawback?.dueMonth], [-1_288_800, '2026-12']);
    const letters = await pullAs(
      server,
      'finance',
      'estate-commission-letters',
      '&from=2026-11-01&to=2026-12-31',
    );
    const letter = (key: string) => {
      const v = letters.find((r) => r.key === key)?.values;
      return v && [v.lines, v.earned, v.clawedBack, v.payable, v.state];
    };
    assert.deepEqual(letter('2026-11|sales-user'), [2, 2_577_600, 0, 2_577_600, 'confirmed']);
    // ¥30,072.00 earned − ¥12,888.00 clawed back = ¥17,184.00.
    assert.deepEqual(letter('2026-12|sales-user'), [2, 3_007_200, -1_288_800, 1_718_400, 'open']);
  });

  it('puts the clawback on the first open statement when the exit month is confirmed', async () => {
    for (const month of ['2026-11', '2026-12'])
      await must(server, 'manager', 'estate-commission-statements', [
        { consultant: 'manager-user', month },
      ]);
    server.setNow('2026-12-12T02:00:00.000Z');
    const res = await pushAs(server, 'manager', 'estate-contracts', [
      {
        rowKey: 'ht-c',
        baseVersion: 1,
        values: { subscriptionId: 'RG-P1-0002', signDate: '2026-11-15', cancel: 'exit' },
      },
    ]);
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body));
    const jan = await lines('2027-01-31');
    const clawback = jan.get('2027-01|manager-user|HT-P1-0002|clawback');
    assert.deepEqual([clawback?.amount, clawback?.dueMonth], [-1_031_040, '2026-12']);
    assert.equal(jan.has('2026-12|manager-user|HT-P1-0002|clawback'), false);
  });

  it('shows a consultant only their own lines', async () => {
    const own = await lines('2027-01-31', 'sales');
    assert.ok(own.size > 0);
    assert.deepEqual([...new Set([...own.values()].map((l) => l.consultant))], ['sales-user']);
  });
});
