// 回款 against the payment schedule (docs/estate.md, "Collections"), over HTTP with worked
// numbers: a mortgage contract of ¥2,864,000.00 = 定金 ¥50,000.00 + 首付 ¥814,000.00 + 贷款
// ¥2,000,000.00.
import assert from 'node:assert/strict';
import {
  must,
  pullAs,
  pushAs,
  startEstateServer,
  subscription,
  unitStatus,
  type EstateServer,
} from './estate-helpers';

const mortgage = {
  paymentMethod: 'mortgage',
  deposit: 5_000_000,
  downPayment: 81_400_000,
  loanAmount: 200_000_000,
};

const collection = (kind: string, amount: number, collectedOn: string, extra = {}) => ({
  contractId: 'HT-P1-0001',
  collectedOn,
  amount,
  kind,
  ...extra,
});

describe('estate: collections against the payment schedule', () => {
  let server: EstateServer;
  before(async () => {
    server = await startEstateServer(['B1-0801', 'B1-0802']);
    server.setNow('2026-11-28T02:00:00.000Z');
    const [subId] = await must(server, 'sales', 'estate-subscriptions', [
      subscription('B1-0801', mortgage),
    ]);
    const [contractId] = await must(server, 'sales', 'estate-contracts', [
      { subscriptionId: subId, signDate: '2026-11-28' },
    ]);
    assert.equal(contractId, 'HT-P1-0001');
  });
  after(() => server.close());

  const schedule = async () => {
    const rows = await pullAs(server, 'finance', 'estate-collection-schedule');
    const figures = (kind: string) => {
      const v = rows.find((r) => r.key === `HT-P1-0001|${kind}`)?.values;
      return v && [v.planned, v.collected, v.outstanding];
    };
    const total = rows.find((r) => r.key === 'HT-P1-0001|total')?.values;
    return { figures, total };
  };

  it('shows each part of the schedule planned, collected and outstanding', async () => {
    await must(
      server,
      'finance',
      'estate-collections',
      [
        collection('deposit', 5_000_000, '2026-11-28', { receiptNo: 'SJ-001' }),
        collection('down-payment', 30_000_000, '2026-11-28', { receiptNo: 'SJ-002' }),
      ],
      ['hk-deposit', 'hk-down'],
    );
    const { figures, total } = await schedule();
    assert.deepEqual(figures('deposit'), [5_000_000, 5_000_000, 0]);
    assert.deepEqual(figures('down-payment'), [81_400_000, 30_000_000, 51_400_000]);
    assert.deepEqual(figures('loan'), [200_000_000, 0, 200_000_000]);
    assert.equal(figures('instalment'), undefined);
    assert.deepEqual(
      [total?.planned, total?.collected, total?.outstanding, total?.fullyCollectedOn],
      [286_400_000, 35_000_000, 251_400_000, undefined],
    );
    assert.equal(total?.buyerName, '张三');
  });

  it('refuses collecting more than the part still lacks, naming the figure', async () => {
    const over = collection('down-payment', 51_400_001, '2026-11-29');
    const zh = await pushAs(server, 'finance', 'estate-collections', [{ values: over }]);
    assert.equal(zh.body.results[0].status, 'rejected');
    assert.equal(
      zh.body.results[0].errors[0].message,
      '合同 HT-P1-0001 的“首付”尚未收 514,000.00 元，本次 514,000.01 元超出 0.01 元。',
    );
    const en = await pushAs(server, 'finance', 'estate-collections', [{ values: over }], {
      locale: 'en-US',
    });
    assert.equal(
      en.body.results[0].errors[0].message,
      'Contract HT-P1-0001 still lacks 514,000.00 of its Down payment: 514,000.01 is 0.01 too much.',
    );
    const deposit = collection('deposit', 1, '2026-11-29');
    const full = await pushAs(server, 'finance', 'estate-collections', [{ values: deposit }]);
    assert.equal(full.body.results[0].errors[0].code, 'estate-over-collection');
    const { total } = await schedule();
    assert.equal(total?.collected, 35_000_000);
  });

  it('checks a corrected collection without counting its own earlier amount', async () => {
    // The deposit part is full; correcting its row's receipt number keeps ¥50,000.00 on it.
    const fixed = collection('deposit', 5_000_000, '2026-11-28', { receiptNo: 'SJ-001A' });
    const res = await pushAs(server, 'finance', 'estate-collections', [
      { rowKey: 'hk-deposit', baseVersion: 1, values: fixed },
    ]);
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body));
    const [row] = (await pullAs(server, 'finance', 'estate-collections')).filter(
      (r) => r.key === 'hk-deposit',
    );
    assert.deepEqual([row?.values.receiptNo, row?.version], ['SJ-001A', 2]);
  });

  it('lets finance, not sales, record money; refuses an unknown contract', async () => {
    const bySales = await pushAs(server, 'sales', 'estate-collections', [
      { values: collection('loan', 1, '2026-11-29') },
    ]);
    assert.equal(bySales.status, 403);
    const unknown = await pushAs(server, 'finance', 'estate-collections', [
      { values: collection('loan', 1, '2026-11-29', { contractId: 'HT-P1-0099' }) },
    ]);
    assert.equal(unknown.body.results[0].errors[0].code, 'estate-contract-unknown');
  });

  it('marks the contract 回款完成 with the collection that completes the price, not before', async () => {
    await must(server, 'finance', 'estate-collections', [
      collection('down-payment', 51_400_000, '2026-11-29'),
      collection('loan', 199_999_999, '2026-12-04'),
    ]);
    assert.equal(await unitStatus(server, 'B1-0801'), 'contracted');
    await must(
      server,
      'finance',
      'estate-collections',
      [collection('loan', 1, '2026-12-05')],
      ['last-fen'],
    );
    assert.equal(await unitStatus(server, 'B1-0801'), 'paid');
    const [contract] = await pullAs(server, 'manager', 'estate-contracts');
    assert.equal(contract?.values.stage, 'paid');
    const { total } = await schedule();
    assert.deepEqual(
      [total?.collected, total?.outstanding, total?.fullyCollectedOn],
      [286_400_000, 0, '2026-12-05'],
    );
  });

  it('keeps the collections of a fully collected contract as they are', async () => {
    const res = await pushAs(server, 'finance', 'estate-collections', [
      { rowKey: 'last-fen', baseVersion: 1, values: collection('loan', 1, '2026-12-06') },
    ]);
    assert.equal(res.body.results[0].errors[0].code, 'estate-collection-locked');
  });

  it('puts the amount collected in the daily report for the day, month and year', async () => {
    const nov = await pullAs(server, 'manager', 'estate-daily-report', '&to=2026-11-28');
    const day = (rows: typeof nov, key: string) => rows.find((r) => r.key === key)?.values;
    assert.equal(day(nov, 'day|P1|*')?.collectedAmount, 35_000_000);
    assert.equal(day(nov, 'day|P1|sales-user')?.collectedAmount, 35_000_000);
    const dec = await pullAs(server, 'manager', 'estate-daily-report', '&to=2026-12-05');
    // 12-05: ¥0.01; December: ¥1,999,999.99 + ¥0.01; the year: the whole price.
    assert.deepEqual(
      ['day', 'month', 'year'].map((p) => day(dec, `${p}|P1|*`)?.collectedAmount),
      [1, 200_000_000, 286_400_000],
    );
  });

  it('lets only one of six collections sent at once take the same outstanding loan', async () => {
    const [subId] = await must(server, 'sales', 'estate-subscriptions', [
      subscription('B1-0802', mortgage),
    ]);
    await must(server, 'sales', 'estate-contracts', [
      { subscriptionId: subId, signDate: '2026-11-28' },
    ]);
    const loan = collection('loan', 200_000_000, '2026-12-01', { contractId: 'HT-P1-0002' });
    const results = await Promise.all(
      // Six at once: with fewer, PostgreSQL rarely lets two overlap even without the lock.
      [1, 2, 3, 4, 5, 6].map(() =>
        pushAs(server, 'finance', 'estate-collections', [{ values: loan }]),
      ),
    );
    const outcomes = results.map((r) => r.body.results[0].status).sort();
    assert.deepEqual(outcomes, ['applied', ...Array<string>(5).fill('rejected')]);
    const loanRow = (await pullAs(server, 'finance', 'estate-collection-schedule')).find(
      (r) => r.key === 'HT-P1-0002|loan',
    );
    assert.deepEqual(
      loanRow && [loanRow.values.collected, loanRow.values.outstanding],
      [200_000_000, 0],
    );
  });
});
