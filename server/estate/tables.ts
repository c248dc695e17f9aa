// Kysely types of the sales office's tables (migration 030), added with `withTables` as finance
// does (server/finance/tables.ts), so the estate module stays in its own folder.
import type { Db } from '../store/db';
import type { UnitStatus } from '../../shared/estate/unit-status';

export interface EstUnitsTable {
  code: string;
  row_key: string;
  project_code: string;
  building_code: string;
  entrance: string | null;
  floor: number;
  room: string;
  gross_area: number;
  net_area: number;
  layout: string | null;
  orientation: string | null;
  list_unit_price: number;
  list_total: number;
  status: UnitStatus;
  reserve_reason: string | null;
  reserve_until: string | null;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

export type DocumentKind = 'hold' | 'subscription' | 'contract';
/** active: holds the unit; converted: became the next document; expired/cancelled: let it go. */
type DocumentState = 'active' | 'converted' | 'expired' | 'cancelled';

export interface EstDocumentsTable {
  id: string;
  row_key: string;
  kind: DocumentKind;
  unit_code: string;
  project_code: string;
  building_code: string;
  consultant: string;
  /** The pushed values (buyers, schedule …) as JSON text, parsed in this module. */
  values_json: string;
  gross_area: number;
  price: number;
  /** Hold, subscription or signing date (Asia/Shanghai). */
  doc_date: string;
  /** A hold's end, ISO-8601 UTC; the hold lapses once the clock reaches it. */
  expires_at: string | null;
  /** The document this one was made from (a contract's subscription). */
  source_id: string | null;
  /** The unit status this document stands for (held, subscribed, contracted, filed, paid). */
  stage: UnitStatus;
  state: DocumentState;
  /** 1 while the document holds its unit: unique per unit (est_documents_one_active). */
  active: number;
  /** The date the document stopped holding its unit (cancelled, expired), for the report. */
  closed_on: string | null;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

export type EstateTables = {
  est_units: EstUnitsTable;
  est_documents: EstDocumentsTable;
};

/** The store (or a transaction) with the estate tables typed. */
export function est(db: Db) {
  return db.withTables<EstateTables>();
}
