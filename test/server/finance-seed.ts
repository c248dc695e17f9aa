// Helpers for the finance tests (no tests here: mocha loads only *.test.ts).
// A real server with the finance datasets, the fixture master data, two clean-priced SKUs
// (FIN-BOX ¥1,000 and FIN-FEN ¥0.01) in stock, and shortcuts to order, ship, push and pull.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { fixedNow, orderLine, seedSalesData, TODAY } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';

export { fixedNow, TODAY };
export const BOX = 100_000;

export interface PushRow {
  values?: Record<string, unknown>;
  rowKey?: string;
  op?: 'upsert' | 'delete';
  baseVersion?: number;
}

export interface PushFlags {
  atomic?: boolean;
  dryRun?: boolean;
  options?: Record<string, boolean>;
  workbookId?: string;
  clientId?: string;
}

export async function startFinanceServer(now = fixedNow): Promise<TestServer> {
  const server = await startTestServer({ now });
  await seedFinance(server);
  return server;
}

/** The fixture master data and the two finance SKUs in stock, on a running server. */
export async function seedFinance(server: TestServer): Promise<void> {
  await seedSalesData(server);
  const product = (skuCode: string, dealerPrice: number) => ({
    skuCode,
    name: skuCode,
    styleCode: skuCode,
    colour: '黑',
    size: 'F',
    unit: '件',
    listPrice: dealerPrice,
    dealerPrice,
    packSize: 1,
    safetyStock: 0,
    category: '测试',
    status: 'active',
  });
  await must(server, 'manager', 'products', [product('FIN-BOX', BOX), product('FIN-FEN', 1)]);
  const stock = (skuCode: string) => ({
    date: TODAY,
    locationCode: 'WH-E',
    skuCode,
    quantity: 5_000,
  });
  await must(server, 'warehouse', 'goods-receipts', [stock('FIN-BOX'), stock('FIN-FEN')]);
}

/** Pushes rows as a role with the add-in's flags; returns the HTTP answer. */
export async function pushAs(
  server: TestServer,
  role: Role,
  dataset: string,
  rows: PushRow[],
  flags: PushFlags = {},
) {
  const mutations = rows.map((row) => ({
    mutationId: randomUUID(),
    op: row.op ?? 'upsert',
    rowKey: row.rowKey ?? randomUUID(),
    ...(row.baseVersion === undefined ? {} : { baseVersion: row.baseVersion }),
    values: row.values ?? {},
  }));
  const { workbookId = 'wb-fin', clientId = 'client-fin', ...rest } = flags;
  const body = { workbookId, clientId, dataset, mutations, ...rest };
  return server.call(role, '/api/v1/sync/push', {
    body,
    headers: { 'idempotency-key': randomUUID() },
  });
}

/** Pushes values and asserts every row was applied; returns the canonical ids. */
export async function must(
  server: TestServer,
  role: Role,
  dataset: string,
  values: Record<string, unknown>[],
  flags: PushFlags = {},
) {
  const res = await pushAs(
    server,
    role,
    dataset,
    values.map((v) => ({ values: v })),
    flags,
  );
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.summary.applied, values.length, JSON.stringify(res.body.results));
  return (res.body.results as { id: string }[]).map((r) => r.id);
}

export async function pullAs(server: TestServer, role: Role, dataset: string, query = '') {
  const res = await server.call(role, `/api/v1/sync/pull?dataset=${dataset}${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.rows as {
    key: string;
    values: Record<string, any>;
    op: string;
    version: number;
  }[];
}

export async function addDealer(
  server: TestServer,
  code: string,
  extra: Record<string, unknown> = {},
) {
  const dealer = {
    code,
    name: `${code} 商贸有限公司`,
    regionCode: 'SH',
    channel: 'dealer',
    grade: 'A',
  };
  const values = {
    ...dealer,
    creditLimit: 100_000_000,
    paymentTermsDays: 30,
    status: 'active',
    ...extra,
  };
  await must(server, 'manager', 'dealers', [values]);
}

/** One order of `quantity` FIN-BOX (¥1,000 each) pushed by sales; returns its line id. */
export async function order(
  server: TestServer,
  dealerCode: string,
  quantity: number,
  opts: { release?: boolean } = {},
) {
  const orderRef = `PO-${randomUUID().slice(0, 8)}`;
  const values = orderLine({ dealerCode, orderRef, skuCode: 'FIN-BOX', quantity, unitPrice: BOX });
  // A manager's credit release (the ageing tests build a dealer over its limit on purpose).
  const flags = opts.release ? { options: { releaseCredit: true } } : {};
  const [lineId] = await must(
    server,
    opts.release ? 'manager' : 'sales',
    'orders',
    [values],
    flags,
  );
  return lineId!;
}

/** Ships a line on `date`; returns the invoice id the ledger derives (INV-<shipment id>). */
export async function ship(server: TestServer, lineId: string, quantity: number, date = TODAY) {
  const [shipmentId] = await must(server, 'warehouse', 'shipments', [{ date, lineId, quantity }]);
  return `INV-${shipmentId!}`;
}

export const orderOf = (lineId: string) => lineId.replace(/-\d{2}$/, '');

export function receipt(amount: number, extra: Record<string, unknown> = {}): Record<string, any> {
  return { date: TODAY, payerName: '张三', amount, ...extra };
}

export const codes = (result: { errors: { code: string }[] }) => result.errors.map((e) => e.code);
