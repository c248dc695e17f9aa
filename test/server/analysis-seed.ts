// Seed for the analysis tests, pushed through the real API as users would: master data
// (manager), goods receipts and shipments (warehouse), orders (manager). Worked numbers:
// S1 costs 100 yuan (10000 fen), S2 200 yuan, S3 50 yuan; one warehouse WH1.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../shared/roles';
import type { TestServer } from '../support/server';

/** The server's clock: 2025-03-31 12:00 in Shanghai. */
export const NOW = new Date('2025-03-31T04:00:00Z');

type Values = Record<string, unknown>;

export async function push(
  server: TestServer,
  role: Role,
  dataset: string,
  rows: Values[],
  baseVersion?: number,
) {
  const mutations = rows.map((values) => ({
    mutationId: randomUUID(),
    op: 'upsert',
    rowKey: typeof values._key === 'string' ? values._key : randomUUID(),
    ...(baseVersion === undefined ? {} : { baseVersion }),
    values,
  }));
  const body = { workbookId: 'wb-analysis', clientId: `c-${role}`, dataset, mutations };
  return server.call(role, '/api/v1/sync/push', {
    body,
    headers: { 'idempotency-key': randomUUID() },
  });
}

/** Pushes and insists every row applied; returns the canonical ids. */
export async function pushOk(
  server: TestServer,
  role: Role,
  dataset: string,
  rows: Values[],
): Promise<string[]> {
  const res = await push(server, role, dataset, rows);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  for (const r of res.body.results)
    assert.equal(r.status, 'applied', `${dataset}: ${JSON.stringify(r.errors)}`);
  return res.body.results.map((r: { id: string }) => r.id);
}

/** Pulls every page of a dataset; returns rows by key and the last cursor. */
export async function pullAll(server: TestServer, role: Role, query: string) {
  const rows = new Map<
    string,
    { key: string; version: number; op: string; values: Record<string, any> }
  >();
  let cursor: string | undefined;
  let last: any;
  do {
    const res = await server.call(
      role,
      `/api/v1/sync/pull?${query}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    last = res.body;
    for (const row of last.rows) rows.set(row.key, row);
    cursor = last.cursor;
  } while (last.hasMore);
  return { rows, cursor: cursor!, body: last };
}

const product = (
  skuCode: string,
  styleCode: string,
  colour: string,
  size: string,
  extra: Values,
) => ({
  skuCode,
  name: `${styleCode} ${colour} ${size}`,
  styleCode,
  colour,
  size,
  unit: '件',
  listPrice: 0,
  status: 'active',
  ...extra,
});

export async function seedMasters(server: TestServer): Promise<void> {
  await pushOk(server, 'manager', 'regions', [{ code: 'HD', name: '华东' }]);
  await pushOk(server, 'manager', 'regions', [
    { code: 'SH', name: '上海', parentCode: 'HD' },
    { code: 'JS', name: '江苏', parentCode: 'HD' },
  ]);
  const dealer = (code: string, regionCode: string, grade: string) => ({
    code,
    name: `经销商${code}`,
    regionCode,
    channel: 'dealer',
    grade,
    creditLimit: 100_000_000,
    paymentTermsDays: 30,
    status: 'active',
  });
  await pushOk(server, 'manager', 'dealers', [
    dealer('D1', 'SH', 'B'),
    dealer('D2', 'JS', 'A'),
    dealer('D3', 'SH', 'C'),
  ]);
  await pushOk(server, 'manager', 'products', [
    product('S1-BLK-M', 'S1', 'BLK', 'M', {
      category: '衬衫',
      dealerPrice: 10_000,
      packSize: 6,
      safetyStock: 10,
    }),
    product('S1-BLK-L', 'S1', 'BLK', 'L', {
      category: '衬衫',
      dealerPrice: 10_000,
      packSize: 6,
      safetyStock: 10,
    }),
    product('S2-RED-M', 'S2', 'RED', 'M', {
      category: '裤子',
      dealerPrice: 20_000,
      packSize: 12,
      safetyStock: 0,
    }),
    product('S3-BLU-M', 'S3', 'BLU', 'M', {
      category: '裤子',
      dealerPrice: 5_000,
      packSize: 12,
      safetyStock: 20,
    }),
  ]);
  await pushOk(server, 'manager', 'locations', [
    { code: 'WH1', name: '总仓', kind: 'warehouse', status: 'active' },
  ]);
}

const order = (
  ref: string,
  dealerCode: string,
  orderDate: string,
  skuCode: string,
  quantity: number,
  unitPrice: number,
  requestedDate: string,
) => ({
  orderRef: ref,
  dealerCode,
  orderDate,
  orderType: 'normal',
  skuCode,
  quantity,
  unitPrice,
  locationCode: 'WH1',
  requestedDate,
});

export interface Seeded {
  /** Order line ids by a short name. */
  lines: Record<string, string>;
}

/**
 * 2024: D1 bought 60 × S1 (600000 fen), D2 120 × S1 (1200000 fen) — last year's shares 1 : 2.
 * 2025: D1's order of 2024-12-30 (60 × S1) half shipped on 2025-01-02 (300000 fen);
 * D2 shipped 12 × S2 on 2025-01-20 (240000 fen). S3 at WH1: 200 received 2025-03-01,
 * 120 shipped to D2 on 2025-03-10, 36 more ordered 2025-03-25 and open.
 */
export async function seedSales(server: TestServer): Promise<Seeded> {
  await pushOk(server, 'warehouse', 'goods-receipts', [
    { date: '2024-06-01', locationCode: 'WH1', skuCode: 'S1-BLK-M', quantity: 600 },
    { date: '2024-06-01', locationCode: 'WH1', skuCode: 'S2-RED-M', quantity: 120 },
    { date: '2025-03-01', locationCode: 'WH1', skuCode: 'S3-BLU-M', quantity: 200 },
  ]);
  const [june1, june2] = await pushOk(server, 'manager', 'orders', [
    order('P24-1', 'D1', '2024-06-10', 'S1-BLK-M', 60, 10_000, '2024-06-20'),
    order('P24-2', 'D2', '2024-06-10', 'S1-BLK-M', 120, 10_000, '2024-06-20'),
  ]);
  const [dec, jan, mar, open] = await pushOk(server, 'manager', 'orders', [
    order('P24-9', 'D1', '2024-12-30', 'S1-BLK-M', 60, 10_000, '2025-01-05'),
    order('P25-1', 'D2', '2025-01-15', 'S2-RED-M', 12, 20_000, '2025-01-20'),
    order('P25-3', 'D2', '2025-03-05', 'S3-BLU-M', 120, 5_000, '2025-03-10'),
    order('P25-4', 'D2', '2025-03-25', 'S3-BLU-M', 36, 5_000, '2025-04-30'),
  ]);
  await pushOk(server, 'warehouse', 'shipments', [
    { date: '2024-06-15', lineId: june1, quantity: 60 },
    { date: '2024-06-15', lineId: june2, quantity: 120 },
    { date: '2025-01-02', lineId: dec, quantity: 30 },
    { date: '2025-01-20', lineId: jan, quantity: 12 },
    { date: '2025-03-10', lineId: mar, quantity: 120 },
  ]);
  return { lines: { june1: june1!, june2: june2!, dec: dec!, jan: jan!, mar: mar!, open: open! } };
}
