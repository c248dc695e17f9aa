// The showroom's sample book (docs/samples.md), over HTTP on a real store. Worked numbers: 5
// TEE-BLK-M and 2 TEE-BLK-L come into showroom SR-1 from WH-E (100 and 20 there) on 11-10;
// S-001 borrows 2 TEE-BLK-M due 11-20; D-SH01 borrows 1 TEE-BLK-M due 11-30; 1 TEE-BLK-L is
// written off. As of 11-27 the staff loan is 7 days overdue, the dealer's is not yet due.
import assert from 'node:assert/strict';
import type { RowResult as Result } from '../../shared/protocol';
import type { Role } from '../../shared/roles';
import {
  fixedNow,
  orderRow,
  push,
  seedSalesData,
  signInAs,
  stockByKey,
  TODAY,
  type Row,
} from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';

describe('showroom samples', () => {
  let server: TestServer;
  let staffLoan = '';
  let dealerLoan = '';
  beforeEach(async () => {
    server = await startTestServer({ now: fixedNow });
    await seedSalesData(server);
    const showroom = { code: 'SR-1', name: '展厅', kind: 'showroom', status: 'active' };
    await seed('locations', [{ values: showroom }], 'manager');
    await seed(
      'staff',
      [{ values: { code: 'S-001', name: '王小明', status: 'active' } }],
      'manager',
    );
    await seed(
      'sample-moves',
      [
        move('in', 'TEE-BLK-M', 5, { fromLocationCode: 'WH-E' }),
        move('in', 'TEE-BLK-L', 2, { fromLocationCode: 'WH-E' }),
      ],
      'warehouse',
    );
    const [a, b] = await seed(
      'sample-moves',
      [
        move('loan', 'TEE-BLK-M', 2, { staffCode: 'S-001', dueDate: '2026-11-20' }),
        move('loan', 'TEE-BLK-M', 1, { dealerCode: 'D-SH01', dueDate: '2026-11-30' }),
        move('write-off', 'TEE-BLK-L', 1),
      ],
      'sales',
    );
    staffLoan = a?.id ?? '';
    dealerLoan = b?.id ?? '';
  });
  afterEach(() => server.close());

  function move(
    kind: string,
    skuCode: string,
    quantity: number,
    extra: Record<string, unknown> = {},
  ): Row {
    return {
      values: { moveDate: '2026-11-10', kind, showroomCode: 'SR-1', skuCode, quantity, ...extra },
    };
  }
  async function send(rows: Row[], role: Role = 'sales') {
    const res = await push(server, { dataset: 'sample-moves', rows, role });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.results as Result[];
  }
  async function seed(dataset: string, rows: Row[], role: Role) {
    const res = await push(server, { dataset, rows, role });
    const results = res.body.results as Result[];
    assert.ok(
      results.every((r) => r.status === 'applied'),
      JSON.stringify(results),
    );
    return results;
  }
  async function pull(dataset: string, query = '') {
    const res = await server.call('sales', `/api/v1/sync/pull?dataset=${dataset}${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body.rows as { values: Record<string, unknown> }[]).map((r) => r.values);
  }
  const overdue = async (query = '') =>
    (await pull('samples-overdue', query)).map((v) => [
      v.loanRef,
      v.borrowerCode,
      v.outstanding,
      v.daysOverdue,
    ]);
  const styles = async () =>
    (await pull('sample-stock')).map((v) => [v.styleCode, v.inShowroom, v.onLoan, v.total]).sort();

  it('moves samples from the warehouse into the showroom and out on loan', async () => {
    const stock = await stockByKey(server);
    assert.equal(stock.get('WH-E|TEE-BLK-M')?.onHand, 95);
    // 5 in − 3 lent = 2 in the showroom; 2 in − 1 written off = 1.
    assert.equal(stock.get('SR-1|TEE-BLK-M')?.onHand, 2);
    assert.equal(stock.get('SR-1|TEE-BLK-L')?.onHand, 1);
    assert.deepEqual(await styles(), [['TEE', 3, 3, 6]]);
  });

  it('lists loans past due with the days overdue as of a date', async () => {
    // As of today (11-27): the staff loan was due 11-20, 7 days ago; the dealer's is due 11-30.
    assert.deepEqual(await overdue(), [[staffLoan, 'S-001', 2, 7]]);
    assert.deepEqual(await overdue('&to=2026-12-02'), [
      [staffLoan, 'S-001', 2, 12],
      [dealerLoan, 'D-SH01', 1, 2],
    ]);
    assert.deepEqual(await overdue('&to=2026-11-20'), [], 'due today is not overdue');
  });

  it('settles a loan by returns, refusing more than is still out', async () => {
    const [part] = await send([
      move('return', 'TEE-BLK-M', 1, { loanRef: staffLoan, moveDate: '2026-11-27' }),
    ]);
    assert.equal(part?.status, 'applied');
    assert.deepEqual(await overdue(), [[staffLoan, 'S-001', 1, 7]]);
    const [over] = await send([move('return', 'TEE-BLK-M', 2, { loanRef: staffLoan })]);
    assert.deepEqual(
      [over?.errors[0]?.code, over?.errors[0]?.params?.outstanding],
      ['sample-over-outstanding', 1],
    );
    const [lost] = await send([move('write-off', 'TEE-BLK-M', 1, { loanRef: staffLoan })]);
    assert.equal(lost?.status, 'applied');
    assert.deepEqual(await overdue(), []);
    // Returned 1 to the showroom (3), the lost one never came back: 1 left on loan (the dealer's).
    assert.deepEqual(await styles(), [['TEE', 4, 1, 5]]);
  });

  it('refuses a loan without one borrower or due date, and one the showroom cannot cover', async () => {
    const results = await send([
      move('loan', 'TEE-BLK-M', 1, { dueDate: '2026-12-01' }),
      move('loan', 'TEE-BLK-M', 1, { staffCode: 'S-001' }),
      move('loan', 'TEE-BLK-M', 1, { staffCode: 'S-001', dueDate: '2026-11-01' }),
      move('loan', 'TEE-BLK-M', 3, { staffCode: 'S-001', dueDate: '2026-12-01' }),
      move('in', 'TEE-BLK-M', 1, { showroomCode: 'WH-S', fromLocationCode: 'WH-E' }),
      move('in', 'TEE-BLK-M', 1),
      move('return', 'TEE-BLK-M', 1),
      move('return', 'TEE-BLK-L', 1, { loanRef: staffLoan }),
    ]);
    assert.deepEqual(
      results.map((r) => r.errors[0]?.code),
      [
        'sample-borrower-required',
        'sample-due-required',
        'sample-due-before-loan',
        'insufficient-stock',
        'sample-not-showroom',
        'sample-from-required',
        'sample-loan-required',
        'sample-loan-unknown',
      ],
    );
  });

  it('lists slow styles on show beside best-sellers the showroom lacks', async () => {
    // 12 SOCK-WHT-F ship to D-SH01 today; TEE has shipped nothing in the 60-day slow period.
    const [line] = await seed(
      'orders',
      [orderRow('PO-SOCK', 12, { skuCode: 'SOCK-WHT-F' })],
      'sales',
    );
    await seed(
      'shipments',
      [{ values: { date: TODAY, lineId: line?.id, quantity: 12 } }],
      'warehouse',
    );
    const rotation = async () =>
      (await pull('sample-rotation')).map((v) => [
        v.rank,
        v.slowStyleCode,
        v.slowSamples,
        v.bestStyleCode,
        v.bestShipped,
      ]);
    assert.deepEqual(await rotation(), [[1, 'TEE', 6, 'SOCK', 12]]);
    await seed(
      'sample-moves',
      [move('in', 'SOCK-WHT-F', 1, { fromLocationCode: 'WH-E' })],
      'warehouse',
    );
    assert.deepEqual(
      await rotation(),
      [[1, 'TEE', 6, undefined, undefined]],
      'SOCK is on show now',
    );
  });

  it('lets a sales assistant limited to regions lend only to dealers in them', async () => {
    const token = await signInAs(server, { username: 'sales-hn', role: 'sales', regions: ['HN'] });
    const lend = async (dealerCode: string) => {
      const loan = move('loan', 'TEE-BLK-M', 1, { dealerCode, dueDate: '2026-12-01' });
      const res = await push(server, { dataset: 'sample-moves', rows: [loan], token });
      return (res.body.results as Result[])[0]?.errors[0]?.code ?? 'applied';
    };
    assert.deepEqual(
      [await lend('D-SH01'), await lend('D-HN01')],
      ['region-not-allowed', 'applied'],
    );
    // As of 12-02 all three loans are overdue: 华南's assistant sees the staff loan (S-001 has no
    // region) and D-HN01's, not D-SH01's (上海).
    const res = await server.call(null, '/api/v1/sync/pull?dataset=samples-overdue&to=2026-12-02', {
      headers: { authorization: `Bearer ${token}` },
    });
    const seen = (res.body.rows as { values: { borrowerCode: string } }[]).map(
      (r) => r.values.borrowerCode,
    );
    assert.deepEqual(seen, ['S-001', 'D-HN01']);
  });

  it('keeps the sample book from finance', async () => {
    const res = await server.call('finance', '/api/v1/sync/pull?dataset=samples-overdue');
    assert.equal(res.status, 403);
  });
});
