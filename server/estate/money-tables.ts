// Kysely types of the sales office's money tables (migration 032): collections and confirmed
// commission statements with their fixed lines, beside the documents (./tables.ts).
import type { CollectionPart } from '../../shared/estate/collections';
import type { CommissionStage } from '../../shared/estate/commission-rules';
import type { Db } from '../store/db';
import type { EstateTables } from './tables';

export interface EstCollectionsTable {
  id: string;
  row_key: string;
  contract_id: string;
  project_code: string;
  unit_code: string;
  /** The contract's consultant, for the daily report's per-consultant rows. */
  consultant: string;
  collected_on: string;
  amount: number;
  part: CollectionPart;
  receipt_no: string | null;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

interface EstCommissionStatementsTable {
  /** `<consultant>:<YYYY-MM>` */
  id: string;
  row_key: string;
  consultant: string;
  month: string;
  total: number;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

interface EstCommissionLinesTable {
  statement_id: string;
  contract_id: string;
  stage: CommissionStage;
  consultant: string;
  month: string;
  due_month: string;
  project_code: string;
  unit_code: string;
  price: number;
  rate_bp: number;
  amount: number;
}

type EstateMoneyTables = EstateTables & {
  est_collections: EstCollectionsTable;
  est_commission_statements: EstCommissionStatementsTable;
  est_commission_lines: EstCommissionLinesTable;
};

/** The store (or a transaction) with the estate and money tables typed. */
export function estMoney(db: Db) {
  return db.withTables<EstateMoneyTables>();
}
