// Market order (窜货) over HTTP with worked numbers: a pallet P1 holds cases C1 (units U1–U3)
// and C2 (U4–U5), shipped to D-SH01, whose authorised area is 上海. A scan outside the area
// opens a case holding every unit under the scanned code; inside it, none. The same code in
// two places within N days is flagged at the edge; a code never shipped is flagged. The case
// workflow's roles, and the penalty taken from the dealer's deposit once. docs/market-order.md.
import assert from 'node:assert/strict';
import type { Role } from '../../shared/roles';
import { push, signInAs } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { addDealer, order, pullAs, pushAs, seedFinance, ship, type PushRow } from './finance-seed';

type Result = { status: string; id: string; version: number; errors: { code: string }[] };

describe('market order (窜货)', () => {
  let server: TestServer;
  const send = async (role: Role, dataset: string, rows: PushRow[]) => {
    const res = await pushAs(server, role, dataset, rows);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.results as Result[];
  };
  const values = (list: Record<string, unknown>[]) => list.map((v) => ({ values: v }));
  const scan = async (code: string, place: string, scanDate = '2026-11-20') => {
    const [province, city] = place.split('/');
    const row = {
      code,
      province,
      ...(city ? { city } : {}),
      scanDate,
      source: 'inspector',
      evidence: '照片',
    };
    const [result] = await send('sales', 'market-scans', values([row]));
    assert.equal(result!.status, 'applied', JSON.stringify(result));
    const scans = await pullAs(server, 'manager', 'market-scans');
    return scans.find((s) => s.values.id === result!.id)!.values;
  };
  const cases = async () =>
    new Map((await pullAs(server, 'manager', 'market-cases')).map((r) => [r.key, r]));

  beforeEach(async () => {
    server = await startTestServer({ now: () => new Date('2026-11-27T02:00:00Z') });
    await seedFinance(server);
    const code = (c: string, level: string, parentCode?: string) => ({
      code: c,
      level,
      ...(parentCode ? { parentCode } : {}),
    });
    const packed = [
      code('P1', 'pallet'),
      code('C1', 'case', 'P1'),
      code('C2', 'case', 'P1'),
      ...['U1', 'U2', 'U3'].map((u) => code(u, 'unit', 'C1')),
      ...['U4', 'U5'].map((u) => code(u, 'unit', 'C2')),
      code('C9', 'case'),
      code('U9', 'unit', 'C9'),
    ];
    assert.ok(
      (await send('warehouse', 'trace-codes', values(packed))).every((r) => r.status === 'applied'),
    );
    // The shipment's code list binds the pallet to its consignee; the packing is kept.
    const shipped = { code: 'P1', level: 'pallet', shipmentRef: 'SH-1', dealerCode: 'D-SH01' };
    assert.equal((await send('warehouse', 'trace-codes', values([shipped])))[0]!.status, 'applied');
    await send('manager', 'dealer-areas', values([{ dealerCode: 'D-SH01', areas: '上海市' }]));
  });
  afterEach(() => server.close());

  it('opens a case holding the three units of a case code scanned outside the area', async () => {
    const found = await scan('C1', '浙江省/杭州市');
    assert.equal(found.outOfArea, true);
    assert.equal(found.dealerCode, 'D-SH01');
    const opened = (await cases()).get(found.caseId as string)!.values;
    assert.equal(opened.status, 'pending');
    assert.equal(opened.unitCount, 3);
    assert.deepEqual(
      [opened.dealerCode, opened.province, opened.city],
      ['D-SH01', '浙江省', '杭州市'],
    );
    const units = await pullAs(server, 'sales', 'market-case-units');
    assert.deepEqual(units.map((u) => u.values.code).sort(), ['U1', 'U2', 'U3']);
  });

  it('expands a pallet through its two cases to all five units', async () => {
    const found = await scan('P1', '江苏省/苏州市');
    assert.equal((await cases()).get(found.caseId as string)!.values.unitCount, 5);
    const units = await pullAs(server, 'sales', 'market-case-units');
    assert.deepEqual(units.map((u) => u.values.code).sort(), ['U1', 'U2', 'U3', 'U4', 'U5']);
  });

  it('opens no case for a unit found inside the authorised area', async () => {
    const found = await scan('U2', '上海市/上海市');
    assert.deepEqual(
      [found.outOfArea, found.neverShipped, found.caseId],
      [false, false, undefined],
    );
    assert.equal((await cases()).size, 0);
  });

  it('flags the same code in two places within N days, and not a day later', async () => {
    await send('manager', 'market-settings', values([{ setting: 'repeat-scan-days', value: 7 }]));
    await scan('U4', '上海市', '2026-11-01');
    assert.equal((await scan('U4', '上海市', '2026-11-05')).twoAreas, false, 'same place');
    assert.equal((await scan('U4', '江苏省/苏州市', '2026-11-08')).twoAreas, true, '7 days');
    await scan('U5', '上海市', '2026-11-01');
    assert.equal((await scan('U5', '江苏省/苏州市', '2026-11-09')).twoAreas, false, '8 days');
  });

  it('flags a code never shipped — unknown, or packed but bound to no dealer — and opens no case', async () => {
    const fake = await scan('FAKE-1', '浙江省');
    const unbound = await scan('U9', '浙江省');
    assert.deepEqual(
      [fake.neverShipped, fake.outOfArea, fake.dealerCode],
      [true, false, undefined],
    );
    assert.deepEqual([unbound.neverShipped, unbound.outOfArea], [true, false]);
    assert.equal((await scan('U1', '浙江省')).neverShipped, false);
  });

  it('binds a pallet to the dealer of the shipment its number names, and refuses another dealer', async () => {
    await addDealer(server, 'D-SH03');
    const shipment = (await ship(server, await order(server, 'D-SH03', 1), 1)).replace(/^INV-/, '');
    const pallet = { code: 'P2', level: 'pallet', shipmentRef: shipment };
    const [bound, wrong, unknown] = await send(
      'warehouse',
      'trace-codes',
      values([
        pallet,
        { ...pallet, code: 'P3', dealerCode: 'D-SH01' },
        { code: 'P4', level: 'pallet', dealerCode: 'D-NONE' },
      ]),
    );
    assert.equal(bound!.status, 'applied');
    assert.deepEqual(
      [wrong!.errors.map((e) => e.code), unknown!.errors.map((e) => e.code)],
      [['trace-shipment-dealer'], ['unknown-dealer']],
    );
    const codes = await pullAs(server, 'manager', 'trace-codes', '&dealer=D-SH03');
    assert.deepEqual(
      codes.map((c) => [c.values.code, c.values.shipmentRef]),
      [['P2', shipment]],
    );
  });

  it('refuses a unit whose parent is unknown or not a case', async () => {
    const results = await send(
      'warehouse',
      'trace-codes',
      values([
        { code: 'U7', level: 'unit', parentCode: 'NOPE' },
        { code: 'U8', level: 'unit', parentCode: 'P1' },
      ]),
    );
    assert.deepEqual(
      results.map((r) => r.errors.map((e) => e.code)),
      [['trace-parent-unknown'], ['trace-parent-level']],
    );
  });

  it('keeps a scan as recorded: a changed scan under the same row key is refused', async () => {
    const row = { code: 'U1', province: '上海市', scanDate: '2026-11-20', source: 'consumer' };
    await send('sales', 'market-scans', [{ rowKey: 'scan-1', values: row }]);
    const again = await send('sales', 'market-scans', [
      { rowKey: 'scan-1', values: { ...row, province: '浙江省' } },
    ]);
    assert.deepEqual(
      again[0]!.errors.map((e) => e.code),
      ['market-scan-immutable'],
    );
  });

  describe('the case workflow and the deposit', () => {
    let caseId = '';
    const stepCase = async (role: Role, change: Record<string, unknown>) => {
      const current = (await cases()).get(caseId)!;
      const row = {
        rowKey: caseId,
        baseVersion: current.version,
        values: { ...current.values, ...change },
      };
      return (await send(role, 'market-cases', [row]))[0]!;
    };
    const balance = async () =>
      (await pullAs(server, 'finance', 'deposit-balances')).find((r) => r.key === 'D-SH01')?.values;

    beforeEach(async () => {
      caseId = (await scan('C2', '浙江省/宁波市')).caseId as string;
      const paid = { dealerCode: 'D-SH01', date: '2026-11-01', kind: 'paid', amount: 2_000_000 };
      assert.equal(
        (await send('finance', 'dealer-deposits', values([paid])))[0]!.status,
        'applied',
      );
    });

    it('lets sales record findings but only a manager confirm and handle', async () => {
      assert.equal((await stepCase('sales', { findings: '终端门店有 2 瓶' })).status, 'applied');
      const salesConfirm = await stepCase('sales', { status: 'confirmed' });
      assert.deepEqual(
        salesConfirm.errors.map((e) => e.code),
        ['market-case-needs-role'],
      );
      assert.equal((await stepCase('manager', { status: 'confirmed' })).status, 'applied');
      const salesHandle = await stepCase('sales', {
        status: 'handled',
        penalty: 100,
        measures: '罚款',
      });
      assert.deepEqual(
        salesHandle.errors.map((e) => e.code),
        ['market-case-needs-role'],
      );
      const noMeasures = await stepCase('manager', { status: 'handled', penalty: 100 });
      assert.deepEqual(
        noMeasures.errors.map((e) => e.code),
        ['market-case-penalty-required'],
      );
    });

    it('takes a handled penalty from the deposit once: ¥20,000 − ¥5,000 = ¥15,000, readable by finance', async () => {
      assert.deepEqual((await balance())!.balance, 2_000_000);
      await stepCase('manager', { status: 'confirmed' });
      const handled = await stepCase('manager', {
        status: 'handled',
        penalty: 500_000,
        measures: '罚款并警告',
      });
      assert.equal(handled.status, 'applied');
      assert.deepEqual(await balance(), {
        dealerCode: 'D-SH01',
        paid: 2_000_000,
        refunded: 0,
        penalties: 500_000,
        balance: 1_500_000,
      });
      const again = await stepCase('manager', {
        status: 'handled',
        penalty: 800_000,
        measures: '再罚',
      });
      assert.deepEqual(
        again.errors.map((e) => e.code),
        ['market-case-move-refused'],
      );
      assert.equal((await balance())!.balance, 1_500_000);
      const audit = await server.call(
        'manager',
        `/api/v1/audit?dataset=market-cases&key=${caseId}`,
      );
      assert.deepEqual(
        audit.body.entries.map((e: { action: string; username: string }) => [e.action, e.username]),
        [
          ['open', 'sales-user'],
          ['confirmed', 'manager-user'],
          ['handled', 'manager-user'],
        ],
      );
      const entries = await pullAs(server, 'finance', 'dealer-deposits', '&dealer=D-SH01');
      assert.deepEqual(
        entries.map((e) => [e.values.kind, e.values.amount, e.values.caseId]),
        [
          ['paid', 2_000_000, undefined],
          ['penalty', 500_000, caseId],
        ],
      );
    });

    it('keeps a sales user limited to 华南 away from a 上海 dealer’s case, and lets one of 华东 in', async () => {
      const hn = await signInAs(server, { username: 'sales-hn', role: 'sales', regions: ['HN'] });
      const hd = await signInAs(server, { username: 'sales-hd', role: 'sales', regions: ['HD'] });
      const seen = async (token: string, dataset = 'market-cases') => {
        const res = await fetch(`${server.url}/api/v1/sync/pull?dataset=${dataset}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return ((await res.json()) as { rows: { key: string }[] }).rows.map((r) => r.key);
      };
      assert.deepEqual([await seen(hn), await seen(hd)], [[], [caseId]]);
      assert.deepEqual(
        [(await seen(hn, 'market-scans')).length, (await seen(hd, 'market-scans')).length],
        [0, 1],
      );
      const current = (await cases()).get(caseId)!;
      const row = {
        rowKey: caseId,
        baseVersion: current.version,
        values: { ...current.values, findings: '已走访' },
      };
      const refused = await push(server, { dataset: 'market-cases', rows: [row], token: hn });
      assert.deepEqual(
        refused.body.results[0].errors.map((e: { code: string }) => e.code),
        ['region-not-allowed'],
      );
      const allowed = await push(server, { dataset: 'market-cases', rows: [row], token: hd });
      assert.equal(allowed.body.results[0].status, 'applied');
    });

    it('takes a refund out of the balance and keeps entries as recorded', async () => {
      const refund = { dealerCode: 'D-SH01', date: '2026-11-20', kind: 'refund', amount: 300_000 };
      await send('finance', 'dealer-deposits', [{ rowKey: 'refund-1', values: refund }]);
      assert.deepEqual(
        [(await balance())!.refunded, (await balance())!.balance],
        [300_000, 1_700_000],
      );
      const changed = await send('finance', 'dealer-deposits', [
        { rowKey: 'refund-1', values: { ...refund, amount: 100 } },
      ]);
      assert.deepEqual(
        changed[0]!.errors.map((e) => e.code),
        ['market-deposit-immutable'],
      );
      const same = await send('finance', 'dealer-deposits', [
        { rowKey: 'refund-1', values: refund },
      ]);
      assert.equal(same[0]!.status, 'unchanged');
      assert.equal((await balance())!.balance, 1_700_000);
      const bySales = await pushAs(server, 'sales', 'dealer-deposits', values([refund]));
      assert.equal(bySales.status, 403);
    });

    it('closes a dismissed case: no penalty can follow', async () => {
      assert.equal(
        (await stepCase('manager', { status: 'dismissed', findings: '系正常调货' })).status,
        'applied',
      );
      const handled = await stepCase('manager', {
        status: 'handled',
        penalty: 100,
        measures: '罚款',
      });
      assert.deepEqual(
        handled.errors.map((e) => e.code),
        ['market-case-move-refused'],
      );
      assert.equal((await balance())!.penalties, 0);
    });
  });
});
