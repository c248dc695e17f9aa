// Demo market order (窜货) and rebates (返利), docs/market-order.md: a pallet of two cases of six
// units shipped to the first dealer, authorised in 上海/浙江/江苏; one of its cases scanned in
// 深圳 (a case holding its six units, confirmed and handled with a ¥10,000 penalty taken from a
// ¥50,000 deposit), a unit scanned inside the area (no case) and an unknown code (suspected
// fake). Three rebate policies over last month — flat, reached section and progressive — so the
// settlement pull shows drafts, and the first dealer's flat rebate confirmed as a credit note.
import type { Db } from '../store/db';
import { creditNoteState } from '../finance/credit-notes-check';
import { loadLedgerSources } from '../finance/ledger-sources';
import { loadDealerFacts, loadPolicies, settle } from '../market/rebate-base';
import { mkt } from '../market/tables';
import type { Catalog } from './catalog';
import { addDays, atHour } from './calendar';
import type { Pusher } from './pusher';

const units = (caseCode: string, from: number) =>
  Array.from({ length: 6 }, (_, i) => ({
    code: `DU-${String(from + i).padStart(4, '0')}`,
    level: 'unit',
    parentCode: caseCode,
  }));

async function pushAll(pusher: Pusher, dataset: string, list: Record<string, unknown>[], at: Date) {
  return pusher.push(
    dataset,
    list.map((values) => ({ rowKey: pusher.newKey(), values })),
    at,
  );
}

async function seedCases(pusher: Pusher, db: Db, dealer: string, today: string) {
  const day = (n: number) => addDays(today, -n);
  const packed = [
    { code: 'DP-0001', level: 'pallet' },
    { code: 'DC-0001', level: 'case', parentCode: 'DP-0001' },
    { code: 'DC-0002', level: 'case', parentCode: 'DP-0001' },
    ...units('DC-0001', 1),
    ...units('DC-0002', 7),
  ];
  await pushAll(pusher, 'trace-codes', packed, atHour(day(20), 9));
  const shipped = {
    code: 'DP-0001',
    level: 'pallet',
    shipmentRef: 'SH-DEMO-1',
    dealerCode: dealer,
  };
  await pushAll(pusher, 'trace-codes', [shipped], atHour(day(18), 9));
  await pushAll(
    pusher,
    'dealer-areas',
    [{ dealerCode: dealer, areas: '上海市；浙江省；江苏省' }],
    atHour(day(20), 9),
  );
  const paid = {
    dealerCode: dealer,
    date: day(30),
    kind: 'paid',
    amount: 5_000_000,
    remark: '年度保证金',
  };
  await pushAll(pusher, 'dealer-deposits', [paid], atHour(day(30), 10));
  const scan = (code: string, province: string, city: string, source: string) => ({
    code,
    province,
    city,
    scanDate: day(6),
    source,
    scannedBy: '市场稽查-李明',
    evidence: `${city}某超市货架，照片 IMG-${code}`,
  });
  await pushAll(
    pusher,
    'market-scans',
    [
      scan('DC-0001', '广东省', '深圳市', 'inspector'),
      scan('DU-0008', '浙江省', '杭州市', 'consumer'),
      scan('FAKE-20991', '广东省', '广州市', 'consumer'),
    ],
    atHour(day(6), 15),
  );
  const opened = await mkt(db)
    .selectFrom('market_cases')
    .selectAll()
    .where('scanned_code', '=', 'DC-0001')
    .executeTakeFirst();
  if (!opened) return;
  const step = async (change: Record<string, unknown>, version: number, at: Date) => {
    const values = { id: opened.id, status: opened.status, ...change };
    await pusher.push('market-cases', [{ rowKey: opened.id, baseVersion: version, values }], at);
  };
  const findings = '经核实为该经销商向深圳二批商低价出货';
  await step({ status: 'confirmed', findings }, 1, atHour(day(4), 10));
  const handled = {
    status: 'handled',
    findings,
    penalty: 1_000_000,
    measures: '罚款 1 万元，书面警告，停止特价支持一季度',
  };
  await step(handled, 2, atHour(day(2), 10));
}

async function seedRebates(pusher: Pusher, db: Db, today: string) {
  const monthStart = `${today.slice(0, 7)}-01`;
  const to = addDays(monthStart, -1);
  const from = `${to.slice(0, 7)}-01`;
  const policy = (policyCode: string, name: string, method: string, rates: string) => ({
    policyCode,
    name,
    from,
    to,
    base: 'net-sell-in',
    method,
    rates,
  });
  await pushAll(
    pusher,
    'rebate-policies',
    [
      policy('RB-FLAT', '月度进货返利 1%', 'flat', '1%'),
      policy('RB-REACH', '月度达标返利', 'reached', '0:0.5%; 50000:1%; 200000:2%'),
      policy('RB-PROG', '月度累进返利', 'progressive', '0:0.5%; 50000:1%; 200000:2%'),
    ],
    atHour(from, 9),
  );
  const payable = await payableDealer(db, 'RB-FLAT');
  if (payable !== undefined)
    await pushAll(
      pusher,
      'rebate-settlements',
      [{ policyCode: 'RB-FLAT', dealerCode: payable }],
      atHour(today, 9),
    );
}

/** The dealer with the largest rebate under `policyCode` that its open invoices can take. */
async function payableDealer(db: Db, policyCode: string) {
  const policy = (await loadPolicies(db)).get(policyCode);
  if (!policy) return undefined;
  const settled = await settle(db, policy, await loadDealerFacts(db));
  for (const s of settled.sort(
    (a, b) => b.rebate.amount - a.rebate.amount || a.dealer.localeCompare(b.dealer),
  )) {
    if (s.rebate.amount === 0) break;
    const state = creditNoteState(await loadLedgerSources(db, [s.dealer]));
    const open = [...state.open.values()].reduce((sum, left) => sum + Math.max(0, left), 0);
    if (open >= s.rebate.amount) return s.dealer;
  }
  return undefined;
}

export async function seedMarket(pusher: Pusher, db: Db, catalog: Catalog, today: string) {
  const dealer = catalog.dealers[0]?.code;
  if (dealer === undefined) return;
  await seedCases(pusher, db, dealer, today);
  await seedRebates(pusher, db, today);
}
