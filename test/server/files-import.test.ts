import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { serverPerTest } from '../support/server';
import {
  download,
  firstSheetRows,
  pullAll,
  upload,
  workbook,
  XLSX_TYPE,
  type Cell,
} from '../fixtures/xlsx/workbooks';

const HEADERS = [
  '品名',
  '经销价（元）',
  'ＳＫＵ',
  ' 款 号 ',
  '颜色',
  '尺码',
  '品类',
  '单位',
  '吊牌价',
  '装箱数',
  '安全库存',
  '状态',
];

/** One products row in HEADERS order. */
const product = (
  sku: string,
  overrides: Partial<Record<'packSize' | 'listPrice' | 'name', Cell>> = {},
): Cell[] => [
  overrides.name ?? `T恤 ${sku}`,
  89.5,
  sku,
  'ST-01',
  '黑',
  'M',
  'T恤',
  '件',
  overrides.listPrice ?? 199,
  overrides.packSize ?? 6,
  10,
  '启用',
];

describe('POST /api/v1/import/:dataset', () => {
  const server = serverPerTest();

  it('finds a header below a title, in another order, with full-width and spaced titles', async () => {
    const bytes = workbook([
      ['2026 春季产品清单'],
      [],
      HEADERS,
      product('SKU-1'),
      product('SKU-2'),
    ]);
    const res = await upload(server, { role: 'manager', dataset: 'products', bytes });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.headerRow, 3);
    assert.deepEqual(
      res.body.mapping.slice(0, 4).map((m: { field: string }) => m.field),
      ['name', 'dealerPrice', 'skuCode', 'styleCode'],
    );
    assert.deepEqual(
      res.body.results.map((r: { row: number; status: string; id: string }) => [
        r.row,
        r.status,
        r.id,
      ]),
      [
        [4, 'applied', 'SKU-1'],
        [5, 'applied', 'SKU-2'],
      ],
    );
    const rows = await pullAll(server, 'products');
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.values.dealerPrice, 8950, 'yuan 89.5 → 8950 fen');
    assert.equal(rows[0]!.values.status, 'active');
  });

  it('reads a number stored as text as a number', async () => {
    const bytes = workbook([HEADERS, product('SKU-1', { packSize: '12', listPrice: '1,299.00' })]);
    const res = await upload(server, { role: 'manager', dataset: 'products', bytes });
    assert.equal(res.body.results[0].status, 'applied', JSON.stringify(res.body.results[0]));
    const [row] = await pullAll(server, 'products');
    assert.equal(row!.values.packSize, 12);
    assert.equal(row!.values.listPrice, 129900);
  });

  it('rejects a formula where a number belongs, for that row only', async () => {
    const formula: Cell = { t: 'n', v: 12, f: 'J3*2' };
    const bytes = workbook([
      HEADERS,
      product('SKU-1'),
      product('SKU-2', { packSize: formula }),
      product('SKU-3'),
    ]);
    const res = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes,
      headers: { 'accept-language': 'en-US' },
    });
    const statuses = res.body.results.map((r: { status: string }) => r.status);
    assert.deepEqual(statuses, ['applied', 'rejected', 'applied']);
    assert.deepEqual(
      res.body.results[1].errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      [['packSize', 'formula-not-allowed']],
    );
    assert.match(res.body.results[1].errors[0].message, /Pack size.*formula/);
    assert.deepEqual((await pullAll(server, 'products')).map((r) => r.values.skuCode).sort(), [
      'SKU-1',
      'SKU-3',
    ]);
  });

  it('refuses a sheet without the required columns with 422 and applies nothing', async () => {
    const bytes = workbook([
      ['品名', '颜色'],
      ['T恤', '黑'],
    ]);
    const res = await upload(server, { role: 'manager', dataset: 'products', bytes });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'file-no-header');
    assert.ok(res.body.error.details.missing.includes('skuCode'));
    assert.match(res.body.error.message, /产品编码/);
    assert.equal((await pullAll(server, 'products')).length, 0);
  });

  it('creates nothing twice when the same file is imported twice', async () => {
    const bytes = workbook([HEADERS, product('SKU-1'), product('SKU-2')]);
    const first = await upload(server, { role: 'manager', dataset: 'products', bytes });
    const second = await upload(server, { role: 'manager', dataset: 'products', bytes });
    assert.equal(first.body.summary.applied, 2);
    assert.equal(second.body.summary.unchanged, 2);
    assert.equal((await pullAll(server, 'products')).length, 2);
  });

  it('lets managers import master data and refuses sales and analysts', async () => {
    const bytes = workbook([HEADERS, product('SKU-1')]);
    for (const role of ['sales', 'analyst'] as const) {
      const res = await upload(server, { role, dataset: 'products', bytes });
      assert.equal(res.status, 403, role);
      assert.equal(res.body.error.code, 'forbidden');
    }
    assert.equal((await upload(server, { role: 'admin', dataset: 'products', bytes })).status, 200);
    assert.equal((await upload(server, { role: null, dataset: 'products', bytes })).status, 401);
  });

  it('applies nothing in atomic mode when one row is bad, and nothing on a dry run', async () => {
    const bytes = workbook([HEADERS, product('SKU-1'), product('SKU-2', { packSize: 'six' })]);
    const atomic = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes,
      query: 'atomic=1',
    });
    assert.deepEqual(
      atomic.body.results.map((r: { errors: { code: string }[] }) => r.errors[0]?.code),
      ['atomic-aborted', 'invalid-number'],
    );
    const good = workbook([HEADERS, product('SKU-1')]);
    const dry = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes: good,
      query: 'dryRun=1',
    });
    assert.equal(dry.body.results[0].status, 'applied');
    assert.equal(dry.body.dryRun, true);
    assert.equal((await pullAll(server, 'products')).length, 0);
  });

  it('answers with the same workbook and a result column when format=xlsx', async () => {
    const bytes = workbook([HEADERS, product('SKU-1'), product('SKU-2', { packSize: 'six' })]);
    const res = await download(server, '/api/v1/import/products?format=xlsx', {
      role: 'manager',
      method: 'POST',
      body: bytes,
      headers: { 'content-type': XLSX_TYPE },
    });
    assert.equal(res.status, 200);
    const rows = firstSheetRows(res.bytes);
    const column = HEADERS.length;
    assert.equal(rows[0]![column]?.v, '导入结果');
    assert.equal(rows[1]![column]?.v, '已接受：SKU-1');
    assert.match(String(rows[2]![column]?.v), /包装数.*数字/);
    assert.equal(rows[1]![2]?.v, 'SKU-1', 'the user’s own cells are kept');
  });

  it('replays the same Idempotency-Key and refuses it for another file', async () => {
    const key = randomUUID();
    const bytes = workbook([HEADERS, product('SKU-1')]);
    const first = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes,
      headers: { 'idempotency-key': key },
    });
    const again = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes,
      headers: { 'idempotency-key': key },
    });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const other = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes: workbook([HEADERS, product('SKU-9')]),
      headers: { 'idempotency-key': key },
    });
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'idempotency-key-reused');
  });

  it('imports more rows than one push holds in batches, all or nothing when atomic', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => product(`SKU-${i}`));
    const bad = workbook([HEADERS, ...rows.slice(0, 2499), product('SKU-X', { listPrice: -5 })]);
    const atomic = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes: bad,
      query: 'atomic=1',
    });
    assert.equal(atomic.body.summary.rejected, 2500);
    assert.equal((await pullAll(server, 'products')).length, 0);
    const res = await upload(server, {
      role: 'manager',
      dataset: 'products',
      bytes: workbook([HEADERS, ...rows]),
    });
    assert.equal(res.body.summary.applied, 2500);
    assert.equal((await pullAll(server, 'products')).length, 2500);
  });
});
