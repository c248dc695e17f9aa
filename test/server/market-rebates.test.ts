// Rebates (奖励政策/返利) over HTTP with worked numbers at the section boundary. Sections
// "0:1%; 100000:2%; 300000:3%" on net sell-in from 2026-11-01 to 11-27: D-SH01 bought 300 boxes at ¥1,000
// (¥300,000, exactly on the 3% boundary), D-SH02 299 boxes (¥299,000, just under it).
//   reached (达档全额):  ¥300,000 × 3% = ¥9,000;   ¥299,000 × 2% = ¥5,980
//   progressive (累进):  ¥100,000 × 1% + ¥200,000 × 2% = ¥5,000;
//                        ¥100,000 × 1% + ¥199,000 × 2% = ¥4,980
//   flat 2%:             ¥6,000;  ¥5,980
// A manager's confirmation issues the rebate as a credit note (reason 返利) once, whatever is
// pushed again. docs/market-order.md.
import assert from 'node:assert/strict';
import {
  addDealer,
  BOX,
  must,
  order,
  pullAs,
  pushAs,
  receipt,
  ship,
  startFinanceServer,
} from './finance-seed';
import type { TestServer } from '../support/server';

const policy = (
  policyCode: string,
  method: string,
  rates: string,
  extra: Record<string, unknown> = {},
) => ({
  policyCode,
  name: `${policyCode} 年终返利`,
  from: '2026-11-01',
  to: '2026-11-27',
  base: 'net-sell-in',
  method,
  rates,
  ...extra,
});
const SECTIONS = '0:1%; 100000:2%; 300000:3%';

/** The server's clock: 23:00 on 2026-11-27 in Shanghai while buying, past midnight to settle. */
const BUYING = new Date('2026-11-27T15:00:00Z');
let clock = BUYING;
const afterPeriod = () => {
  clock = new Date('2026-11-27T16:30:00Z');
};

describe('rebates (返利)', () => {
  let server: TestServer;
  let invoice = '';
  beforeEach(async () => {
    clock = BUYING;
    server = await startFinanceServer(() => clock);
    await addDealer(server, 'D-SH02');
    invoice = await ship(server, await order(server, 'D-SH01', 300), 300);
    await ship(server, await order(server, 'D-SH02', 299), 299);
  });
  afterEach(() => server.close());

  const settlements = async () =>
    new Map((await pullAs(server, 'finance', 'rebate-settlements')).map((r) => [r.key, r.values]));
  const amounts = async (code: string) => {
    const all = await settlements();
    return [all.get(`${code}:D-SH01`)?.amount, all.get(`${code}:D-SH02`)?.amount];
  };

  it('applies the reached section’s rate to the whole base', async () => {
    await must(server, 'manager', 'rebate-policies', [policy('R-REACH', 'reached', SECTIONS)]);
    assert.deepEqual(await amounts('R-REACH'), [900_000, 598_000]);
    const row = (await settlements()).get('R-REACH:D-SH01')!;
    assert.equal(row.base, 30_000_000);
    assert.equal(row.status, 'draft');
  });

  it('prorates section by section (累进)', async () => {
    await must(server, 'manager', 'rebate-policies', [policy('R-PROG', 'progressive', SECTIONS)]);
    assert.deepEqual(await amounts('R-PROG'), [500_000, 498_000]);
    const sections = String((await settlements()).get('R-PROG:D-SH01')!.sections);
    assert.match(sections, /100,000\.00 × 1% = 1,000\.00/);
    assert.match(sections, /200,000\.00 × 2% = 4,000\.00/);
  });

  it('applies a flat rate', async () => {
    await must(server, 'manager', 'rebate-policies', [policy('R-FLAT', 'flat', '2%')]);
    assert.deepEqual(await amounts('R-FLAT'), [600_000, 598_000]);
  });

  it('narrows the base to a product category’s invoices', async () => {
    // FIN-BOX is category 测试; nothing of category T恤 was bought in the period.
    await must(server, 'manager', 'rebate-policies', [
      policy('R-TEST', 'flat', '2%', { category: '测试' }),
      policy('R-TEE', 'flat', '2%', { category: 'T恤' }),
    ]);
    assert.deepEqual(await amounts('R-TEST'), [600_000, 598_000]);
    assert.deepEqual(await amounts('R-TEE'), [undefined, undefined]);
  });

  it('refuses rates that do not start at 0 or do not ascend', async () => {
    const res = await pushAs(server, 'manager', 'rebate-policies', [
      { values: policy('R-BAD1', 'progressive', '100:1%; 50:2%') },
      { values: policy('R-BAD2', 'reached', '1000:1%') },
    ]);
    const codes = (res.body.results as { errors: { code: string }[] }[]).map((r) =>
      r.errors.map((e) => e.code),
    );
    assert.deepEqual(codes, [['rebate-rates-invalid'], ['rebate-rates-invalid']]);
  });

  it('leaves out dealers outside the policy’s scope', async () => {
    await must(server, 'manager', 'rebate-policies', [
      policy('R-GRADE-B', 'flat', '2%', { grade: 'B' }),
    ]);
    assert.deepEqual(await amounts('R-GRADE-B'), [undefined, undefined]);
    afterPeriod();
    const res = await pushAs(server, 'manager', 'rebate-settlements', [
      { values: { policyCode: 'R-GRADE-B', dealerCode: 'D-SH01' } },
    ]);
    assert.equal(res.body.results[0].errors[0].code, 'rebate-dealer-out-of-scope');
  });

  it('issues the confirmed rebate as one 返利 credit note, and never again', async () => {
    await must(server, 'manager', 'rebate-policies', [policy('R-REACH', 'reached', SECTIONS)]);
    const confirm = { policyCode: 'R-REACH', dealerCode: 'D-SH01' };
    const early = await pushAs(server, 'manager', 'rebate-settlements', [{ values: confirm }]);
    assert.equal(early.body.results[0].errors[0].code, 'rebate-period-open');
    afterPeriod();
    const refused = await pushAs(server, 'sales', 'rebate-settlements', [{ values: confirm }]);
    assert.equal(refused.status, 403);
    const [id] = await must(server, 'manager', 'rebate-settlements', [confirm]);
    const notes = async () =>
      (await pullAs(server, 'finance', 'credit-notes')).map((r) => [
        r.values.invoiceId,
        r.values.amount,
        r.values.reason,
      ]);
    assert.deepEqual(await notes(), [[invoice, 900_000, 'rebate']]);
    // Confirmed again from another sheet (a new row key), and both rows in one push.
    const again = await pushAs(server, 'manager', 'rebate-settlements', [
      { values: confirm },
      { values: confirm },
    ]);
    assert.deepEqual(
      (again.body.results as { status: string; id: string }[]).map((r) => [r.status, r.id]),
      [
        ['unchanged', id],
        ['unchanged', id],
      ],
    );
    assert.deepEqual(await notes(), [[invoice, 900_000, 'rebate']]);
    const row = (await settlements()).get('R-REACH:D-SH01')!;
    assert.deepEqual([row.status, row.amount], ['confirmed', 900_000]);
    assert.match(String(row.creditNotes), /^CN-/);
  });

  it('takes the amount collected in the period as the base, and refuses a rebate over what is still owed', async () => {
    // ¥250,000 received on 11-27 and ¥20,000 on 10-15 (outside the period), both on the invoice.
    const paid = async (amount: number, date: string) => {
      const [receiptId] = await must(server, 'finance', 'bank-receipts', [
        receipt(amount, { date }),
      ]);
      const allocation = {
        receiptId,
        targetKind: 'invoice',
        targetId: invoice,
        dealerCode: 'D-SH01',
        amount,
      };
      await must(server, 'finance', 'allocations', [allocation], { atomic: true });
    };
    await paid(250 * BOX, '2026-11-27');
    await paid(20 * BOX, '2026-10-15');
    const collected = { base: 'collected' };
    await must(server, 'manager', 'rebate-policies', [
      policy('R-CASH', 'flat', '2%', collected),
      policy('R-BIG', 'flat', '20%', collected),
    ]);
    const all = await settlements();
    assert.deepEqual(
      [all.get('R-CASH:D-SH01')?.base, all.get('R-CASH:D-SH01')?.amount],
      [25_000_000, 500_000],
    );
    // 20% of ¥250,000 = ¥50,000, but the invoice owes ¥300,000 − ¥270,000 = ¥30,000.
    afterPeriod();
    const res = await pushAs(server, 'manager', 'rebate-settlements', [
      { values: { policyCode: 'R-BIG', dealerCode: 'D-SH01' } },
    ]);
    assert.equal(res.body.results[0].errors[0].code, 'rebate-over-outstanding');
    assert.equal((await pullAs(server, 'finance', 'credit-notes')).length, 0);
  });
});
