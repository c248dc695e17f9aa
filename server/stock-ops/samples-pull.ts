// The showroom pulls (docs/samples.md): loans overdue as of a date (the `to` filter, else today
// in Shanghai) with the days overdue, and the sample stock per showroom and style — in the
// showroom (its stock balance) and out on loan (open loans). Both are computed from small
// tables, so they page as snapshots.
import { daysBetween } from '../../shared/finance/dates';
import { compact, pageSnapshot, type DerivedRow } from '../analysis/snapshot';
import { allRecords, recordsById } from '../datasets/records-store';
import type { Db } from '../store/db';
import { shanghaiDate } from '../sync/changes';
import type { PullPage, PullRequest } from '../sync/handler';
import { openLoans, outstandingOf, type LoanRow } from './sample-loans';
import { loadRegions, regionsUnder } from '../datasets/stock-refs';

async function stylesOf(db: Db, skus: readonly string[]): Promise<Map<string, string>> {
  const styles = new Map<string, string>();
  for (const record of (await recordsById(db, 'products', skus)).values())
    styles.set(
      record.id,
      typeof record.values.styleCode === 'string' ? record.values.styleCode : record.id,
    );
  return styles;
}

/**
 * A sales assistant limited to regions sees loans to borrowers (dealers, staff) of those regions
 * and to staff with no region; everyone else sees every loan.
 */
async function visibleLoans(request: PullRequest, loans: readonly LoanRow[]): Promise<LoanRow[]> {
  const { user } = request;
  if (user.role !== 'sales' || user.regions.length === 0) return [...loans];
  const allowed = regionsUnder(user.regions, await loadRegions(request.db));
  const codes = (kind: string) =>
    loans.filter((l) => l.borrower_kind === kind).map((l) => l.borrower_code);
  const dealers = await recordsById(request.db, 'dealers', codes('dealer'));
  const staff = await recordsById(request.db, 'staff', codes('staff'));
  const regionOf = (loan: LoanRow) => {
    const book = loan.borrower_kind === 'dealer' ? dealers : staff;
    const region = book.get(loan.borrower_code)?.values.regionCode;
    return typeof region === 'string' && region !== '' ? region : undefined;
  };
  return loans.filter((loan) => {
    const region = regionOf(loan);
    return region === undefined ? loan.borrower_kind === 'staff' : allowed.has(region);
  });
}

export async function pullOverdueSamples(request: PullRequest): Promise<PullPage> {
  const asOf = request.filter.to ?? shanghaiDate(request.now);
  const open = (await openLoans(request.db, request.filter.location)).filter(
    (l) => l.due_date < asOf,
  );
  const loans = await visibleLoans(request, open);
  const styles = await stylesOf(
    request.db,
    loans.map((l) => l.sku_code),
  );
  const rows: DerivedRow[] = loans.map((loan) => ({
    key: loan.loan_ref,
    values: compact({
      loanRef: loan.loan_ref,
      showroomCode: loan.showroom_code,
      skuCode: loan.sku_code,
      styleCode: styles.get(loan.sku_code),
      borrowerKind: loan.borrower_kind,
      borrowerCode: loan.borrower_code,
      loanDate: loan.loan_date,
      dueDate: loan.due_date,
      outstanding: outstandingOf(loan),
      daysOverdue: daysBetween(loan.due_date, asOf),
    }),
  }));
  return pageSnapshot(rows, request);
}

/** The showrooms (locations of kind showroom), or the one the filter names. */
async function showroomCodes(db: Db, only?: string): Promise<string[]> {
  const codes = [...(await allRecords(db, 'locations')).values()]
    .filter((r) => !r.deleted && r.values.kind === 'showroom')
    .map((r) => r.id);
  return only ? codes.filter((c) => c === only) : codes;
}

interface StyleStock {
  showroomCode: string;
  styleCode: string;
  inShowroom: number;
  onLoan: number;
}

/** Samples per showroom × style: in the showroom and out on loan. */
export async function sampleStock(db: Db, only?: string): Promise<StyleStock[]> {
  const showrooms = await showroomCodes(db, only);
  if (showrooms.length === 0) return [];
  const balances = await db
    .selectFrom('stock_balances')
    .select(['location_code', 'sku_code', 'on_hand'])
    .where('location_code', 'in', showrooms)
    .execute();
  const loans = (await openLoans(db)).filter((l) => showrooms.includes(l.showroom_code));
  const styles = await stylesOf(db, [
    ...balances.map((b) => b.sku_code),
    ...loans.map((l) => l.sku_code),
  ]);
  const stock = new Map<string, StyleStock>();
  const add = (showroomCode: string, sku: string, part: 'inShowroom' | 'onLoan', n: number) => {
    const styleCode = styles.get(sku) ?? sku;
    const key = `${showroomCode}|${styleCode}`;
    const row = stock.get(key) ?? { showroomCode, styleCode, inShowroom: 0, onLoan: 0 };
    row[part] += n;
    stock.set(key, row);
  };
  for (const b of balances) add(b.location_code, b.sku_code, 'inShowroom', b.on_hand);
  for (const l of loans) add(l.showroom_code, l.sku_code, 'onLoan', outstandingOf(l));
  return [...stock.values()].filter((s) => s.inShowroom + s.onLoan !== 0);
}

export async function pullSampleStock(request: PullRequest): Promise<PullPage> {
  const rows = (await sampleStock(request.db, request.filter.location)).map((s) => ({
    key: `${s.showroomCode}|${s.styleCode}`,
    values: { ...s, total: s.inShowroom + s.onLoan },
  }));
  return pageSnapshot(rows, request);
}
