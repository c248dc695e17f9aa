// Kysely types of the market-order and rebate tables (migration 060), added with `withTables`
// as finance does (server/finance/tables.ts), so the market module stays in its own folder.
import type { Db } from '../store/db';

interface Stamp {
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

export interface MarketCodesTable extends Stamp {
  code: string;
  row_key: string;
  parent_code: string | null;
  level: string;
  shipment_ref: string | null;
  dealer_code: string | null;
  deleted: number;
}

export interface MarketScansTable extends Stamp {
  id: string;
  row_key: string;
  code: string;
  province: string;
  city: string | null;
  scan_date: string;
  source: string;
  scanned_by: string | null;
  evidence: string | null;
  dealer_code: string | null;
  out_of_area: number;
  two_areas: number;
  never_shipped: number;
  case_id: string | null;
}

export interface MarketCasesTable extends Stamp {
  id: string;
  scan_id: string;
  scanned_code: string;
  level: string;
  dealer_code: string;
  province: string;
  city: string | null;
  found_date: string;
  evidence: string | null;
  unit_count: number;
  status: string;
  findings: string | null;
  penalty: number | null;
  measures: string | null;
}

interface MarketCaseUnitsTable {
  case_id: string;
  code: string;
  dealer_code: string;
  change_seq: number;
}

export interface MarketDepositsTable {
  id: string;
  row_key: string;
  dealer_code: string;
  date: string;
  kind: string;
  amount: number;
  case_id: string | null;
  remark: string | null;
  change_seq: number;
  created_at: string;
  created_by: string;
}

interface MarketDepositBalancesTable {
  dealer_code: string;
  paid: number;
  refunded: number;
  penalties: number;
  balance: number;
  change_seq: number;
}

export interface MarketRebateSettlementsTable {
  id: string;
  dealer_code: string;
  policy_code: string;
  period_from: string;
  period_to: string;
  base: number;
  amount: number;
  sections: string;
  credit_notes: string;
  confirmed_at: string;
  confirmed_by: string;
}

export type MarketTables = {
  market_codes: MarketCodesTable;
  market_scans: MarketScansTable;
  market_cases: MarketCasesTable;
  market_case_units: MarketCaseUnitsTable;
  market_deposits: MarketDepositsTable;
  market_deposit_balances: MarketDepositBalancesTable;
  market_rebate_settlements: MarketRebateSettlementsTable;
};

export function mkt(db: Db) {
  return db.withTables<MarketTables>();
}
