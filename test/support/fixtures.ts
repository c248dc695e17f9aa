// A small master-data set pushed through the real push endpoint, as a manager would: regions
// 华东 (with 上海 below it) and 华南, three dealers (one inactive), four SKUs with pack sizes and
// dealer prices (one inactive), two warehouses serving their regions, and opening stock pushed
// by the warehouse as goods receipts. Plus helpers to push rows and sign in as other users.
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { addUser } from '../../server/services/users';
import { PASSWORD, type TestServer } from './server';

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

export interface PushOptions {
  role?: Role;
  key?: string;
  clientId?: string;
  workbookId?: string;
  /** Sign in with this token instead of the role's user. */
  token?: string;
}

/** The body the add-in would send; row keys and mutation ids are made up when absent. */
export function pushBody(dataset: string, rows: readonly Row[], options: PushOptions = {}) {
  const mutations = rows.map((row) => ({
    mutationId: row.mutationId ?? randomUUID(),
    op: row.op ?? 'upsert',
    rowKey: row.rowKey ?? randomUUID(),
    ...(row.baseVersion === undefined ? {} : { baseVersion: row.baseVersion }),
    values: row.values ?? {},
  }));
  return {
    workbookId: options.workbookId ?? 'wb-1',
    clientId: options.clientId ?? 'client-1',
    dataset,
    mutations,
  };
}

export async function push(
  server: TestServer,
  dataset: string,
  rows: readonly Row[],
  options: PushOptions = {},
) {
  const headers: Record<string, string> = { 'idempotency-key': options.key ?? randomUUID() };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = pushBody(dataset, rows, options);
  return server.call(options.token ? null : (options.role ?? 'manager'), '/api/v1/sync/push', {
    body,
    headers,
  });
}

async function pushAll(
  server: TestServer,
  dataset: string,
  rows: readonly Record<string, unknown>[],
  role: Role,
) {
  const res = await push(
    server,
    dataset,
    rows.map((values) => ({ values })),
    { role },
  );
  const applied = res.body?.summary?.applied as number | undefined;
  if (res.status !== 200 || applied !== rows.length) {
    throw new Error(`seeding ${dataset} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res;
}

/** Pushes the master data and the opening stock; throws when any row is not applied. */
export async function seedSalesData(server: TestServer): Promise<void> {
  await pushAll(server, 'regions', regions, 'manager');
  await pushAll(server, 'dealers', dealers, 'manager');
  await pushAll(server, 'products', products, 'manager');
  await pushAll(server, 'locations', locations, 'manager');
  const receipts = openingStock.map((s) => ({ ...s, date: TODAY, ref: `OPEN-${s.locationCode}` }));
  await pushAll(server, 'goods-receipts', receipts, 'warehouse');
}

/** Adds a user (e.g. a sales assistant limited to regions) and returns a bearer token for them. */
export async function signInAs(
  server: TestServer,
  user: { username: string; role: Role; regions?: string[] },
): Promise<string> {
  await addUser(server.store.db, { ...user, password: PASSWORD }, fixedNow());
  const res = await server.call(null, '/api/v1/auth/login', {
    body: { username: user.username, password: PASSWORD },
  });
  return (res.body as { token: string }).token;
}

/** One order line as a sheet row; price defaults to the SKU's dealer price. */
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
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
