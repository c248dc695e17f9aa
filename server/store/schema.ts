// Table types for Kysely. Columns are portable SQL types (TEXT, INTEGER) so a PostgreSQL
// deployment can follow; JSON is stored as TEXT and parsed in the service layer.
import type { Generated } from 'kysely';
import type { OrderType } from '../../shared/order';

interface CountersTable {
  name: string;
  value: number;
}

interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  /** JSON array of region codes; empty means every region. */
  regions: string;
  password_hash: string;
  status: string;
  created_at: string;
}

interface TokensTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

/** Master data and movement documents: one row per record, values as JSON. */
interface RecordsTable {
  dataset: string;
  row_key: string;
  id: string;
  version: number;
  change_seq: number;
  deleted: number;
  data: string;
  updated_at: string;
  updated_by: string;
  /** A product's category (products only), so pulls filter by it without reading `data`. */
  category: string | null;
  /** A dealer's region (dealers only), likewise. */
  region_code: string | null;
}

export interface OrdersTable {
  id: string;
  dealer_code: string;
  order_ref: string;
  order_date: string;
  /** Only the orders dataset writes it, with a value its schema accepted. */
  order_type: OrderType;
  created_at: string;
  created_by: string;
}

export interface OrderLinesTable {
  id: string;
  row_key: string;
  order_id: string;
  line_no: number;
  dealer_code: string;
  order_ref: string;
  order_date: string;
  /** Only the orders dataset writes it, with a value its schema accepted. */
  order_type: OrderType;
  sku_code: string;
  quantity: number;
  unit_price: number;
  location_code: string;
  requested_date: string | null;
  remark: string | null;
  shipped_qty: number;
  last_shipped_date: string | null;
  cancelled: number;
  version: number;
  change_seq: number;
  updated_at: string;
  /** A group-buy call-off: its contract, the item it draws on (docs/group-buy.md). */
  contract_code: string | null;
  contract_item: string | null;
  delivery_region_code: string | null;
  /** The dealer responsible for the delivery region, whose sell-in the call-off is. */
  attributed_dealer_code: string | null;
}

export interface StockBalancesTable {
  location_code: string;
  sku_code: string;
  on_hand: number;
  reserved: number;
  in_transit: number;
  last_movement_date: string | null;
  version: number;
  change_seq: number;
}

/** Append-only: every change of a balance is one line here, so balances can be rebuilt. */
interface StockLedgerTable {
  id: Generated<number>;
  created_at: string;
  business_date: string;
  kind: string;
  location_code: string;
  sku_code: string;
  on_hand_delta: number;
  reserved_delta: number;
  in_transit_delta: number;
  ref: string;
}

interface IdempotencyTable {
  user_id: number;
  key: string;
  request_hash: string;
  state: string;
  status_code: number;
  response: string | null;
  created_at: string;
  /** The server instance running the request ('' once done). */
  owner: string;
  /** ISO time until which a running request holds its key; renewed while it runs. */
  lease_until: string;
}

/** Failed sign-ins of one subject ('user:<name>' or 'addr:<address>') in the current window. */
interface SignInFailuresTable {
  subject: string;
  failures: number;
  first_at: string;
  /** ISO time the subject may sign in again; '' while not locked. */
  locked_until: string;
}

interface AppliedMutationsTable {
  client_id: string;
  mutation_id: string;
  dataset: string;
  result: string;
  created_at: string;
}

interface AuditTable {
  id: Generated<number>;
  at: string;
  username: string;
  role: string;
  workbook_id: string;
  client_id: string;
  dataset: string;
  record_key: string;
  record_id: string;
  version: number;
  action: string;
  before: string | null;
  after: string | null;
}

/**
 * One dealer's credit exposure, kept by the writers (server/finance/exposure-book.ts): the
 * credit check reads this row. credit_limit is null when no live dealer has the code.
 */
export interface DealerExposureTable {
  dealer_code: string;
  credit_limit: number | null;
  /** Σ (quantity − shipped) × price over the dealer's lines not cancelled. */
  open_orders: number;
  /** Invoiced − settled on invoices − deposits moved onto invoices. */
  receivables: number;
}

/** Per order, what moving its deposit (订金) onto its invoices depends on. */
export interface OrderExposureTable {
  order_id: string;
  dealer_code: string;
  /** Deposits allocated to the order. */
  deposit: number;
  /** Value shipped (invoiced) so far. */
  shipped: number;
  /** Allocations, write-offs and credit notes against the order's invoices. */
  settled: number;
}

/** 客诉: one complaint; times ISO UTC; `scope_region` is the dealer's region, or the typed one. */
export interface ComplaintsTable {
  id: string;
  row_key: string;
  opened_at: string;
  priority: string;
  dealer_code: string | null;
  consumer_name: string | null;
  consumer_phone: string | null;
  region_code: string | null;
  scope_region: string;
  sku_code: string;
  batch_code: string | null;
  description: string;
  first_response_at: string | null;
  resolved_at: string | null;
  root_cause: string | null;
  fix: string | null;
  first_response_due: string;
  resolution_due: string;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

/** A dealer-held entry of the qualifications register (docs/dealer-support.md), by row key. */
interface DealerLicencesTable {
  row_key: string;
  number: string;
  dealer_code: string;
  kind: string;
  valid_from: string;
  valid_to: string;
}

/** Samples issued per dealer, season and item: units and value at the reference price. */
interface SampleUseTable {
  dealer_code: string;
  season: string;
  sku_code: string;
  quantity: number;
  value: number;
}

interface MigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

/** One counted line of a stocktake (docs/stocktake.md); status 'pending' until approved. */
export interface StocktakeLinesTable {
  location_code: string;
  count_date: string;
  sku_code: string;
  row_key: string;
  counted: number;
  status: string;
  system_quantity: number | null;
  unit_cost: number | null;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
  posted_at: string | null;
  posted_by: string | null;
}

/** A showroom sample loan (docs/samples.md); settled = returned + written off so far. */
export interface SampleLoansTable {
  loan_ref: string;
  showroom_code: string;
  sku_code: string;
  borrower_kind: string;
  borrower_code: string;
  loan_date: string;
  due_date: string;
  quantity: number;
  settled: number;
  is_open: number;
  change_seq: number;
}

/** One item (SKU or style) of a group-buy contract, the header repeated (docs/group-buy.md). */
export interface GroupContractItemsTable {
  contract_code: string;
  item_code: string;
  row_key: string;
  customer_name: string;
  signing_region_code: string | null;
  valid_from: string;
  valid_to: string;
  allowance_percent: number;
  unit_price: number;
  contracted_quantity: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

export interface Database {
  counters: CountersTable;
  users: UsersTable;
  tokens: TokensTable;
  records: RecordsTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  stock_balances: StockBalancesTable;
  stock_ledger: StockLedgerTable;
  idempotency: IdempotencyTable;
  sign_in_failures: SignInFailuresTable;
  applied_mutations: AppliedMutationsTable;
  audit: AuditTable;
  dealer_exposure: DealerExposureTable;
  order_exposure: OrderExposureTable;
  schema_migrations: MigrationsTable;
  complaints: ComplaintsTable;
  dealer_reports: DealerReportsTable;
  stock_difference_reasons: StockDifferenceReasonsTable;
  stocktake_lines: StocktakeLinesTable;
  sample_loans: SampleLoansTable;
  group_contract_items: GroupContractItemsTable;
  dealer_licences: DealerLicencesTable;
  sample_use: SampleUseTable;
}

/** A dealer's sell-out report of one SKU for one period (migration 050, docs/sell-out.md). */
export interface DealerReportsTable {
  /** dealer|sku|period: a re-push of the period replaces the row. */
  id: string;
  row_key: string;
  dealer_code: string;
  sku_code: string;
  period: string;
  period_start: string;
  period_end: string;
  units_sold: number;
  closing_stock: number;
  opening_stock: number | null;
  /** The dealer's region when the report was pushed, for region-limited pulls. */
  scope_region: string;
  deleted: number;
  version: number;
  change_seq: number;
  updated_at: string;
  updated_by: string;
}

/** The reason given for a report's 进销存 difference, and the difference it explains. */
interface StockDifferenceReasonsTable {
  report_id: string;
  reason: string;
  difference: number;
  updated_at: string;
  updated_by: string;
}
