// Add-in figures over the fake Excel host, no server: validate and mark 10,000 and
// 100,000 order rows beside the zod parse of the same rows alone (the schema work no validator
// can skip); write a 100,000-row stock pull into a new sheet beside the port writing the same
// cells with no planning (no digests, no diff). Syncs and the largest request are counted by the
// fake; the request limit they must stay under is Excel on the web's 5 MB.
import { randomUUID } from 'node:crypto';
import { ApiClient } from '../addin/core/api-client';
import { writeAddinSettings } from '../addin/core/settings';
import { createOfficePort } from '../addin/excel/office-port';
import type { ExcelPort } from '../addin/excel/port';
import type { UseCaseContext } from '../addin/usecases/context';
import { pullDataset } from '../addin/usecases/pull';
import { validateTable } from '../addin/usecases/validate';
import { coreDatasets } from '../shared/datasets';
import { describeDataset, type MetaResponse } from '../shared/meta';
import { limits, type PullRow } from '../shared/protocol';
import {
  FAKE_REQUEST_LIMIT_BYTES,
  installFakeOffice,
  uninstallFakeOffice,
  type FakeWorkbook,
} from '../test/fakes/fake-excel';
import { timeIt, type Row } from './row';

const ORDER_HEADERS = ['单号', '客户编码', '日期', '类型', '货号', '数量', '单价', '仓库'];
const ORDER_FIELDS =
  'orderRef dealerCode orderDate orderType skuCode quantity unitPrice locationCode'.split(' ');
const meta: MetaResponse = {
  limits: { ...limits },
  datasets: coreDatasets
    .filter((d) => d.name === 'orders' || d.name === 'stock')
    .map(describeDataset),
  lists: {
    dealers: Array.from({ length: 200 }, (_, i) => ({ code: `D${i}`, name: `经销商${i}` })),
    products: Array.from({ length: 500 }, (_, i) => ({ code: `SKU-${i}`, name: `商品${i}` })),
    locations: [{ code: 'WH-E', name: '华东仓' }],
  },
};

function context(port: ExcelPort, pages: PullRow[][]): UseCaseContext {
  const api = new ApiClient({
    transport: { send: () => Promise.reject(new Error('offline')) },
    locale: () => 'zh-CN',
    session: () => null,
    onUnauthorized: () => undefined,
  });
  // The pull reads pages from memory: the figure is the add-in's and the host's, not the server's.
  let page = 0;
  api.pull = () =>
    Promise.resolve({
      dataset: 'stock',
      rows: pages[page] ?? [],
      cursor: `c${page}`,
      hasMore: ++page < pages.length,
      reset: false,
    });
  return {
    port,
    api,
    clock: { now: () => new Date('2026-11-27T02:00:00Z') },
    ids: { uuid: randomUUID },
    retry: { attempts: 1, delayMs: 0, sleep: () => Promise.resolve() },
    locale: () => 'zh-CN',
    clientId: () => 'bench-client',
    role: () => 'sales',
    workbookId: () => Promise.resolve('bench-workbook'),
    meta: () => Promise.resolve(meta),
  };
}

function orderRows(count: number): (string | number)[][] {
  return Array.from({ length: count }, (_, i) => [
    `PO-${i >> 2}`,
    `D${i % 200}`,
    '2026-11-27',
    '常规',
    `SKU-${i % 500}`,
    i % 10 === 0 ? 'x' : 1 + (i % 7),
    199.9,
    'WH-E',
  ]);
}

async function bindOrders(workbook: FakeWorkbook, port: ExcelPort, count: number): Promise<void> {
  workbook.addSheet('Orders', [[...ORDER_HEADERS], ...orderRows(count)]);
  const info = await port.ensureTable({
    sheetName: 'Orders',
    address: `A1:H${count + 1}`,
    tableName: 'Orders',
  });
  const columns = ORDER_FIELDS.map((field, i) => ({ header: ORDER_HEADERS[i]!, field }));
  await writeAddinSettings(port, {
    bindings: {
      Orders: { dataset: 'orders', sheetName: 'Orders', tableName: info.tableName, columns },
    },
    currentTable: 'Orders',
  });
}

/** Typed values of an order line, in ORDER_FIELDS order. */
const ZOD_ROW = ['PO', 'D1', '2026-11-27', 'normal', 'SKU-1', 3, 19990, 'WH-E'];

/** The schema work alone: each row's typed values through the orders schema. */
function zodOnly(count: number): number {
  const schema = coreDatasets.find((d) => d.name === 'orders')!.push!.schema;
  const values = Object.fromEntries(ORDER_FIELDS.map((f, k) => [f, ZOD_ROW[k]]));
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i += 1) {
    schema.safeParse({ ...values, orderRef: `PO-${i}`, quantity: i % 10 === 0 ? Number.NaN : 3 });
  }
  return Number(process.hrtime.bigint() - started) / 1e6;
}

interface Measured {
  readonly label: string;
  readonly ms: number;
  readonly syncs: number;
  readonly largestBytes: number;
  readonly baseline: { ms: number; syncs: number; name: string; syncName: string };
}

/** Time, syncs and the largest request of one measure, each beside its baseline. */
function figures(m: Measured): Row[] {
  const limit = FAKE_REQUEST_LIMIT_BYTES / 1e6;
  const list: [string, number, string, number, string][] = [
    [m.label, m.ms, 'ms', m.baseline.ms, m.baseline.name],
    [`${m.label}: syncs`, m.syncs, 'syncs', m.baseline.syncs, m.baseline.syncName],
    [`${m.label}: largest request`, m.largestBytes / 1e6, 'MB', limit, 'Excel on the web limit'],
  ];
  return list.map(([name, value, unit, baseline, baselineName]) => ({
    name,
    value,
    unit,
    baseline,
    baselineName,
  }));
}

async function benchValidate(count: number): Promise<Row[]> {
  const workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
  const port = createOfficePort();
  await bindOrders(workbook, port, count);
  const before = workbook.syncCount;
  const { ms } = await timeIt(() => validateTable(context(port, [])));
  const syncs = workbook.syncCount - before;
  const largest = workbook.largestRequestBytes;
  uninstallFakeOffice(globalThis);
  return figures({
    label: `validate + mark ${count.toLocaleString('en-US')} rows`,
    ms,
    syncs,
    largestBytes: largest,
    baseline: {
      ms: zodOnly(count),
      syncs: count,
      name: 'zod safeParse of the same rows only',
      syncName: 'one sync per row',
    },
  });
}

/** One stock balance, in the pull schema's field order. */
function stockValues(i: number): Record<string, string | number | boolean> {
  const onHand = i % 97;
  const [location, sku] = [`WH-${i % 50}`, `SKU-${i}`];
  const text = {
    locationCode: location,
    skuCode: sku,
    productName: `商品${i}`,
    styleCode: `S${i % 900}`,
    colour: '黑',
    size: 'M',
  };
  return {
    ...text,
    onHand,
    reserved: 0,
    inTransit: 0,
    available: onHand,
    safetyStock: 10,
    belowSafety: onHand < 10,
  };
}

function stockPages(count: number): PullRow[][] {
  const rows = Array.from({ length: count }, (_, i): PullRow => ({
    key: `WH-${i % 50}|SKU-${i}`,
    version: 1,
    op: 'upsert',
    values: stockValues(i),
  }));
  const pages: PullRow[][] = [];
  for (let i = 0; i < rows.length; i += limits.maxPullLimit)
    pages.push(rows.slice(i, i + limits.maxPullLimit));
  return pages;
}

/** The host's raw cost: the same number of cells appended by the port, no digest, no plan. */
async function rawWrite(count: number): Promise<{ ms: number; syncs: number }> {
  const workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
  const port = createOfficePort();
  const headers = Array.from({ length: 15 }, (_, i) => `c${i}`);
  workbook.addSheet('Raw', [headers, headers.map(() => null)]);
  workbook.addTable('Raw', 'A1:O2', 'Raw');
  const appends = Array.from({ length: count }, (_, i) => [
    ...Object.values(stockValues(i)),
    null,
    `k${i}`,
    `1#${'abcd'.repeat(12)}`,
  ]);
  const before = workbook.syncCount;
  const { ms } = await timeIt(() =>
    port.writeRows({ tableName: 'Raw', columns: headers, appends }),
  );
  const syncs = workbook.syncCount - before;
  uninstallFakeOffice(globalThis);
  return { ms, syncs };
}

async function benchPull(count: number): Promise<Row[]> {
  const workbook = installFakeOffice(globalThis, { excelApi: '1.18' });
  const before = workbook.syncCount;
  const { ms } = await timeIt(() =>
    pullDataset(context(createOfficePort(), stockPages(count)), 'stock'),
  );
  const syncs = workbook.syncCount - before;
  const largest = workbook.largestRequestBytes;
  uninstallFakeOffice(globalThis);
  const raw = await rawWrite(count);
  const name = 'port appending the same cells, no plan';
  return figures({
    label: `pull ${count.toLocaleString('en-US')} stock rows into a new sheet`,
    ms,
    syncs,
    largestBytes: largest,
    baseline: { ms: raw.ms, syncs: raw.syncs, name, syncName: name },
  });
}

export async function benchAddin(): Promise<Row[]> {
  return [
    ...(await benchValidate(10_000)),
    ...(await benchValidate(100_000)),
    ...(await benchPull(100_000)),
  ];
}
