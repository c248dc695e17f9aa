// Demo data of the sales office: one residential project (滨江一号) with three buildings of 21
// floors × 2 units (120 released, the top floors not yet, 4 held back by the manager), and a
// month of holds, subscriptions and contracts with one 退房, pushed through runPush as the
// office's workbooks would (docs/estate.md).
import { listTotal } from '../../shared/estate/pricing';
import type { Role } from '../../shared/roles';
import type { AuthUser } from '../services/users';
import type { Db } from '../store/db';
import type { HandlerRegistry } from '../sync/registry';
import { addDays, atHour } from './calendar';
import { seedEstateMoney, type EstateMoneyCounts, type SignedContract } from './estate-money';
import { seedEstateRoster, type RosterCounts } from './estate-roster';
import { createPusher, type Pusher } from './pusher';
import type { Random } from './random';

export interface EstateCounts extends RosterCounts, EstateMoneyCounts {
  units: number;
  holds: number;
  subscriptions: number;
  contracts: number;
  exits: number;
}

async function actor(db: Db, username: string): Promise<AuthUser> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role as Role,
    regions: [],
  };
}

const buildings = ['B1', 'B2', 'B3'];
const FLOORS = 21;

function unitRows(pusher: Pusher) {
  return buildings.flatMap((building, b) =>
    Array.from({ length: FLOORS * 2 }, (_, i) => {
      const floor = Math.floor(i / 2) + 1;
      const room = `${floor}0${(i % 2) + 1}`;
      const big = i % 2 === 0;
      return {
        rowKey: pusher.newKey(),
        values: {
          code: `${building}-${room.padStart(4, '0')}`,
          buildingCode: building,
          entrance: '1',
          floor,
          room,
          grossArea: big ? 12_856 : 8_950,
          netArea: big ? 10_412 : 7_123,
          layout: big ? '四室两厅两卫' : '三室两厅一卫',
          orientation: big ? '南北' : '南',
          listUnitPrice: 3_000_000 + floor * 20_000 + b * 50_000,
          status: floor === FLOORS ? 'unreleased' : 'available',
        },
      };
    }),
  );
}

const schedule = (price: number, mortgage: boolean) => {
  const deposit = 5_000_000;
  if (!mortgage) return { paymentMethod: 'lump-sum', deposit, downPayment: price - deposit };
  const loan = Math.floor((price * 0.6) / 100_00) * 100_00;
  return {
    paymentMethod: 'mortgage',
    deposit,
    downPayment: price - deposit - loan,
    loanAmount: loan,
  };
};

export async function seedEstate(input: {
  db: Db;
  handlers: HandlerRegistry;
  random: Random;
  today: string;
}): Promise<EstateCounts> {
  const { db, handlers, random, today } = input;
  const start = addDays(today, -30);
  const as = async (username: string) =>
    createPusher({ db, handlers, user: await actor(db, username), random: random.fork(username) });
  const manager = await as('demo-manager');
  const sales = await as('demo-sales');
  const opening = atHour(start, 9);
  await manager.push(
    'estate-projects',
    [
      {
        rowKey: 'demo-p1',
        values: { code: 'P1', name: '滨江一号', holdDays: 3, status: 'active' },
      },
    ],
    opening,
  );
  await manager.push(
    'estate-buildings',
    buildings.map((code, i) => ({
      rowKey: `demo-${code}`,
      values: { code, projectCode: 'P1', name: `${i + 1}栋`, status: 'active' },
    })),
    opening,
  );
  const units = unitRows(manager);
  await manager.push('estate-units', units, opening);
  const heldBack = units.filter((u) => u.values.floor === FLOORS - 1).slice(0, 4);
  await manager.push(
    'estate-units',
    heldBack.map((u) => ({
      ...u,
      baseVersion: 1,
      values: {
        ...u.values,
        status: 'reserved',
        reserveReason: '开发商自留',
        reserveUntil: addDays(today, 60),
      },
    })),
    opening,
  );
  const free = units.filter((u) => u.values.status === 'available' && !heldBack.includes(u));
  const counts: Omit<EstateCounts, keyof RosterCounts> = {
    units: units.length,
    holds: 0,
    subscriptions: 0,
    contracts: 0,
    exits: 0,
    collections: 0,
    fullyCollected: 0,
    statements: 0,
  };
  const open: { id: string; day: string }[] = [];
  const signed: { rowKey: string; values: Record<string, unknown> }[] = [];
  const contracts: SignedContract[] = [];
  for (let d = 0; d <= 30; d += 1) {
    const day = addDays(start, d);
    const at = atHour(day, 11);
    for (let n = random.int(0, 2); n > 0; n -= 1) {
      const unit = free.splice(random.int(0, free.length - 1), 1)[0];
      if (!unit) break;
      const price = listTotal(unit.values.grossArea, unit.values.listUnitPrice);
      const values = {
        unitCode: unit.values.code,
        buyerName: `客户${counts.subscriptions + 1}`,
        buyerIdNumber: `3101011990${String(random.int(10000000, 99999999))}`,
        buyerPhone: `139${random.int(10000000, 99999999)}`,
        ...schedule(price, random.chance(0.7)),
      };
      const [result] = await sales.push(
        'estate-subscriptions',
        [{ rowKey: sales.newKey(), values }],
        at,
      );
      if (result?.status === 'applied' && result.id) {
        counts.subscriptions += 1;
        open.push({ id: result.id, day });
      }
    }
    if (random.chance(0.5) && free.length > 0) {
      const [unit] = free.splice(random.int(0, free.length - 1), 1);
      if (unit)
        await sales.push(
          'estate-holds',
          [
            {
              rowKey: sales.newKey(),
              values: { unitCode: unit.values.code, buyerName: '意向客户', deposit: 1_000_000 },
            },
          ],
          at,
        );
      counts.holds += 1;
    }
    for (let sub = open[0]; sub && addDays(sub.day, 5) <= day; sub = open[0]) {
      open.shift();
      const contract = {
        rowKey: `demo-ht-${sub.id}`,
        values: { subscriptionId: sub.id, signDate: day },
      };
      const [result] = await sales.push('estate-contracts', [contract], atHour(day, 15));
      if (result?.status === 'applied') signed.push(contract);
      if (result?.status === 'applied' && result.id)
        contracts.push({ id: result.id, signDate: day });
      counts.contracts += result?.status === 'applied' ? 1 : 0;
    }
  }
  const finance = await as('demo-finance');
  Object.assign(counts, await seedEstateMoney({ db, finance, manager, contracts }));
  const first = signed[0];
  if (first) {
    const exit = {
      ...first,
      baseVersion: 1,
      values: { ...first.values, cancel: 'exit', cancelReason: '客户贷款未获批' },
    };
    const [result] = await manager.push('estate-contracts', [exit], atHour(today, 16));
    counts.exits = result?.status === 'applied' ? 1 : 0;
  }
  return {
    ...counts,
    ...(await seedEstateRoster({ manager, random: random.fork('roster'), today })),
  };
}
