// Helpers for the returns tests (no tests here: mocha loads only *.test.ts): the finance
// server (FIN-BOX ¥1,000 in stock at WH-E), an order and shipment per case, the returns
// settings, and reads of what a return moves — stock, the dealer's receivable, exposure.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { loadExposure } from '../../server/finance/ledger-exposure';
import { rebuildExposure } from '../../server/services/exposure-rebuild';
import { orderLine } from '../support/fixtures';
import type { TestServer } from '../support/server';
import { BOX, must, pullAs, TODAY } from './finance-seed';

export { BOX, TODAY };

/** Orders `quantity` of `sku` for the dealer at `unitPrice`; returns the line id. */
export async function orderOf(
  server: TestServer,
  dealerCode: string,
  quantity: number,
  opts: { sku?: string; unitPrice?: number } = {},
) {
  const skuCode = opts.sku ?? 'FIN-BOX';
  const orderRef = `PO-${randomUUID().slice(0, 8)}`;
  const values = orderLine({ dealerCode, orderRef, skuCode, quantity, unitPrice: BOX });
  const priced = opts.unitPrice === undefined ? values : { ...values, unitPrice: opts.unitPrice };
  const [lineId] = await must(server, 'manager', 'orders', [priced]);
  return lineId!;
}

/** Ships a line; returns the shipment id (SH-…). */
export async function shipLine(server: TestServer, lineId: string, quantity: number) {
  const [id] = await must(server, 'warehouse', 'shipments', [{ date: TODAY, lineId, quantity }]);
  return id!;
}

export async function setSetting(server: TestServer, setting: string, value: number) {
  await must(server, 'manager', 'returns-settings', [{ setting, value }]);
}

/** One return line as sheet values: restocked at WH-E unless `extra` says otherwise. */
export function returnLine(
  dealerCode: string,
  shipmentId: string,
  quantity: number,
  extra: Record<string, unknown> = {},
) {
  return {
    dealerCode,
    returnRef: `RT-${randomUUID().slice(0, 8)}`,
    date: TODAY,
    shipmentId,
    quantity,
    reason: 'quality',
    disposition: 'restock',
    locationCode: 'WH-E',
    ...extra,
  };
}

export async function onHand(server: TestServer, location: string, sku: string) {
  const rows = await pullAs(server, 'analyst', 'stock');
  const row = rows.find((r) => r.values.locationCode === location && r.values.skuCode === sku);
  return Number(row?.values.onHand ?? 0);
}

export async function receivableOf(server: TestServer, dealerCode: string) {
  const [row] = await pullAs(server, 'finance', 'receivables', `&dealer=${dealerCode}`);
  assert.ok(row, dealerCode);
  return row.values as { outstanding: number; creditBalance: number; openOrderValue: number };
}

/** The kept exposure equals the ledger's figures (what a write that forgot the book breaks). */
export async function assertExposureInStep(server: TestServer, dealerCode: string) {
  const check = await rebuildExposure(server.store.db);
  assert.deepEqual(check.differences, [], JSON.stringify(check.differences));
  const row = await receivableOf(server, dealerCode);
  const kept = await loadExposure(server.store.db, dealerCode);
  assert.equal(kept?.used, row.outstanding + row.openOrderValue);
}

export async function returnsOf(server: TestServer, dealerCode: string) {
  const rows = await pullAs(server, 'finance', 'returns', `&dealer=${dealerCode}`);
  return rows.map((r) => r.values);
}

/** A ¥1,500 coat in stock at WH-E (100), beside FIN-BOX: an exchange issues other goods. */
export const COAT = 150_000;
export async function addCoat(server: TestServer) {
  const coat = {
    skuCode: 'RET-COAT',
    name: '大衣',
    styleCode: 'RET-COAT',
    colour: '驼',
    size: 'M',
    unit: '件',
    listPrice: COAT,
    dealerPrice: COAT,
    packSize: 1,
    safetyStock: 0,
    category: '测试',
    status: 'active',
  };
  await must(server, 'manager', 'products', [coat]);
  const stock = { date: TODAY, locationCode: 'WH-E', skuCode: 'RET-COAT', quantity: 100 };
  await must(server, 'warehouse', 'goods-receipts', [stock]);
}

export async function itemsOf(server: TestServer, dealerCode: string) {
  const rows = await pullAs(server, 'finance', 'receivable-items', `&dealer=${dealerCode}`);
  return Object.fromEntries(rows.map((r) => [r.values.invoiceId, r.values.outstanding]));
}
