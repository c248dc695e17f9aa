// An order line's audit rows store only what the line no longer holds (the values it had before
// a change); the audit route and the merge of a stale update work the rest out from the line.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RowResult as Result } from '../../shared/protocol';
import { suiteServer } from '../support/server';
import { fixedNow, orderRow, push, seedSalesData, TODAY, type Row } from '../support/fixtures';

type Entry = { action: string; version: number; before: any; after: any };

describe('order line audit', () => {
  const server = suiteServer({ now: fixedNow, prepare: seedSalesData });

  const send = async (row: Row, dataset = 'orders') =>
    (await push(server, { dataset, rows: [row], role: 'manager' })).body.results[0] as Result;
  const trail = async (key: string) =>
    (await server.call('manager', `/api/v1/audit?dataset=orders&key=${key}`)).body
      .entries as Entry[];

  it('shows every version of a line, merges on an older base, and stores no copy of the line', async () => {
    const rowKey = randomUUID();
    const v1 = orderRow('PO-AUD-1', 2).values ?? {};
    assert.equal((await send({ rowKey, values: v1 })).status, 'applied');
    const v2 = { ...v1, quantity: 4 };
    assert.equal((await send({ rowKey, baseVersion: 1, values: v2 })).status, 'applied');
    const v3 = { ...v2, remark: '加急' };
    assert.equal((await send({ rowKey, baseVersion: 2, values: v3 })).status, 'applied');
    // Based on version 1, changing only the requested date: merged with versions 2 and 3.
    const stale = await send({
      rowKey,
      baseVersion: 1,
      values: { ...v1, requestedDate: '2026-12-10' },
    });
    assert.deepEqual([stale.status, stale.version], ['applied', 4]);
    const v4 = { ...v3, requestedDate: '2026-12-10' };
    const lineId = stale.id ?? '';
    const shipped = await send({ values: { date: TODAY, lineId, quantity: 1 } }, 'shipments');
    assert.equal(shipped.status, 'applied', JSON.stringify(shipped));

    const line = (values: Record<string, unknown>) => ({ ...values, cancelled: false });
    const entries = await trail(rowKey);
    assert.deepEqual(
      entries.map((e) => [e.action, e.version, e.before, e.after]),
      [
        ['create', 1, null, line(v1)],
        ['update', 2, line(v1), line(v2)],
        ['update', 3, line(v2), line(v3)],
        ['update', 4, line(v3), line(v4)],
        ['ship', 5, line(v4), line(v4)],
      ],
    );
    assert.deepEqual(await trail(lineId), entries, 'by the line id too');
    const limited = await server.call(
      'manager',
      `/api/v1/audit?dataset=orders&key=${rowKey}&limit=2`,
    );
    assert.deepEqual(limited.body.entries, entries.slice(0, 2));

    const stored = (
      await server.store.db
        .selectFrom('audit')
        .select(['action', 'before', 'after'])
        .where('dataset', '=', 'orders')
        .where('record_key', '=', rowKey)
        .orderBy('version')
        .execute()
    ).map((r) => ({ action: r.action, no_before: r.before === null, no_after: r.after === null }));
    assert.deepEqual(stored, [
      { action: 'create', no_before: true, no_after: true },
      { action: 'update', no_before: false, no_after: true },
      { action: 'update', no_before: false, no_after: true },
      { action: 'update', no_before: false, no_after: true },
      { action: 'ship', no_before: true, no_after: true },
    ]);
  });
});
