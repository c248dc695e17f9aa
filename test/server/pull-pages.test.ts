// A pull page reads the products and dealers of its own rows, never the whole catalogue: here
// every product and dealer outside the pages holds data that cannot be parsed, so a pull that
// read them would fail. Filters by category and region still work, through the real columns
// kept beside the JSON, and follow a product that moves to another category.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { suiteServer } from '../support/server';
import { fixedNow, orderRow, products, push, seedSalesData } from '../support/fixtures';

type PullRow = { key: string; op: string; values: Record<string, unknown> };

describe('pull pages read only their own rows', () => {
  const server = suiteServer({ now: fixedNow });
  before(async () => {
    await seedSalesData(server);
    const res = await push(server, { dataset: 'orders', rows: [orderRow('PO-PG1', 2)] });
    assert.equal(res.body.summary.applied, 1, JSON.stringify(res.body.results));
    // A large catalogue beside the pages: unreadable on purpose.
    await sql`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
      INSERT INTO records (dataset, row_key, id, version, change_seq, deleted, data, updated_at,
        updated_by, category, region_code)
      SELECT CASE WHEN i % 2 = 0 THEN 'products' ELSE 'dealers' END, 'junk-' || i, 'JUNK-' || i,
        1, 0, 0, 'not json', '', '', CASE WHEN i % 2 = 0 THEN 'T恤' END,
        CASE WHEN i % 2 = 1 THEN 'HD' END FROM n`.execute(server.store.db);
  });

  const pull = async (dataset: string, query = '') => {
    const res = await server.call('manager', `/api/v1/sync/pull?dataset=${dataset}${query}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return (res.body as { rows: PullRow[] }).rows;
  };
  const keys = (rows: PullRow[]) => rows.map((r) => r.key).sort();

  it('pulls stock, whole or by category, reading only the products of the page', async () => {
    assert.equal((await pull('stock')).length, 4);
    assert.deepEqual(keys(await pull('stock', `&category=${encodeURIComponent('T恤')}`)), [
      'WH-E|TEE-BLK-L',
      'WH-E|TEE-BLK-M',
      'WH-S|TEE-BLK-M',
    ]);
  });

  it('pulls orders by region reading only the dealers of the page', async () => {
    assert.equal((await pull('orders', '&region=HD')).length, 1);
    assert.equal((await pull('orders', '&region=HN')).length, 0);
  });

  it('pulls sales facts by region and category reading only the page', async () => {
    const query = `&region=HD&category=${encodeURIComponent('T恤')}`;
    const [fact] = await pull('sales-facts', query);
    assert.deepEqual([fact?.values.dealerCode, fact?.values.category], ['D-SH01', 'T恤']);
    assert.equal((await pull('sales-facts', '&region=HN')).length, 0);
  });

  it('follows a product into another category', async () => {
    const [row] = (await pull('products')).filter((r) => r.values.skuCode === 'SOCK-WHT-F');
    const sock = products.find((p) => p.skuCode === 'SOCK-WHT-F');
    const res = await push(server, {
      dataset: 'products',
      role: 'manager',
      rows: [{ rowKey: row!.key, baseVersion: 1, values: { ...sock, category: 'T恤' } }],
    });
    assert.equal(res.body.summary.applied, 1, JSON.stringify(res.body.results));
    const tees = keys(await pull('stock', `&category=${encodeURIComponent('T恤')}`));
    assert.ok(tees.includes('WH-E|SOCK-WHT-F'), tees.join());
    assert.deepEqual(await pull('stock', `&category=${encodeURIComponent('配件')}`), []);
  });
});
