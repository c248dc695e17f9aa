// Kysely types of the returns table (migration 040), added to the core schema with `withTables`
// as the finance tables are (server/finance/tables.ts), so returns stay in their own folder.
import type { Db } from '../store/db';

/** 退货行: one shipment line returned, at the price it was shipped. */
export interface ReturnLinesTable {
  id: string;
  row_key: string;
  dealer_code: string;
  return_ref: string;
  date: string;
  shipment_id: string;
  sku_code: string;
  quantity: number;
  unit_price: number;
  reason: string;
  disposition: string;
  location_code: string | null;
  remark: string | null;
  status: string;
  credit_note_id: string | null;
  credit_balance: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

// A type alias, not an interface: `withTables` needs an index-signature-compatible type.
type ReturnTables = { return_lines: ReturnLinesTable };

export function rt(db: Db) {
  return db.withTables<ReturnTables>();
}
