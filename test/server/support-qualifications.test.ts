// Contracts and qualifications over HTTP with worked numbers: the licence a product category
// needs refuses an order dated after the dealer's licence expired (the last valid day passes,
// the day after is refused), a dealer with none is refused, other categories pass; and the
// expiry list's edges (expired the day before the as-of date, expiring on the window's last day,
// not the day after), with a renewed licence superseding its predecessor.
import assert from 'node:assert/strict';
import { fixedNow, orderLine, seedSalesData, signInAs, type Row } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { codesOf, messagesOf, pullRows, pushRows, seedRows } from './support-helpers';

const KIND = '医疗器械经营许可证';

const licence = (number: string, validTo: string, extra: Record<string, unknown> = {}) => ({
  number,
  documentType: 'licence',
  holderKind: 'dealer',
  holderCode: 'D-SH01',
  kind: KIND,
  validFrom: '2024-01-01',
  validTo,
  scanRef: `scan/${number}.pdf`,
  ...extra,
});

describe('dealer support: contracts and qualifications', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
  });
  afterEach(() => server.close());

  const order = (orderRef: string, values: Record<string, unknown>) =>
    pushRows(server, 'orders', [
      {
        values: orderLine({
          dealerCode: 'D-SH01',
          orderRef,
          skuCode: 'TEE-BLK-M',
          quantity: 2,
          ...values,
        }),
      },
    ]);

  it('refuses an order dated the day after the licence expired, and takes one on its last day', async () => {
    await seedRows(server, 'licence-requirements', [{ category: 'T恤', licenceKind: KIND }]);
    await seedRows(server, 'qualifications', [licence('XK-001', '2026-11-26')], 'sales');
    const lastDay = await order('PO-LAST', { orderDate: '2026-11-26' });
    assert.equal(lastDay[0]?.status, 'applied', JSON.stringify(lastDay));
    const dayAfter = await order('PO-AFTER', { orderDate: '2026-11-27' });
    assert.equal(dayAfter[0]?.status, 'rejected');
    assert.deepEqual(codesOf(dayAfter[0]), ['licence-expired']);
    assert.match(messagesOf(dayAfter[0]), /XK-001.*2026-11-26/);
    // Socks (配件) need no licence: the same dealer, the same day, passes.
    const socks = await order('PO-SOCKS', {
      skuCode: 'SOCK-WHT-F',
      quantity: 6,
      orderDate: '2026-11-27',
    });
    assert.equal(socks[0]?.status, 'applied', JSON.stringify(socks));
  });

  it('refuses a dealer holding no licence of the kind, and takes it once a valid one is registered', async () => {
    await seedRows(server, 'licence-requirements', [{ category: 'T恤', licenceKind: KIND }]);
    const before = await order('PO-NONE', {});
    assert.deepEqual(codesOf(before[0]), ['licence-missing']);
    await seedRows(server, 'qualifications', [licence('XK-002', '2027-12-31')]);
    const after = await order('PO-NONE', {});
    assert.equal(after[0]?.status, 'applied', JSON.stringify(after));
  });

  it('takes the order when no category needs a licence', async () => {
    await seedRows(server, 'qualifications', [licence('XK-003', '2025-01-01')]);
    const result = await order('PO-FREE', {});
    assert.equal(result[0]?.status, 'applied', JSON.stringify(result));
  });

  it('lists expired and expiring entries as of a date, both window ends included', async () => {
    // As of 2026-11-27 (today) the window runs to 2026-12-27 (30 days).
    await seedRows(server, 'qualifications', [
      licence('L-EXPIRED', '2026-11-26'),
      licence('L-TODAY', '2026-11-27', { kind: '营业执照' }),
      licence('L-EDGE', '2026-12-27', { kind: '卫生许可证' }),
      licence('L-OUT', '2026-12-28', { kind: '经销合同', documentType: 'contract' }),
      licence('REG-1', '2026-12-01', {
        holderKind: 'product',
        holderCode: 'TEE-BLK-M',
        kind: '注册证',
        documentType: 'registration',
      }),
    ]);
    const rows = await pullRows(server, 'qualifications-expiry');
    const seen = rows.map((r) => [r.number, r.status, r.daysLeft]).sort();
    assert.deepEqual(seen, [
      ['L-EDGE', 'expiring', 30],
      ['L-EXPIRED', 'expired', -1],
      ['L-TODAY', 'expiring', 0],
      ['REG-1', 'expiring', 4],
    ]);
    // A window of 10 days from 2026-12-18: L-EDGE (9 days left) and L-OUT (10) are expiring; the rest expired.
    const later = await pullRows(server, 'qualifications-expiry', {
      query: 'from=2026-12-18&to=2026-12-28',
    });
    assert.deepEqual(later.map((r) => [r.number, r.status, r.daysLeft]).sort(), [
      ['L-EDGE', 'expiring', 9],
      ['L-EXPIRED', 'expired', -22],
      ['L-OUT', 'expiring', 10],
      ['L-TODAY', 'expired', -21],
      ['REG-1', 'expired', -17],
    ]);
  });

  it('drops a licence from the list once a renewal of the same kind outlasts it', async () => {
    await seedRows(server, 'qualifications', [licence('OLD', '2026-11-20')]);
    assert.deepEqual(
      (await pullRows(server, 'qualifications-expiry')).map((r) => r.number),
      ['OLD'],
    );
    await seedRows(server, 'qualifications', [
      licence('NEW', '2029-11-20', { validFrom: '2026-11-21' }),
    ]);
    assert.deepEqual(await pullRows(server, 'qualifications-expiry'), []);
  });

  it('refuses an entry for an unknown holder or ending before it starts', async () => {
    const results = await pushRows(server, 'qualifications', [
      { values: licence('BAD-1', '2027-01-01', { holderCode: 'D-NONE' }) },
      { values: licence('BAD-2', '2023-12-31') },
    ]);
    assert.deepEqual(results.map(codesOf), [
      ['support-holder-unknown'],
      ['support-dates-reversed'],
    ]);
  });

  it('keeps a region-limited sales user to their regions, pushing and pulling', async () => {
    await pushRows(server, 'qualifications', [
      { rowKey: 'k-SH-1', values: licence('SH-1', '2026-12-01') },
    ]);
    const token = await signInAs(server, { username: 'hn-sales', role: 'sales', regions: ['HN'] });
    const send = async (row: Row) =>
      (await pushRows(server, 'qualifications', [row], { token }))[0];
    const outside = await send({ values: licence('SH-2', '2027-01-01') });
    assert.deepEqual([outside?.status, codesOf(outside)], ['rejected', ['region-not-allowed']]);
    const removed = await send({ rowKey: 'k-SH-1', op: 'delete', baseVersion: 1 });
    assert.deepEqual(codesOf(removed), ['region-not-allowed']);
    const inside = await send({ values: licence('HN-1', '2026-12-02', { holderCode: 'D-HN01' }) });
    assert.equal(inside?.status, 'applied');
    const numbers = async (dataset: string) =>
      (await pullRows(server, dataset, { token })).map((r) => r.number);
    assert.deepEqual(await numbers('qualifications'), ['HN-1']);
    assert.deepEqual(await numbers('qualifications-expiry'), ['HN-1']);
    // A manager sees both.
    assert.deepEqual((await pullRows(server, 'qualifications', { role: 'manager' })).length, 2);
  });
});
