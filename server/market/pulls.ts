// The pulls of the market-order tables: scans, cases, the unit codes of cases, deposit entries
// and balances. Their rows never leave the store and never change dealer, so the dealer filter
// is a plain condition and no tombstones are needed; each pages by its change_seq.
import { compact } from '../analysis/snapshot';
import type { PullPage, PullRequest } from '../sync/handler';
import { dealerScope, serves } from './scope';
import type { MarketTables } from './tables';

type Table = keyof MarketTables;
type Row<T extends Table> = MarketTables[T];

interface PullSpec<T extends Table> {
  table: T;
  /** Rows of dealers a region-limited sales user does not serve are left out (scope.ts). */
  scoped?: boolean;
  key: (row: Row<T>) => string;
  values: (row: Row<T>) => Record<string, unknown>;
}

function pullTable<T extends Table>(spec: PullSpec<T>) {
  return async (request: PullRequest): Promise<PullPage> => {
    // One query shape for every table: each has change_seq and dealer_code, which is all the
    // query names, so the table is typed as that common part and rows are read back as T's.
    const db = request.db.withTables<{
      market_rows: { change_seq: number; dealer_code: string };
    }>();
    let query = db
      .selectFrom(spec.table as unknown as 'market_rows')
      .selectAll()
      .where('change_seq', '>', request.afterSeq);
    const { dealer } = request.filter;
    if (dealer !== undefined) query = query.where('dealer_code', '=', dealer);
    const fetched = (await query
      .orderBy('change_seq')
      .limit(request.limit)
      .execute()) as unknown as Row<T>[];
    const scope = spec.scoped ? await dealerScope(request.db, request.user) : undefined;
    const rows = fetched.filter(
      (row) => !scope || serves(scope, (row as { dealer_code: string | null }).dealer_code),
    );
    return {
      rows: rows.map((row) => {
        const r = row as Row<T> & { change_seq: number; version?: number };
        return {
          key: spec.key(row),
          version: r.version ?? 1,
          op: 'upsert',
          values: compact(spec.values(row)),
          seq: r.change_seq,
        };
      }),
      hasMore: fetched.length === request.limit,
    };
  };
}

const flag = (value: number) => value === 1;

export const pullScans = pullTable({
  table: 'market_scans',
  scoped: true,
  key: (row) => row.row_key,
  values: (row) => ({
    id: row.id,
    code: row.code,
    province: row.province,
    city: row.city,
    scanDate: row.scan_date,
    source: row.source,
    scannedBy: row.scanned_by,
    evidence: row.evidence,
    dealerCode: row.dealer_code,
    outOfArea: flag(row.out_of_area),
    twoAreas: flag(row.two_areas),
    neverShipped: flag(row.never_shipped),
    caseId: row.case_id,
  }),
});

export const pullCases = pullTable({
  table: 'market_cases',
  scoped: true,
  key: (row) => row.id,
  values: (row) => ({
    id: row.id,
    status: row.status,
    findings: row.findings,
    penalty: row.penalty,
    measures: row.measures,
    scanId: row.scan_id,
    scannedCode: row.scanned_code,
    level: row.level,
    dealerCode: row.dealer_code,
    province: row.province,
    city: row.city,
    foundDate: row.found_date,
    evidence: row.evidence,
    unitCount: row.unit_count,
  }),
});

export const pullCaseUnits = pullTable({
  table: 'market_case_units',
  scoped: true,
  key: (row) => `${row.case_id}:${row.code}`,
  values: (row) => ({ caseId: row.case_id, code: row.code, dealerCode: row.dealer_code }),
});

export const pullDeposits = pullTable({
  table: 'market_deposits',
  key: (row) => row.row_key,
  values: (row) => ({
    id: row.id,
    dealerCode: row.dealer_code,
    date: row.date,
    kind: row.kind,
    amount: row.amount,
    remark: row.remark,
    caseId: row.case_id,
  }),
});

export const pullBalances = pullTable({
  table: 'market_deposit_balances',
  key: (row) => row.dealer_code,
  values: (row) => ({
    dealerCode: row.dealer_code,
    paid: row.paid,
    refunded: row.refunded,
    penalties: row.penalties,
    balance: row.balance,
  }),
});
