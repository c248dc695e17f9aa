// Demo mode's data (issue 2, "Demo data"): the demo users and a realistic apparel brand — master
// data, opening stock and twelve months of orders, shipments and stock movements — generated
// from a seed and pushed through runPush like any workbook's rows. Runs only on an empty store.
import type { Role } from '../../shared/roles';
import { addUser, type AuthUser } from '../services/users';
import type { Db, Store } from '../store/db';
import { buildRegistry, type HandlerRegistry } from '../sync/registry';
import { buildCatalog, type Catalog } from './catalog';
import { addDays, atHour } from './calendar';
import { createPusher, type DemoRow, type Pusher } from './pusher';
import { planHistory } from './history';
import { createRandom } from './random';
import { replayHistory } from './replay';

export interface SeedOptions {
  seed?: number | string;
  /** The last business day of the history ('YYYY-MM-DD'); the caller's clock, never ours. */
  today?: string;
  /** Multiplies the order volume (1 = about 9,000 lines); smaller for quick tests. */
  scale?: number;
  onProgress?: (message: string) => void;
  handlers?: HandlerRegistry;
}

export interface SeedCounts {
  skipped: boolean;
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
  /** Rows the server refused; the generator keeps to the rules, so this should stay 0. */
  rejected: number;
}

export const DEFAULT_SEED = 20260101;
export const DEFAULT_TODAY = '2026-11-27';

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
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Empty means no business data at all; users alone (an admin added by the CLI) do not count. */
export async function isStoreEmpty(db: Db): Promise<boolean> {
  return (
    (await count(db, 'records')) === 0 &&
    (await count(db, 'order_lines')) === 0 &&
    (await count(db, 'stock_ledger')) === 0
  );
}

/** Adds the demo users that do not exist yet; returns the admin the seed pushes as. */
async function ensureUsers(db: Db, now: Date): Promise<AuthUser> {
  const existing = new Set(
    (await db.selectFrom('users').select('username').execute()).map((u) => u.username),
  );
  for (const user of demoUsers) {
    if (existing.has(user.username)) continue;
    await addUser(db, { ...user, password: 'demo' }, now);
  }
  const admin = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'demo-admin')
    .executeTakeFirstOrThrow();
  return {
    id: admin.id,
    username: admin.username,
    displayName: admin.display_name,
    role: 'admin',
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
    rejected: 0,
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
  const user = await ensureUsers(db, opening);
  const pusher = createPusher({
    db,
    handlers: options.handlers ?? buildRegistry(),
    user,
    random: random.fork('keys'),
  });
  const catalog = buildCatalog(random, today);
  progress(`master data: ${catalog.dealers.length} dealers, ${catalog.products.length} SKUs`);
  const dealerRows = await seedMaster(pusher, catalog, opening);
  const plan = planHistory(catalog, random.fork('history'), { today, ...(options.scale === undefined ? {} : { scale: options.scale }) });
  progress(`history ${plan.start} … ${plan.today}: ${plan.days.reduce((n, d) => n + d.orders.length, 0)} order lines planned`);
  const history = await replayHistory(pusher, plan, { dealerRows, dealers: catalog.dealers, onProgress: progress });
  const counts: SeedCounts = {
    ...emptyCounts(false),
    users: demoUsers.length,
    regions: catalog.regions.length,
    dealers: catalog.dealers.length,
    products: catalog.products.length,
    locations: catalog.locations.length,
    staff: catalog.staff.length,
    ...history,
  };
  return { ...counts, rejected: pusher.rejections.length };
}
