// Reconciliation → allocations in the sheet, over the fake host and the real server: finance
// pulls the reconciliation of seeded receipts, drafts the allocations sheet from it, and pushes
// it all or nothing (one request, `atomic: true`; one bad row applies nothing).
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Transport } from '../../../addin/core/transport';
import { startAddin, tableColumn, type AddinHarness } from '../../support/addin';
import {
  addDealer,
  BOX,
  fixedNow,
  must,
  order,
  pullAs,
  receipt,
  seedFinance,
  ship,
} from '../../server/finance-seed';

interface PushBody {
  atomic?: boolean;
  mutations: unknown[];
}

function pushBodies(send: sinon.SinonSpy): PushBody[] {
  return send
    .getCalls()
    .map((call) => call.args[0] as { url: string; body?: string })
    .filter((request) => request.url.endsWith('/api/v1/sync/push'))
    .map((request) => JSON.parse(request.body ?? '{}') as PushBody);
}

describe('allocations from the reconciliation', () => {
  let h: AddinHarness;
  let older: string;
  let newer: string;
  let receiptId: string;
  beforeEach(async () => {
    h = await startAddin({ role: 'finance', server: { now: fixedNow } });
    await seedFinance(h.server);
    await addDealer(h.server, 'F-HL', { name: '上海华联商贸有限公司' });
    // F-HL owes ¥3,000 shipped 2026-11-01 and ¥5,000 shipped 2026-11-10; pays ¥6,000 by name.
    const lineId = await order(h.server, 'F-HL', 8);
    older = await ship(h.server, lineId, 3, '2026-11-01');
    newer = await ship(h.server, lineId, 5, '2026-11-10');
    [receiptId = ''] = await must(h.server, 'finance', 'bank-receipts', [
      receipt(6 * BOX, { payerName: '上海华联商贸' }),
    ]);
    await h.app.pull('reconciliation');
  });
  afterEach(async () => {
    await h.close();
    sinon.restore();
  });

  const outstanding = async () => {
    const rows = await pullAs(h.server, 'finance', 'receivable-items', '&dealer=F-HL');
    return Object.fromEntries(rows.map((r) => [r.values.invoiceId, r.values.outstanding]));
  };

  it('writes the rank-1 suggestion split oldest first into a bound allocations sheet', async () => {
    const report = await h.app.prepareAllocations();
    assert.deepEqual([report.rows, report.receipts], [2, 1]);
    const column = (header: string) => tableColumn(h.workbook, report.tableName, header);
    assert.deepEqual(column('收款单号'), [receiptId, receiptId]);
    assert.deepEqual(column('核销类型'), ['应收发票', '应收发票']);
    assert.deepEqual(column('核销单号'), [older, newer]);
    assert.deepEqual(column('经销商编码'), ['F-HL', 'F-HL']);
    assert.deepEqual(column('核销金额'), [3000, 3000]);
    assert.equal((await h.app.currentBinding())?.dataset, 'allocations');
  });

  it('pushes the sheet in one atomic request and settles the invoices', async () => {
    await h.app.prepareAllocations();
    const send = sinon.spy(h.transport, 'send');
    const report = await h.app.push();
    assert.deepEqual([report.sent, report.applied, report.rejected], [2, 2, 0]);
    assert.deepEqual(
      pushBodies(send).map((b) => [b.atomic, b.mutations.length]),
      [[true, 2]],
    );
    assert.deepEqual(await outstanding(), { [newer]: 2 * BOX });
  });

  it('applies nothing when one row over-allocates the receipt, and says so on every row', async () => {
    const { sheetName } = await h.app.prepareAllocations();
    const sheet = h.workbook.sheet(sheetName);
    const amount = (sheet.rows[0]?.values ?? []).indexOf('核销金额');
    sheet.rows[2]!.values[amount] = 5000; // ¥3,000 + ¥5,000 > the ¥6,000 received
    const send = sinon.spy(h.transport, 'send');
    const report = await h.app.push();
    assert.deepEqual([report.applied, report.rejected], [0, 2]);
    assert.deepEqual(
      pushBodies(send).map((b) => b.atomic),
      [true],
    );
    const status = (sheet.rows[0]?.values ?? []).indexOf('_status');
    assert.match(String(sheet.rows[1]?.values[status]), /整批未提交/);
    assert.doesNotMatch(String(sheet.rows[2]?.values[status]), /整批未提交/);
    assert.deepEqual(await pullAs(h.server, 'finance', 'allocations'), []);
    assert.deepEqual(await outstanding(), { [older]: 3 * BOX, [newer]: 5 * BOX });
  });

  it('refuses before sending when the batch is over the per-push row limit', async () => {
    await h.app.prepareAllocations();
    // The server publishes a limit of one row per push.
    const oneRowLimit: Transport = {
      send: async (request) => {
        const response = await h.transport.send(request);
        if (!request.url.endsWith('/api/v1/meta')) return response;
        const meta = JSON.parse(response.text) as { limits: Record<string, number> };
        meta.limits.maxMutationsPerPush = 1;
        return { ...response, header: () => null, text: JSON.stringify(meta) };
      },
    };
    const send = sinon.spy(h.transport, 'send');
    await assert.rejects(h.reopen(oneRowLimit).push(), /须整批一次上传，最多 1 行，本次有 2 行/);
    assert.deepEqual(pushBodies(send), []);
    assert.deepEqual(await pullAs(h.server, 'finance', 'allocations'), []);
  });
});
