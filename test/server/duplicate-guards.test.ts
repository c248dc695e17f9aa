// The duplicate guards of the push protocol, each shown to be load-bearing: the scenario it
// exists for passes with it and fails when the test takes it away. See docs/protocol.md,
// "Duplicate guards". (Guard 1, the Idempotency-Key, is shown in protocol.test.ts.)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import sinon from 'sinon';
import { rowKeyGuard } from '../../server/datasets/records-store';
import { guards } from '../../server/sync/push';
import { push, seedSalesData } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';

describe('duplicate guards', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    sinon.restore();
    await server.close();
  });

  const region = (name: string) => ({ code: 'HD', name });

  describe('guard 2: mutation ids a client already applied', () => {
    /**
     * A sales assistant's edit is applied but its answer is lost; a colleague edits the same
     * record; the add-in retries the first edit (same mutation id, new request). The retry
     * must get the first answer back, not a conflict the user would "resolve" over the
     * colleague's edit.
     */
    const lostAnswerRetry = async () => {
      await push(server, { dataset: 'regions', rows: [{ rowKey: 'r-1', values: region('华东') }] });
      const edit = {
        rowKey: 'r-1',
        baseVersion: 1,
        mutationId: randomUUID(),
        values: region('华东大区'),
      };
      const first = await push(server, { dataset: 'regions', rows: [edit] });
      assert.equal(first.body.results[0].status, 'applied');
      const colleague = await push(server, {
        dataset: 'regions',
        clientId: 'client-2',
        rows: [{ rowKey: 'r-1', baseVersion: 2, values: region('华东区域') }],
      });
      assert.equal(colleague.body.results[0].status, 'applied');
      const retry = await push(server, { dataset: 'regions', rows: [edit] });
      return retry.body.results[0] as { status: string; version?: number };
    };

    it('answers a retry whose first answer was lost with that answer (unchanged, version 2)', async () => {
      const retry = await lostAnswerRetry();
      assert.deepEqual([retry.status, retry.version], ['unchanged', 2]);
    });

    it('without it, the same retry turns into a false conflict', async () => {
      sinon.stub(guards, 'appliedBefore').callsFake(() => Promise.resolve(new Map()));
      const retry = await lostAnswerRetry();
      assert.equal(retry.status, 'conflict');
    });
  });

  describe('guard 3 within one push: a row key stands once', () => {
    const twice = () =>
      push(server, {
        dataset: 'payer-aliases',
        role: 'finance',
        rows: [
          { rowKey: 'k-1', values: { dealerCode: 'D-SH01', payerName: '上海服饰' } },
          { rowKey: 'k-1', values: { dealerCode: 'D-SH01', payerName: '上海服饰二店' } },
        ],
      });

    it('refuses the later row and applies the first', async () => {
      await seedSalesData(server);
      const res = await twice();
      assert.deepEqual(
        res.body.results.map((r: { status: string }) => r.status),
        ['applied', 'rejected'],
      );
    });

    it('without it, the request fails as a whole or both rows claim to be applied', async () => {
      await seedSalesData(server);
      sinon.stub(guards, 'rejectDuplicateKeys').returns(undefined);
      const res = await twice();
      const applied = res.status === 200 ? (res.body.summary.applied as number) : 0;
      assert.ok(res.status !== 200 || applied === 2, `status ${res.status}, applied ${applied}`);
    });
  });

  describe('guard 3 across pushes: a row pushed again updates its record', () => {
    /** The same row pushed from a copy of the workbook: another client, new mutation ids. */
    const fromCopy = async () => {
      await push(server, { dataset: 'regions', rows: [{ rowKey: 'r-1', values: region('华东') }] });
      await push(server, {
        dataset: 'regions',
        clientId: 'client-copy',
        workbookId: 'wb-copy',
        rows: [{ rowKey: 'r-1', baseVersion: 1, values: region('华东大区') }],
      });
      const audit = await server.call('manager', '/api/v1/audit?dataset=regions&key=r-1');
      return (audit.body as { entries: { action: string }[] }).entries.map((e) => e.action);
    };

    it('updates the one record', async () => {
      assert.deepEqual(await fromCopy(), ['create', 'update']);
    });

    it('without it, the row is created a second time', async () => {
      sinon.stub(rowKeyGuard, 'find').callsFake(() => Promise.resolve(new Map()));
      assert.deepEqual(await fromCopy(), ['create', 'create']);
    });
  });
});
