// Net sell-in (docs/returns.md, "Net sell-in") over HTTP on a real store, with worked numbers:
// R-NA is shipped 10 × ¥100 and returns 3, so its sales facts net 7 / ¥700 while the ordered
// line stays 10 / ¥1,000; a transfer of 2 from R-NA to R-NB lowers R-NA's sell-in by 2 and
// raises R-NB's by 2; achievement counts the net ¥700; a return awaiting approval lowers
// nothing until it is approved.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { signInAs } from '../support/fixtures';
import { TEST_ORIGIN, type TestServer } from '../support/server';
import { addDealer, must, pullAs, startFinanceServer, TODAY } from './finance-seed';
import { orderOf, returnLine, setSetting, shipLine } from './returns-seed';

const PRICE = 10_000; // ¥100

type Fact = Record<string, unknown> & { kind: string; quantity: number; amount: number };

async function factsOf(server: TestServer, dealer: string): Promise<Fact[]> {
  const rows = await pullAs(server, 'analyst', 'sales-facts', `&dealer=${dealer}`);
  return rows.map((r) => r.values as Fact);
}

/** Quantity and amount per kind, and the net sell-in (shipped + returned). */
function totals(facts: readonly Fact[]) {
  const sum = (kinds: string[]) =>
    facts
      .filter((f) => kinds.includes(f.kind))
      .reduce((acc, f) => [acc[0]! + f.quantity, acc[1]! + f.amount], [0, 0]);
  return {
    ordered: sum(['ordered']),
    shipped: sum(['shipped']),
    returned: sum(['returned']),
    net: sum(['shipped', 'returned']),
  };
}

const transfer = (from: string, to: string, shipmentId: string, quantity: number) => ({
  transferRef: `DT-${randomUUID().slice(0, 6)}`,
  date: TODAY,
  fromDealerCode: from,
  toDealerCode: to,
  shipmentId,
  quantity,
  locationCode: 'WH-E',
  unitPrice: PRICE,
});

describe('net sell-in: returns and transfers lower the dealer’s sell-in', () => {
  let server: TestServer;
  let shipment: string;
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'R-NA');
    await addDealer(server, 'R-NB');
    shipment = await shipLine(server, await orderOf(server, 'R-NA', 10, { unitPrice: PRICE }), 10);
    await must(server, 'sales', 'returns', [returnLine('R-NA', shipment, 3)]);
  });
  after(() => server.close());

  it('nets 10 × ¥100 shipped less 3 returned to 7 / ¥700, the ordered line unchanged', async () => {
    const facts = await factsOf(server, 'R-NA');
    const t = totals(facts);
    assert.deepEqual(t.ordered, [10, 10 * PRICE]);
    assert.deepEqual(t.shipped, [10, 10 * PRICE]);
    assert.deepEqual(t.returned, [-3, -3 * PRICE]);
    assert.deepEqual(t.net, [7, 7 * PRICE]);
    const returned = facts.find((f) => f.kind === 'returned');
    assert.deepEqual(
      [returned?.dealerCode, returned?.skuCode, returned?.regionCode, returned?.date],
      ['R-NA', 'FIN-BOX', 'SH', TODAY],
    );
  });

  it('counts the net ¥700 as R-NA’s actual sales in target achievement', async () => {
    const months = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`m${String(i + 1).padStart(2, '0')}`, i < 4 ? 9 : 8]),
    );
    const target = { year: 2026, level: 'dealer', code: 'R-NA', amount: 1_000_000, ...months };
    await must(server, 'manager', 'targets', [target]);
    const rows = await pullAs(server, 'analyst', 'achievement', '&from=2026-01-01&dealer=R-NA');
    const november = rows.find((r) => r.values.month === '2026-11' && r.values.scope === 'month');
    assert.equal(november?.values.actual, 7 * PRICE);
  });

  it('moves 2 of R-NA’s units to R-NB: R-NA’s sell-in −2, R-NB’s +2', async () => {
    const before = totals(await factsOf(server, 'R-NA')).net;
    await must(server, 'manager', 'dealer-transfers', [transfer('R-NA', 'R-NB', shipment, 2)]);
    assert.deepEqual(totals(await factsOf(server, 'R-NA')).net, [
      before[0]! - 2,
      before[1]! - 2 * PRICE,
    ]);
    assert.deepEqual(totals(await factsOf(server, 'R-NB')).net, [2, 2 * PRICE]);
  });

  it('leaves a return awaiting approval out until it is approved, then nets it', async () => {
    await setSetting(server, 'return-approval-threshold-fen', PRICE / 2);
    const line = returnLine('R-NA', shipment, 1);
    await must(server, 'sales', 'returns', [line]);
    const before = totals(await factsOf(server, 'R-NA'));
    assert.deepEqual(before.returned, [-5, -5 * PRICE], 'the 3 returned and the 2 transferred');
    const decision = { dealerCode: 'R-NA', returnRef: line.returnRef, decision: 'approve' };
    await must(server, 'manager', 'return-approvals', [decision]);
    const after = totals(await factsOf(server, 'R-NA'));
    assert.deepEqual(after.returned, [-6, -6 * PRICE]);
  });

  it('pages return lines by change: awaiting approval a tombstone, approved an upsert', async () => {
    const delta = async (cursor: string) => {
      const query = `dataset=sales-facts&dealer=R-NB&cursor=${encodeURIComponent(cursor)}`;
      const res = await server.call('analyst', `/api/v1/sync/pull?${query}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const rows = res.body.rows as { key: string; op: string; values: Fact }[];
      const seen = rows.map((r) => [r.key, r.op, r.values.quantity, r.values.amount]);
      return { seen, cursor: String(res.body.cursor) };
    };
    const first = await server.call('analyst', '/api/v1/sync/pull?dataset=sales-facts&dealer=R-NB');
    assert.equal(first.status, 200);
    const [moved] = await pullAs(server, 'finance', 'dealer-transfers');
    // ¥100 is over the ¥50 threshold set above: the return waits for approval.
    const line = returnLine('R-NB', String(moved?.values.toShipmentId), 1);
    const [id] = await must(server, 'sales', 'returns', [line]);
    const waiting = await delta(String(first.body.cursor));
    assert.deepEqual(waiting.seen, [[`r:${id}`, 'delete', undefined, undefined]]);
    const decision = { dealerCode: 'R-NB', returnRef: line.returnRef, decision: 'approve' };
    await must(server, 'manager', 'return-approvals', [decision]);
    const approved = await delta(waiting.cursor);
    assert.deepEqual(approved.seen, [[`r:${id}`, 'upsert', -1, -PRICE]]);
  });

  it('keeps returned rows to the regions of their dealer for a region-limited sales user', async () => {
    const returnedSeen = async (regions: string[]) => {
      const token = await signInAs(server, {
        username: `returns-${regions.join('')}`,
        role: 'sales',
        regions,
      });
      const res = await fetch(`${server.url}/api/v1/sync/pull?dataset=sales-facts`, {
        headers: { authorization: `Bearer ${token}`, origin: TEST_ORIGIN },
      });
      const body = (await res.json()) as { rows: { values: Fact }[] };
      return body.rows.filter((r) => r.values.kind === 'returned' && r.values.dealerCode === 'R-NA')
        .length;
    };
    // R-NA is a 上海 (SH) dealer with three posted returns: 3, the transfer's 2, and 1.
    assert.equal(await returnedSeen(['SH']), 3);
    assert.equal(await returnedSeen(['HN']), 0);
  });
});
