// The returns settings (dataset "returns-settings", kept in `records` like finance-settings) and
// the per-product over-delivery allowances (dataset "delivery-allowances"). Unset values keep
// the defaults: returns worth more than ¥5,000 wait for a manager; no over-delivery.
import { allRecords, recordsById } from '../datasets/records-store';
import type { Db } from '../store/db';

const defaultApprovalThreshold = 500_000;

interface ReturnsSettings {
  /** A return worth more than this (fen) waits for a manager's approval. */
  approvalThreshold: number;
  /** The over-delivery allowance, in percent, of a SKU without its own. */
  overDeliveryPercent: number;
}

export async function loadReturnsSettings(db: Db): Promise<ReturnsSettings> {
  const records = await allRecords(db, 'returns-settings');
  const value = (name: string): number | undefined => {
    const record = records.get(name);
    const raw = record && !record.deleted ? record.values.value : undefined;
    return typeof raw === 'number' ? raw : undefined;
  };
  return {
    approvalThreshold: value('return-approval-threshold-fen') ?? defaultApprovalThreshold,
    overDeliveryPercent: value('over-delivery-percent') ?? 0,
  };
}

/** The allowance (percent) of each SKU: its own row, else the global setting. */
export async function loadAllowances(
  db: Db,
  skus: readonly string[],
): Promise<(sku: string) => number> {
  const { overDeliveryPercent } = await loadReturnsSettings(db);
  const own = await recordsById(db, 'delivery-allowances', [...new Set(skus)]);
  return (sku) => {
    const record = own.get(sku);
    const percent = record && !record.deleted ? record.values.percent : undefined;
    return typeof percent === 'number' ? percent : overDeliveryPercent;
  };
}

/** The most a line of `ordered` units may be shipped in all: ordered × (1 + percent / 100). */
export function shippableTotal(ordered: number, percent: number): number {
  return Math.floor((ordered * (100 + percent)) / 100);
}
