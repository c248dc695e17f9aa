// Demo mode's data: the demo users and a realistic apparel brand — master
// data, opening stock and twelve months of orders, shipments and stock movements — generated
// from a seed and pushed through runPush like any workbook's rows. Runs only on an empty store.
import type { Role } from '../../shared/roles';
import { addUser, type AuthUser } from '../services/users';
import type { Db, Store } from '../store/db';
import { moduleNames, type ModuleName } from '../../shared/registry';
import { buildRegistry, type HandlerRegistry } from '../sync/registry';
import { seedEstate, type EstateCounts } from './estate';
import { buildCatalog, type Catalog } from './catalog';
import { addDays, atHour } from './calendar';
import { createPusher, type DemoRow, type Pusher, type Rejection } from './pusher';
import { seedComplaints } from './complaints';
import { seedSellout } from './sellout';
import { seedStores } from './stores';
import { seedMarket } from './market';
import { seedReturns } from './returns';
import { seedSupport } from './support';
import { planHistory } from './history';
import { createRandom } from './random';
import { replayHistory } from './replay';
import { groupContracts, seedStockOps } from './stock-ops';

interface SeedOptions {
  seed?: number | string;
  /** The last business day of the history ('YYYY-MM-DD'); the caller's clock, never ours. */
  today?: string;
  /** Multiplies the order volume (1 = about 9,000 lines); smaller for quick tests. */
  scale?: number;
  onProgress?: (message: string) => void;
  handlers?: HandlerRegistry;
  /** The modules the deployment serves (SALES_SYNC_MODULES); each seeds its own demo data. */
  modules?: readonly ModuleName[];
}

export interface SeedCounts {
  skipped: boolean;
  /** The sales office's demo (module `estate`). */
  estate?: EstateCounts;
  users: number;
  regions: number;
  dealers: number;
  products: number;
  locations: number;
  staff: number;
  orders: number;
  orderLines: number;
  goodsReceipts: number;
  shipments: number;
  transfers: number;
  adjustments: number;
  /** Bank statement lines (银行到账) booked by demo-finance. */
  bankReceipts: number;
  /** Allocations finance confirmed (收款核销), deposits included. */
  allocations: number;
  /** Allocations of a grade-C dealer's deposit (订金) to its order. */
  deposits: number;
  /** Order lines pushed to show the credit check refusing them (one order over its limit). */
  refusedOnPurpose: number;
  /** Rows the server refused otherwise; the generator keeps to the rules, so this stays 0. */
  rejected: number;
}

const DEFAULT_SEED = 20260101;
const DEFAULT_TODAY = '2026-11-27';

const demoUsers: readonly {
  username: string;
  role: Role;
  displayName: string;
  regions?: string[];
}[] = [
  { username: 'demo-admin', role: 'admin', displayName: '演示管理员' },
  { username: 'demo-manager', role: 'manager', displayName: '演示销售经理' },
  { username: 'demo-sales', role: 'sales', displayName: '演示销售助理', regions: ['HD'] },
  { username: 'demo-warehouse', role: 'warehouse', displayName: '演示仓管员' },
  { username: 'demo-finance', role: 'finance', displayName: '演示财务' },
  { username: 'demo-analyst', role: 'analyst', displayName: '演示数据分析员' },
];

const count = async (db: Db, table: 'records' | 'order_lines' | 'stock_ledger') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string | number | bigint>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Empty means no business data at all; users alone (an admin added by the CLI) do not count. */
async function isStoreEmpty(db: Db): Promise<boolean> {
  return (
    (await count(db, 'records')) === 0 &&
    (await count(db, 'order_lines')) === 0 &&
    (await count(db, 'stock_ledger')) === 0
  );
}

/** Adds the demo users that do not exist yet. */
async function ensureUsers(db: Db, now: Date): Promise<void> {
  const existing = new Set(
    (await db.selectFrom('users').select('username').execute()).map((u) => u.username),
  );
  for (const user of demoUsers) {
    if (existing.has(user.username)) continue;
    await addUser(db, { ...user, password: 'demo' }, now);
  }
}

/** A demo user the seed pushes as: demo-admin for most rows, demo-finance for the money. */
async function demoActor(db: Db, username: 'demo-admin' | 'demo-finance'): Promise<AuthUser> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const role = username === 'demo-admin' ? 'admin' : 'finance';
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role,
    regions: [],
  };
}

const rowsOf = (pusher: Pusher, items: readonly object[]): DemoRow[] =>
  items.map((values) => ({ rowKey: pusher.newKey(), values: { ...values } }));

/** Master data as it stood when the history starts: every dealer still active. */
async function seedMaster(
  pusher: Pusher,
  catalog: Catalog,
  at: Date,
): Promise<Map<string, DemoRow>> {
  await pusher.push('regions', rowsOf(pusher, catalog.regions), at);
  const dealerRows = rowsOf(
    pusher,
    catalog.dealers.map((d) => ({ ...d, status: 'active' })),
  );
  await pusher.push('dealers', dealerRows, at);
  await pusher.push('products', rowsOf(pusher, catalog.products), at);
  await pusher.push('locations', rowsOf(pusher, catalog.locations), at);
  await pusher.push('staff', rowsOf(pusher, catalog.staff), at);
  return new Map(dealerRows.map((row) => [String(row.values.code), row]));
}

/** The generator keeps to the server's rules; when a rule changed under it, say which and how often. */
function describeRejections(rejections: readonly Rejection[]): string {
  const byReason = new Map<string, number>();
  for (const r of rejections)
    byReason.set(`${r.dataset}: ${r.reason}`, (byReason.get(`${r.dataset}: ${r.reason}`) ?? 0) + 1);
  const top = [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return `${rejections.length} demo rows refused — ${top.map(([reason, n]) => `${n}× ${reason}`).join(' | ')}`;
}

function emptyCounts(skipped: boolean): SeedCounts {
  return {
    skipped,
    users: 0,
    regions: 0,
    dealers: 0,
    products: 0,
    locations: 0,
    staff: 0,
    orders: 0,
    orderLines: 0,
    goodsReceipts: 0,
    shipments: 0,
    transfers: 0,
    adjustments: 0,
    bankReceipts: 0,
    allocations: 0,
    deposits: 0,
    refusedOnPurpose: 0,
    rejected: 0,
  };
}

function masterCounts(catalog: Catalog) {
  const { regions, dealers, products, locations, staff } = catalog;
  return {
    users: demoUsers.length,
    regions: regions.length,
    dealers: dealers.length,
    products: products.length,
    locations: locations.length,
    staff: staff.length,
  };
}

export async function seedDemo(store: Store, options: SeedOptions = {}): Promise<SeedCounts> {
  const { db } = store;
  if (!(await isStoreEmpty(db))) return emptyCounts(true);
  const progress = options.onProgress ?? (() => {});
  const today = options.today ?? DEFAULT_TODAY;
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const start = addDays(today, -364);
  const opening = atHour(addDays(start, -1), 8);
  await ensureUsers(db, opening);
  const modules = options.modules ?? moduleNames;
  const handlers = options.handlers ?? buildRegistry(modules);
  const estate = modules.includes('estate')
    ? await seedEstate({ db, handlers, random: random.fork('estate'), today })
    : undefined;
  if (estate) progress(`estate: ${JSON.stringify(estate)}`);
  if (!modules.includes('dealer')) return { ...emptyCounts(false), ...(estate ? { estate } : {}) };
  const pusherAs = async (username: 'demo-admin' | 'demo-finance', label: string) =>
    createPusher({ db, handlers, user: await demoActor(db, username), random: random.fork(label) });
  const pusher = await pusherAs('demo-admin', 'keys');
  const finance = await pusherAs('demo-finance', 'finance-keys');
  const catalog = buildCatalog(random, today);
  progress(`master data: ${catalog.dealers.length} dealers, ${catalog.products.length} SKUs`);
  const dealerRows = await seedMaster(pusher, catalog, opening);
  const plan = planHistory(catalog, random.fork('history'), {
    today,
    ...(options.scale === undefined ? {} : { scale: options.scale }),
  });
  progress(
    `history ${plan.start} … ${plan.today}: ${plan.days.reduce((n, d) => n + d.orders.length, 0)} order lines planned, ${plan.heldForCredit} orders held back for credit`,
  );
  const contracts = groupContracts(pusher, plan);
  await pusher.push('group-contracts', contracts.rows, contracts.at);
  const history = await replayHistory(pusher, plan, {
    dealerRows,
    dealers: catalog.dealers,
    finance,
    onProgress: progress,
  });
  await seedComplaints(pusher, catalog, today);
  const reports = await seedSellout({
    db,
    pusher,
    random: random.fork('sellout'),
    range: { start, today },
  });
  const storeSales = await seedStores({
    db,
    pusher,
    random: random.fork('stores'),
    catalog,
    today,
  });
  progress(`sell-out: ${reports} dealer report lines, ${storeSales} store sales lines`);
  await seedMarket(pusher, db, catalog, today);
  await seedReturns(db, pusher, today);
  await seedStockOps(pusher, { db, catalog, today });
  await seedSupport(pusher, db, catalog, today);
  const rejections = [...pusher.rejections, ...finance.rejections];
  if (rejections.length > 0) progress(describeRejections(rejections));
  const refusedOnPurpose = pusher.refusedOnPurpose.length + finance.refusedOnPurpose.length;
  const counts = { ...emptyCounts(false), ...masterCounts(catalog), ...history, refusedOnPurpose };
  return { ...counts, rejected: rejections.length, ...(estate ? { estate } : {}) };
}
