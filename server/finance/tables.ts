// Kysely types of the finance tables (migrations 004 and 006). They are added to the core schema with
// `withTables` rather than in store/schema.ts, so finance stays in its own folder.
import type { Db } from '../store/db';

export interface FinReceiptsTable {
  id: string;
  row_key: string;
  fingerprint: string;
  date: string;
  payer_name: string;
  payer_account: string | null;
  amount: number;
  bank_ref: string | null;
  remark: string | null;
  allocated: number;
  dealer_codes: string;
  deleted: number;
  version: number;
  change_seq: number;
  created_at: string;
  created_by: string;
  workbook_id: string;
}

export interface FinAllocationsTable {
  id: string;
  row_key: string;
  /** Null when the allocation is paid from the dealer's credit balance (预收). */
  receipt_id: string | null;
  target_kind: string;
  target_id: string | null;
  dealer_code: string;
  amount: number;
  write_off_amount: number;
  write_off_reason: string | null;
  remark: string | null;
  source: string;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

export interface FinPayerAliasesTable {
  id: string;
  row_key: string;
  dealer_code: string;
  payer_account: string | null;
  payer_name: string | null;
  source: string;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

/** 红字/贷项: a credit note lowering what one invoice (INV-<shipment id>) still owes. */
export interface FinCreditNotesTable {
  id: string;
  row_key: string;
  date: string;
  dealer_code: string;
  invoice_id: string;
  amount: number;
  reason: string;
  remark: string | null;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

// A type alias, not an interface: `withTables` needs an index-signature-compatible type.
type FinanceTables = {
  fin_receipts: FinReceiptsTable;
  fin_allocations: FinAllocationsTable;
  fin_payer_aliases: FinPayerAliasesTable;
  fin_credit_notes: FinCreditNotesTable;
};

/** The store (or a transaction) with the finance tables typed. */
export function fin(db: Db) {
  return db.withTables<FinanceTables>();
}
