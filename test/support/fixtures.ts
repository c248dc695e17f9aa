// A small master-data set pushed through the real push endpoint, as a manager would: regions
// 华东 (with 上海 below it) and 华南, three dealers (one inactive), four SKUs with pack sizes and
// dealer prices (one inactive), two warehouses serving their regions, and opening stock pushed
// by the warehouse as goods receipts. Plus helpers to push rows and sign in as other users.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { addUser } from '../../server/services/users';
import { PASSWORD, TEST_PASSWORD_PARAMS, type TestServer } from './server';

/** 10:00 in Shanghai on 2026-11-27: business date '2026-11-27', ids SO-20261127-…. */
export const fixedNow = () => new Date('2026-11-27T02:00:00Z');
export const TODAY = '2026-11-27';

export const regions = [
  { code: 'HD', name: '华东', status: 'active' },
  { code: 'SH', name: '上海', parentCode: 'HD', status: 'active' },
  { code: 'HN', name: '华南', status: 'active' },
];

const dealer = (code: string, regionCode: string, status: 'active' | 'inactive') => ({
  code,
  name: `${code} 服饰`,
  regionCode,
  channel: 'dealer',
  grade: 'A',
  creditLimit: 50_000_000,
  paymentTermsDays: 30,
  status,
});
export const dealers = [
  dealer('D-SH01', 'SH', 'active'),
  dealer('D-HN01', 'HN', 'active'),
  dealer('D-HD99', 'HD', 'inactive'),
];

const product = (
  skuCode: string,
  extra: {
    dealerPrice: number;
    packSize: number;
    safetyStock: number;
    category: string;
    status?: string;
  },
) => ({
  skuCode,
  name: `${skuCode} 商品`,
  styleCode: skuCode.split('-')[0] ?? skuCode,
  colour: '黑',
  size: skuCode.split('-')[2] ?? 'F',
  unit: '件',
  listPrice: extra.dealerPrice * 2,
  status: 'active',
  ...extra,
});
export const products = [
  product('TEE-BLK-M', { dealerPrice: 19990, packSize: 1, safetyStock: 10, category: 'T恤' }),
  product('TEE-BLK-L', { dealerPrice: 19990, packSize: 1, safetyStock: 5, category: 'T恤' }),
  product('SOCK-WHT-F', { dealerPrice: 1500, packSize: 6, safetyStock: 12, category: '配件' }),
  product('OLD-JKT-F', {
    dealerPrice: 59900,
    packSize: 1,
    safetyStock: 0,
    category: '外套',
    status: 'inactive',
  }),
];

export const locations = [
  { code: 'WH-E', name: '华东仓', kind: 'warehouse', servesRegions: 'HD', status: 'active' },
  { code: 'WH-S', name: '华南仓', kind: 'warehouse', servesRegions: 'HN', status: 'active' },
];

/** Opening stock per location × SKU. */
export const openingStock = [
  { locationCode: 'WH-E', skuCode: 'TEE-BLK-M', quantity: 100 },
  { locationCode: 'WH-E', skuCode: 'TEE-BLK-L', quantity: 20 },
  { locationCode: 'WH-E', skuCode: 'SOCK-WHT-F', quantity: 60 },
  { locationCode: 'WH-S', skuCode: 'TEE-BLK-M', quantity: 30 },
];

export interface Row {
  values?: Record<string, unknown>;
  rowKey?: string;
  op?: 'upsert' | 'delete';
  baseVersion?: number;
  mutationId?: string;
}

export interface PushRequest {
  dataset: string;
  rows: readonly Row[];
  /** Signs in as this role's user (default manager)… */
  role?: Role;
  /** …or with this token (e.g. from signInAs). */
  token?: string;
  key?: string;
  clientId?: string;
  workbookId?: string;
}

/** The body the add-in would send; row keys and mutation ids are made up when absent. */
export function pushBody(request: PushRequest) {
  const mutations = request.rows.map((row) => ({
    mutationId: row.mutationId ?? randomUUID(),
    op: row.op ?? 'upsert',
    rowKey: row.rowKey ?? randomUUID(),
    ...(row.baseVersion === undefined ? {} : { baseVersion: row.baseVersion }),
    values: row.values ?? {},
  }));
  const workbookId = request.workbookId ?? 'wb-1';
  return {
    workbookId,
    clientId: request.clientId ?? 'client-1',
    dataset: request.dataset,
    mutations,
  };
}

export async function push(server: TestServer, request: PushRequest) {
  const headers: Record<string, string> = { 'idempotency-key': request.key ?? randomUUID() };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const role = request.token ? null : (request.role ?? 'manager');
  return server.call(role, '/api/v1/sync/push', { body: pushBody(request), headers });
}

async function pushAll(
  server: TestServer,
  request: { dataset: string; rows: Record<string, unknown>[]; role: Role },
) {
  const res = await push(server, { ...request, rows: request.rows.map((values) => ({ values })) });
  const applied = res.body?.summary?.applied as number | undefined;
  if (res.status !== 200 || applied !== request.rows.length) {
    throw new Error(`seeding ${request.dataset} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res;
}

/** Pushes the master data and the opening stock; throws when any row is not applied. */
export async function seedSalesData(server: TestServer): Promise<void> {
  await pushAll(server, { dataset: 'regions', rows: regions, role: 'manager' });
  await pushAll(server, { dataset: 'dealers', rows: dealers, role: 'manager' });
  await pushAll(server, { dataset: 'products', rows: products, role: 'manager' });
  await pushAll(server, { dataset: 'locations', rows: locations, role: 'manager' });
  const receipts = openingStock.map((s) => ({ ...s, date: TODAY, ref: `OPEN-${s.locationCode}` }));
  await pushAll(server, { dataset: 'goods-receipts', rows: receipts, role: 'warehouse' });
}

/** Adds a user (e.g. a sales assistant limited to regions) and returns a bearer token for them. */
export async function signInAs(
  server: TestServer,
  user: { username: string; role: Role; regions?: string[] },
): Promise<string> {
  await addUser(server.store.db, { ...user, password: PASSWORD }, fixedNow(), TEST_PASSWORD_PARAMS);
  const res = await server.call(null, '/api/v1/auth/login', {
    body: { username: user.username, password: PASSWORD },
  });
  return (res.body as { token: string }).token;
}

/** One order line as sheet values; price defaults to the SKU's dealer price. */
export function orderLine(
  values: { dealerCode: string; orderRef: string; skuCode: string; quantity: number } & Record<
    string,
    unknown
  >,
) {
  const price = products.find((p) => p.skuCode === values.skuCode)?.dealerPrice ?? 100;
  return {
    orderDate: TODAY,
    orderType: 'normal',
    unitPrice: price,
    locationCode: 'WH-E',
    ...values,
  };
}

/** A pushed order row for D-SH01 from WH-E, TEE-BLK-M unless `extra` says otherwise. */
export function orderRow(
  orderRef: string,
  quantity: number,
  extra: Record<string, unknown> = {},
): Row {
  return {
    values: orderLine({ dealerCode: 'D-SH01', orderRef, skuCode: 'TEE-BLK-M', quantity, ...extra }),
  };
}

/** The stock pull as a map `${location}|${sku}` → values. */
export async function stockByKey(server: TestServer) {
  const res = await server.call('analyst', '/api/v1/sync/pull?dataset=stock');
  const rows = res.body.rows as {
    key: string;
    values: {
      onHand: number;
      reserved: number;
      inTransit: number;
      available: number;
      belowSafety: boolean;
    };
  }[];
  return new Map(rows.map((r) => [r.key, r.values]));
}

/** Order lines in the store (the duplicate guards' tests count them). */
export async function countOrderLines(server: TestServer): Promise<number> {
  const row = await server.store.db
    .selectFrom('order_lines')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
