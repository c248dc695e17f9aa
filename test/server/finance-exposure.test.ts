// The credit exposure kept by the writers (dealer_exposure, order_exposure) against the same
// figures recomputed from the ledger, after a mix of every write that moves them, and the
// rebuild check finding and repairing a tampered row.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadExposure } from '../../server/finance/ledger-exposure';
import { openMigratedStore } from '../../server/store/open';
import { rebuildExposure } from '../../server/services/exposure-rebuild';
import type { TestServer } from '../support/server';
import { orderLine } from '../support/fixtures';
import {
  addDealer,
  BOX,
  codes,
  must,
  order,
  orderOf,
  pullAs,
  pushAs,
  receipt,
  ship,
  startFinanceServer,
  TODAY,
} from './finance-seed';

/** Kept rows equal the ledger's figures, and the credit check's figure equals the pull's. */
async function assertInStep(server: TestServer, dealers: readonly string[]) {
  const check = await rebuildExposure(server.store.db);
  assert.deepEqual(check.differences, [], JSON.stringify(check.differences));
  for (const dealer of dealers) {
    const [row] = await pullAs(server, 'finance', 'receivables', `&dealer=${dealer}`);
    const used = Number(row?.values.outstanding ?? 0) + Number(row?.values.openOrderValue ?? 0);
    assert.deepEqual(await loadExposure(server.store.db, dealer), {
      limit: Number(row?.values.creditLimit),
      used,
    });
  }
}

describe('finance: the kept credit exposure', () => {
  let server: TestServer;
  const dealers = ['F-EX-A', 'F-EX-C'];
  before(async () => {
    server = await startFinanceServer();
    await addDealer(server, 'F-EX-A', { creditLimit: 40 * BOX });
    await addDealer(server, 'F-EX-C', { grade: 'C' });
  });
  after(() => server.close());

  it('equals the ledger after orders, edits, cancels, shipments, deposits, payments and credit notes', async () => {
    await assertInStep(server, dealers);
    // A two-line order, one line edited and one cancelled.
    const orderRef = `PO-${randomUUID().slice(0, 8)}`;
    const [firstKey, secondKey] = [randomUUID(), randomUUID()];
    const line = (quantity: number, extra: Record<string, unknown> = {}) =>
      orderLine({
        dealerCode: 'F-EX-A',
        orderRef,
        skuCode: 'FIN-BOX',
        quantity,
        unitPrice: BOX,
        ...extra,
      });
    const placed = await pushAs(server, 'sales', 'orders', [
      { rowKey: firstKey, values: line(4) },
      { rowKey: secondKey, values: line(2) },
    ]);
    assert.equal(placed.body.summary.applied, 2, JSON.stringify(placed.body.results));
    const [first, second] = placed.body.results as { id: string; version: number }[];
    await assertInStep(server, dealers);
    const edited = await pushAs(server, 'sales', 'orders', [
      { rowKey: firstKey, baseVersion: first!.version, values: line(6) },
      { rowKey: secondKey, baseVersion: second!.version, values: line(2, { cancelled: true }) },
    ]);
    assert.equal(edited.body.summary.applied, 2, JSON.stringify(edited.body.results));
    await assertInStep(server, dealers);
    // Shipped in two parts; paid with a write-off; a credit note; an allocation deleted.
    const older = await ship(server, first!.id, 2, '2026-11-01');
    const newer = await ship(server, first!.id, 3, '2026-11-10');
    await assertInStep(server, dealers);
    const [receiptId] = await must(server, 'finance', 'bank-receipts', [receipt(5 * BOX)]);
    const pay = (targetId: string, amount: number, extra: Record<string, unknown> = {}) => ({
      receiptId,
      targetKind: 'invoice',
      targetId,
      dealerCode: 'F-EX-A',
      amount,
      ...extra,
    });
    const paid = await pushAs(server, 'finance', 'allocations', [
      { values: pay(older, 2 * BOX - 150, { writeOffAmount: 150 }) },
      { values: pay(newer, BOX) },
    ]);
    assert.equal(paid.body.summary.applied, 2, JSON.stringify(paid.body.results));
    await must(server, 'finance', 'credit-notes', [
      { date: TODAY, dealerCode: 'F-EX-A', invoiceId: newer, amount: BOX / 2, reason: 'discount' },
    ]);
    await assertInStep(server, dealers);
    const undone = paid.body.results[1] as { rowKey: string; version: number };
    const deleted = await pushAs(server, 'finance', 'allocations', [
      { op: 'delete', rowKey: undone.rowKey, baseVersion: undone.version },
    ]);
    assert.equal(deleted.body.summary.applied, 1, JSON.stringify(deleted.body.results));
    await assertInStep(server, dealers);

    // A grade-C order: deposit, then shipped, paid and credited past what the deposit covers.
    const lineId = await order(server, 'F-EX-C', 10);
    const [depositFrom] = await must(server, 'finance', 'bank-receipts', [receipt(4 * BOX)]);
    await must(server, 'finance', 'allocations', [
      {
        receiptId: depositFrom,
        targetKind: 'order-deposit',
        targetId: orderOf(lineId),
        dealerCode: 'F-EX-C',
        amount: 3 * BOX,
      },
    ]);
    await assertInStep(server, dealers);
    const invoice = await ship(server, lineId, 4, '2026-11-12');
    await assertInStep(server, dealers);
    await must(server, 'finance', 'allocations', [
      {
        receiptId: depositFrom,
        targetKind: 'invoice',
        targetId: invoice,
        dealerCode: 'F-EX-C',
        amount: BOX,
      },
    ]);
    await must(server, 'finance', 'credit-notes', [
      { date: TODAY, dealerCode: 'F-EX-C', invoiceId: invoice, amount: BOX / 4, reason: 'rebate' },
    ]);
    await ship(server, lineId, 6, '2026-11-20');
    await assertInStep(server, dealers);
    // A new limit reaches the kept row with the dealer's push.
    const stored = (await pullAs(server, 'manager', 'dealers')).find(
      (r) => r.values.code === 'F-EX-A',
    );
    const { id: _id, ...values } = stored!.values;
    const raised = await pushAs(server, 'manager', 'dealers', [
      {
        rowKey: stored!.key,
        baseVersion: stored!.version,
        values: { ...values, creditLimit: 41 * BOX },
      },
    ]);
    assert.equal(raised.body.summary.applied, 1, JSON.stringify(raised.body.results));
    assert.equal((await loadExposure(server.store.db, 'F-EX-A'))?.limit, 41 * BOX);
    await assertInStep(server, dealers);
  });

  it('counts earlier orders of the same push against the limit', async () => {
    await addDealer(server, 'F-EX-B', { creditLimit: 5 * BOX });
    const line = (orderRef: string, quantity: number) =>
      orderLine({ dealerCode: 'F-EX-B', orderRef, skuCode: 'FIN-BOX', quantity, unitPrice: BOX });
    const res = await pushAs(server, 'sales', 'orders', [
      { values: line('PO-B1', 3) },
      { values: line('PO-B2', 2) },
      { values: line('PO-B3', 1) },
    ]);
    const statuses = (res.body.results as { status: string }[]).map((r) => r.status);
    assert.deepEqual(statuses, ['applied', 'applied', 'rejected']);
    assert.deepEqual(codes(res.body.results[2]), ['credit-limit-exceeded']);
    await assertInStep(server, ['F-EX-B']);
  });

  it('finds a tampered total, leaves it alone without --repair, and repairs it', async () => {
    const db = server.store.db;
    const kept = await loadExposure(db, 'F-EX-A');
    await db
      .updateTable('dealer_exposure')
      .set((eb) => ({ receivables: eb('receivables', '+', 12_345) }))
      .where('dealer_code', '=', 'F-EX-A')
      .execute();
    await db.deleteFrom('order_exposure').where('dealer_code', '=', 'F-EX-C').execute();
    // The credit check reads the row: the tampered figure is what it sees.
    assert.equal((await loadExposure(db, 'F-EX-A'))?.used, kept!.used + 12_345);
    const found = await rebuildExposure(db);
    assert.equal(found.repaired, false);
    assert.deepEqual(
      found.differences.map((d) => [d.kind, d.key]),
      [
        ['dealer', 'F-EX-A'],
        [
          'order',
          orderOf((await pullAs(server, 'analyst', 'orders', '&dealer=F-EX-C'))[0]!.values.lineId),
        ],
      ],
    );
    const dealer = found.differences[0]!;
    assert.ok(dealer.kind === 'dealer' && dealer.stored && dealer.ledger);
    assert.equal(dealer.stored.receivables - dealer.ledger.receivables, 12_345);
    assert.equal(
      (await rebuildExposure(db)).differences.length,
      2,
      'a check alone changes nothing',
    );
    const repaired = await rebuildExposure(db, { repair: true });
    assert.equal(repaired.repaired, true);
    assert.deepEqual((await rebuildExposure(db)).differences, []);
    assert.deepEqual(await loadExposure(db, 'F-EX-A'), kept);
    await assertInStep(server, ['F-EX-A', 'F-EX-C']);
  });

  it('is filled from the ledger when its migration runs on a store that has history', async () => {
    const dealers = ['F-EX-A', 'F-EX-B', 'F-EX-C'];
    const db = server.store.db;
    const kept = await Promise.all(dealers.map((dealer) => loadExposure(db, dealer)));
    // Back to the schema before migration 31, with the history kept (the last test here).
    for (const statement of [
      sql`DROP TABLE dealer_exposure`,
      sql`DROP TABLE order_exposure`,
      sql`DROP INDEX orders_ref`,
      sql`DROP INDEX idempotency_created`,
      sql`DROP INDEX applied_mutations_created`,
      sql`ALTER TABLE records DROP COLUMN category`,
      sql`ALTER TABLE records DROP COLUMN region_code`,
      sql`DELETE FROM schema_migrations WHERE version = 31`,
    ])
      await statement.execute(db);
    const upgraded = await openMigratedStore(server.location);
    try {
      assert.deepEqual((await rebuildExposure(upgraded.db)).differences, []);
      assert.deepEqual(
        await Promise.all(dealers.map((dealer) => loadExposure(upgraded.db, dealer))),
        kept,
      );
      const dealer = await upgraded.db
        .selectFrom('records')
        .select(['region_code', 'category'])
        .where('dataset', '=', 'dealers')
        .where('id', '=', 'F-EX-A')
        .executeTakeFirstOrThrow();
      assert.deepEqual(dealer, { region_code: 'SH', category: null });
    } finally {
      await upgraded.close();
    }
  });
});
