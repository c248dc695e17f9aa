import assert from 'node:assert/strict';
import type { RowResult as Result } from '../../shared/protocol';
import { randomUUID } from 'node:crypto';
import { suiteServer } from '../support/server';
import {
  countOrderLines,
  fixedNow,
  orderRow,
  push,
  pushBody,
  seedSalesData,
  stockByKey,
  type PushRequest,
} from '../support/fixtures';

const codes = (result: Result) => result.errors.map((e) => e.code);
const summary = (applied: number, unchanged: number) => ({
  applied,
  unchanged,
  rejected: 0,
  conflict: 0,
});

describe('orders push', () => {
  const server = suiteServer({ now: fixedNow, prepare: seedSalesData });

  const send = (request: Omit<PushRequest, 'dataset'>) =>
    push(server, { dataset: 'orders', role: 'sales', ...request });
  const available = async (key: string) => (await stockByKey(server)).get(key)?.available ?? 0;

  it('numbers new orders SO-YYYYMMDD-NNNN with lines -NN; a later row of the same order adds a line', async () => {
    const res = await send({
      rows: [orderRow('PO-NEW', 1), orderRow('PO-NEW', 6, { skuCode: 'SOCK-WHT-F' })],
    });
    const [first, second] = res.body.results as Result[];
    assert.match(first?.id ?? '', /^SO-20261127-\d{4}-01$/);
    const orderId = first?.id?.slice(0, -3) ?? '';
    assert.equal(second?.id, `${orderId}-02`);
    const more = await send({ rows: [orderRow('PO-NEW', 2, { skuCode: 'TEE-BLK-L' })] });
    assert.equal(more.body.results[0].id, `${orderId}-03`);
    const other = await send({ rows: [orderRow('PO-NEW-2', 1)] });
    assert.notEqual(other.body.results[0].id.slice(0, -3), orderId);
  });

  it('keeps money in fen end to end: 199.90 yuan pushed as 19990 comes back as 19990', async () => {
    const reservedBefore = (await stockByKey(server)).get('WH-E|TEE-BLK-L')?.reserved ?? -1;
    const res = await send({
      rows: [orderRow('PO-FEN', 3, { skuCode: 'TEE-BLK-L', unitPrice: 19990 })],
    });
    const [result] = res.body.results as Result[];
    const pull = await server.call('analyst', '/api/v1/sync/pull?dataset=orders&dealer=D-SH01');
    const line = pull.body.rows.find((r: { key: string }) => r.key === result?.rowKey);
    const { unitPrice, amount, status, shippedQuantity, lineId } = line.values;
    assert.deepEqual(
      [unitPrice, amount, status, shippedQuantity, lineId],
      [19990, 3 * 19990, 'submitted', 0, result?.id],
    );
    assert.equal((await stockByKey(server)).get('WH-E|TEE-BLK-L')?.reserved, reservedBefore + 3);
  });

  describe('the three duplicate guards', () => {
    const rows = ['TEE-BLK-M', 'SOCK-WHT-F'].map((skuCode) => ({
      ...orderRow('PO-DUP', 6, { skuCode }),
      rowKey: randomUUID(),
      mutationId: randomUUID(),
    }));
    const key = randomUUID();
    let lines = 0;
    let first: { results: Result[] };

    before(async () => {
      lines = await countOrderLines(server);
      first = (await send({ rows, key })).body;
    });

    it('applies the rows once', async () => {
      assert.deepEqual(
        first.results.map((r) => r.status),
        ['applied', 'applied'],
      );
      assert.equal(await countOrderLines(server), lines + 2);
    });

    it('replays the same Idempotency-Key and body', async () => {
      const replay = await send({ rows, key });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, first);
      assert.equal(await countOrderLines(server), lines + 2);
    });

    it('skips mutation ids already applied when the key is new', async () => {
      const again = await send({ rows });
      assert.deepEqual(again.body.summary, summary(0, 2));
      assert.equal(await countOrderLines(server), lines + 2);
    });

    it('treats the same row keys from another workbook copy as the same lines', async () => {
      const copyRows = rows.map((r) => ({ ...r, mutationId: randomUUID() }));
      const copy = await send({ rows: copyRows, clientId: 'client-2', workbookId: 'wb-2' });
      const expected = first.results.map((r) => ['unchanged', r.id, 1]);
      assert.deepEqual(
        copy.body.results.map((r: Result) => [r.status, r.id, r.version]),
        expected,
      );
      const edited = {
        ...copyRows[0],
        mutationId: randomUUID(),
        baseVersion: 1,
        values: { ...copyRows[0]?.values, quantity: 12 },
      };
      const update = await send({ rows: [edited], clientId: 'client-2', workbookId: 'wb-2' });
      assert.deepEqual(
        [update.body.results[0].status, update.body.results[0].version],
        ['applied', 2],
      );
      assert.equal(await countOrderLines(server), lines + 2);
    });

    it('answers 422 to the same key with another body', async () => {
      const body = pushBody({ dataset: 'orders', rows: rows.slice(1) });
      const reused = await server.call('sales', '/api/v1/sync/push', {
        body,
        headers: { 'idempotency-key': key },
      });
      assert.deepEqual([reused.status, reused.body.error.code], [422, 'idempotency-key-reused']);
      assert.equal(await countOrderLines(server), lines + 2);
    });
  });

  it('accepts the good order and rejects every line of the bad one, releasing what it reserved', async () => {
    const lines = await countOrderLines(server);
    const availableBefore = await available('WH-E|TEE-BLK-M');
    const rows = [
      orderRow('PO-GOOD', 2),
      orderRow('PO-BAD', 5),
      orderRow('PO-BAD', 1, { skuCode: 'NO-SUCH-SKU' }),
    ];
    const results = (await send({ rows })).body.results as Result[];
    assert.deepEqual(
      results.map((r) => r.status),
      ['applied', 'rejected', 'rejected'],
    );
    assert.deepEqual(results.map(codes), [[], ['order-rejected'], ['unknown-sku']]);
    assert.equal(results[2]?.errors[0]?.field, 'skuCode');
    assert.equal(await countOrderLines(server), lines + 1);
    assert.equal(await available('WH-E|TEE-BLK-M'), availableBefore - 2);
  });

  it('rejects a whole order when one of its lines fails the schema itself (regression)', async () => {
    const lines = await countOrderLines(server);
    const rows = [
      orderRow('PO-SCHEMA', 1),
      orderRow('PO-SCHEMA', 1, { quantity: 'x' }),
      orderRow('PO-SCHEMA-OK', 1),
    ];
    const results = (await send({ rows })).body.results as Result[];
    assert.deepEqual(
      results.map((r) => [r.status, codes(r)]),
      [
        ['rejected', ['order-rejected']],
        ['rejected', ['invalid-number']],
        ['applied', []],
      ],
    );
    assert.equal(await countOrderLines(server), lines + 1);
  });

  it('validates everything and commits nothing on dryRun', async () => {
    const lines = await countOrderLines(server);
    const body = {
      ...pushBody({ dataset: 'orders', rows: [orderRow('PO-DRY', 1)] }),
      dryRun: true,
    };
    const res = await server.call('sales', '/api/v1/sync/push', {
      body,
      headers: { 'idempotency-key': randomUUID() },
    });
    assert.equal(res.body.results[0].status, 'applied');
    assert.equal(await countOrderLines(server), lines);
  });

  it('lets exactly one of two racing pushes take the last units', async () => {
    const atSouth = { dealerCode: 'D-HN01', locationCode: 'WH-S' };
    await send({
      rows: [orderRow('PO-RACE-0', (await available('WH-S|TEE-BLK-M')) - 5, atSouth)],
      role: 'manager',
    });
    const racer = (n: number) =>
      send({ rows: [orderRow(`PO-RACE-${n}`, 5, atSouth)], clientId: `racer-${n}` });
    const results = await Promise.all([racer(1), racer(2)]);
    const outcomes = results.map((r) => r.body.results[0] as Result);
    assert.deepEqual(outcomes.map((r) => r.status).sort(), ['applied', 'rejected']);
    assert.deepEqual(outcomes.find((r) => r.status === 'rejected')?.errors[0]?.params, {
      available: 0,
    });
    const db = server.store.db;
    const broken = await db
      .selectFrom('stock_balances')
      .selectAll()
      .where((eb) => eb('reserved', '>', eb.ref('on_hand')))
      .execute();
    assert.deepEqual(broken, []);
    assert.equal(await available('WH-S|TEE-BLK-M'), 0);
  });
});
