// A real server with one project (P1, holds kept 3 days), one building (B1) and a few units, a
// clock the tests move, and push/pull helpers for the estate datasets.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import { startTestServer, type TestServer } from '../support/server';

export interface EstateServer extends TestServer {
  setNow: (iso: string) => void;
}

export const START = '2026-11-27T02:00:00.000Z';

/** 89.50 m² at ¥32,000.00/m² list. */
export const unit = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  buildingCode: 'B1',
  floor: 8,
  room: code.slice(-4),
  grossArea: 8_950,
  netArea: 7_123,
  listUnitPrice: 3_200_000,
  status: 'available',
  ...extra,
});

export async function startEstateServer(units: string[] = ['B1-0801', 'B1-0802']) {
  let now = new Date(START);
  const server = await startTestServer({ now: () => now, deps: { tokenHours: 24 * 90 } });
  const estate: EstateServer = { ...server, setNow: (iso) => (now = new Date(iso)) };
  await must(estate, 'manager', 'estate-projects', [
    { code: 'P1', name: '滨江一号', holdDays: 3, status: 'active' },
  ]);
  await must(estate, 'manager', 'estate-buildings', [
    { code: 'B1', projectCode: 'P1', name: '1栋', status: 'active' },
  ]);
  await must(
    estate,
    'manager',
    'estate-units',
    units.map((code) => unit(code, { status: 'unreleased' })),
    units.map((code) => `unit-${code}`),
  );
  const released = units.map((code) => ({
    rowKey: `unit-${code}`,
    baseVersion: 1,
    values: unit(code),
  }));
  const res = await pushAs(estate, 'manager', 'estate-units', released);
  assert.equal(res.body.summary.applied, units.length, JSON.stringify(res.body));
  return estate;
}

export interface PushRow {
  values?: Record<string, unknown>;
  rowKey?: string;
  baseVersion?: number;
  op?: 'upsert' | 'delete';
}

export async function pushAs(
  server: TestServer,
  role: Role,
  dataset: string,
  rows: PushRow[],
  options: { locale?: string; options?: Record<string, unknown>; atomic?: boolean } = {},
) {
  const mutations = rows.map((row) => ({
    mutationId: randomUUID(),
    op: row.op ?? 'upsert',
    rowKey: row.rowKey ?? randomUUID(),
    ...(row.baseVersion === undefined ? {} : { baseVersion: row.baseVersion }),
    values: row.values ?? {},
  }));
  const body = {
    workbookId: `wb-${role}`,
    clientId: `client-${role}`,
    dataset,
    mutations,
    ...(options.options ? { options: options.options } : {}),
    ...(options.atomic ? { atomic: true } : {}),
  };
  return server.call(role, '/api/v1/sync/push', {
    body,
    headers: {
      'idempotency-key': randomUUID(),
      'accept-language': options.locale ?? 'zh-CN',
    },
  });
}

/** Pushes rows and asserts every one was applied; returns the canonical ids. */
export async function must(
  server: TestServer,
  role: Role,
  dataset: string,
  values: Record<string, unknown>[],
  rowKeys: string[] = [],
) {
  const rows = values.map((v, i) => ({ values: v, ...(rowKeys[i] ? { rowKey: rowKeys[i] } : {}) }));
  const res = await pushAs(server, role, dataset, rows);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.summary.applied, values.length, JSON.stringify(res.body.results));
  return (res.body.results as { id: string }[]).map((r) => r.id);
}

export async function pullAs(server: TestServer, role: Role, dataset: string, query = '') {
  const res = await server.call(role, `/api/v1/sync/pull?dataset=${dataset}${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.rows as { key: string; values: Record<string, any>; version: number }[];
}

export async function unitStatus(server: TestServer, code: string): Promise<string> {
  const rows = await pullAs(server, 'manager', 'estate-units');
  return rows.find((r) => r.values.code === code)?.values.status as string;
}

/** A lump-sum subscription at list price: 89.50 m² × ¥32,000.00 = ¥2,864,000.00. */
export const subscription = (unitCode: string, extra: Record<string, unknown> = {}) => ({
  unitCode,
  buyerName: '张三',
  buyerIdNumber: '110101199001011234',
  buyerPhone: '13800000000',
  paymentMethod: 'lump-sum',
  deposit: 5_000_000,
  downPayment: 281_400_000,
  ...extra,
});
