import assert from 'node:assert/strict';
import { isValidUscc } from '../../shared/uscc';
import { buildCatalog } from '../../server/demo/catalog';
import { planHistory } from '../../server/demo/history';
import { chunkRows, type DemoRow } from '../../server/demo/pusher';
import { createRandom } from '../../server/demo/random';

const TODAY = '2026-11-27';

function generate(seed: number) {
  const random = createRandom(seed);
  const catalog = buildCatalog(random, TODAY);
  const plan = planHistory(catalog, random.fork('history'), { today: TODAY });
  return { catalog, plan };
}

describe('demo generator', function () {
  this.timeout(60_000);
  const first = generate(7);

  it('gives the same master data and history for the same seed, and different ones for another', () => {
    const again = generate(7);
    assert.equal(JSON.stringify(again.catalog), JSON.stringify(first.catalog));
    assert.equal(JSON.stringify(again.plan), JSON.stringify(first.plan));
    const other = generate(8);
    assert.notEqual(JSON.stringify(other.catalog.dealers), JSON.stringify(first.catalog.dealers));
    assert.notEqual(JSON.stringify(other.plan.days), JSON.stringify(first.plan.days));
  });

  it('makes about forty dealers of every grade and channel with valid credit codes', () => {
    const { dealers } = first.catalog;
    assert.ok(dealers.length >= 35 && dealers.length <= 45, `${dealers.length} dealers`);
    for (const dealer of dealers)
      assert.ok(dealer.uscc && isValidUscc(dealer.uscc), `${dealer.code} ${dealer.uscc}`);
    assert.equal(new Set(dealers.map((d) => d.code)).size, dealers.length);
    assert.equal(new Set(dealers.map((d) => d.name)).size, dealers.length);
    assert.deepEqual(new Set(dealers.map((d) => d.grade)), new Set(['A', 'B', 'C']));
    const channels = (c: string) => dealers.filter((d) => d.channel === c).length;
    assert.equal(channels('own-store'), 2);
    assert.equal(channels('group-buyer'), 1);
    assert.ok(channels('key-account') >= 2 && channels('dealer') > 25);
    const inactive = dealers.filter((d) => d.status === 'inactive').length;
    assert.ok(inactive >= 1 && inactive <= 2);
    assert.ok(
      dealers.every((d) => [30, 45, 60].includes(d.paymentTermsDays) && d.creditLimit % 100 === 0),
    );
  });

  it('makes about 300 SKUs priced for dealers at 55–65% of list in whole yuan', () => {
    const { products } = first.catalog;
    assert.ok(products.length >= 280 && products.length <= 320, `${products.length} SKUs`);
    assert.equal(new Set(products.map((p) => p.skuCode)).size, products.length);
    const styles = new Set(products.map((p) => p.styleCode));
    assert.ok(styles.size >= 20 && styles.size <= 30);
    for (const p of products) {
      const rate = p.dealerPrice / p.listPrice;
      assert.ok(rate >= 0.545 && rate <= 0.655, `${p.skuCode} ${rate}`);
      assert.equal(p.dealerPrice % 100, 0);
      assert.ok([1, 2, 5, 10].includes(p.packSize));
      assert.equal(p.safetyStock % p.packSize, 0);
    }
  });

  it('plans orders in whole packs across twelve months, with fairs and group orders', () => {
    const { plan, catalog } = first;
    const packs = new Map(catalog.products.map((p) => [p.skuCode, p.packSize]));
    const lines = plan.days.flatMap((d) => d.orders);
    assert.ok(lines.length >= 6_000 && lines.length <= 12_000, `${lines.length} lines`);
    for (const line of lines)
      assert.equal(Number(line.values.quantity) % (packs.get(String(line.values.skuCode)) ?? 0), 0);
    const types = new Set(lines.map((l) => l.values.orderType));
    assert.deepEqual(types, new Set(['normal', 'replenishment', 'fair', 'group']));
    const months = new Set(lines.map((l) => String(l.values.orderDate).slice(0, 7)));
    assert.ok(months.size >= 12, `${months.size} months`);
    assert.equal(plan.fairs.length, 2);
  });

  it('plans the money: grade-C deposits before shipping, unique bank lines, receipts paid out', () => {
    const { plan, catalog } = first;
    const grades = new Map(catalog.dealers.map((d) => [d.code, d.grade]));
    const receipts = plan.days.flatMap((d) => d.bankReceipts);
    const allocations = plan.days.flatMap((d) => d.allocations);
    assert.ok(receipts.length >= 300 && allocations.length > receipts.length);
    assert.equal(new Set(receipts.map((r) => r.values.bankRef)).size, receipts.length);
    const depositDay = new Map<string, string>();
    for (const day of plan.days)
      for (const a of day.allocations)
        if (a.targetKind === 'order-deposit') depositDay.set(a.targetKey ?? '', day.date);
    assert.ok(depositDay.size > 0);
    assert.ok(
      [...depositDay.keys()].every((group) => grades.get(group.split('|')[0] ?? '') === 'C'),
    );
    const groupOf = new Map(plan.days.flatMap((d) => d.orders.map((o) => [o.rowKey, o.group])));
    for (const day of plan.days) {
      for (const shipment of day.shipments) {
        const group = groupOf.get(shipment.lineKey) ?? '';
        if (grades.get(group.split('|')[0] ?? '') !== 'C') continue;
        const paid = depositDay.get(group);
        assert.ok(
          paid !== undefined && paid < day.date,
          `${group} ships ${day.date}, deposit ${paid}`,
        );
      }
    }
    // What finance allocates of a bank line never exceeds the line.
    const amounts = new Map(receipts.map((r) => [r.rowKey, r.values.amount]));
    const allocated = new Map<string, number>();
    for (const a of allocations)
      if (a.receiptKey) allocated.set(a.receiptKey, (allocated.get(a.receiptKey) ?? 0) + a.amount);
    for (const [key, sum] of allocated) assert.ok(sum <= (amounts.get(key) ?? 0), key);
  });

  it('never splits an order across two pushes', () => {
    const rows: DemoRow[] = [1, 1, 2, 2, 2, 3].map((g, i) => ({
      rowKey: `k${i}`,
      group: `g${g}`,
      values: {},
    }));
    assert.deepEqual(
      chunkRows(rows, 4).map((c) => c.map((r) => r.group)),
      [
        ['g1', 'g1'],
        ['g2', 'g2', 'g2', 'g3'],
      ],
    );
  });
});
