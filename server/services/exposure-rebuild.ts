// The credit exposure rows are a cache of the ledger, like stock balances (stock-rebuild.ts):
// rebuildExposure recomputes every dealer's and order's figures from the ledger, compares them
// with dealer_exposure and order_exposure and, when asked to repair, writes the ledger's figures
// back. The store runs it with repair once, when the migration that added the tables ran.
import type { Db } from '../store/db';
import type { DealerExposureTable, OrderExposureTable } from '../store/schema';
import { writeOrderExposure } from '../finance/exposure-book';
import { ledgerExposure } from '../finance/ledger-exposure';

type DealerFigures = Omit<DealerExposureTable, 'dealer_code'>;
type OrderFigures = Omit<OrderExposureTable, 'order_id'>;

type ExposureDifference =
  | { kind: 'dealer'; key: string; stored: DealerFigures | null; ledger: DealerFigures }
  | { kind: 'order'; key: string; stored: OrderFigures | null; ledger: OrderFigures };

interface ExposureRebuildResult {
  checked: { dealers: number; orders: number };
  differences: ExposureDifference[];
  repaired: boolean;
}

function dealerFigures(row: DealerExposureTable): DealerFigures {
  const { credit_limit, open_orders, receivables } = row;
  return { credit_limit, open_orders, receivables };
}

function orderFigures(row: OrderExposureTable): OrderFigures {
  const { dealer_code, deposit, shipped, settled } = row;
  return { dealer_code, deposit, shipped, settled };
}

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** Stored rows against the ledger's; a missing row equals one whose figures are all empty. */
function compareRows<Row, Figures extends object>(
  stored: ReadonlyMap<string, Row>,
  ledger: ReadonlyMap<string, Row>,
  spec: { figures: (row: Row) => Figures; empty: (like?: Figures) => Figures },
): { key: string; stored: Figures | null; ledger: Figures }[] {
  const differences: { key: string; stored: Figures | null; ledger: Figures }[] = [];
  for (const key of new Set([...stored.keys(), ...ledger.keys()])) {
    const have = stored.get(key);
    const want = ledger.get(key);
    const held = have === undefined ? null : spec.figures(have);
    const wanted = want === undefined ? spec.empty(held ?? undefined) : spec.figures(want);
    const matches = held === null ? same(wanted, spec.empty(wanted)) : same(held, wanted);
    if (!matches) differences.push({ key, stored: held, ledger: wanted });
  }
  return differences.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

async function compare(db: Db) {
  const ledger = await ledgerExposure(db);
  const dealers = new Map(
    (await db.selectFrom('dealer_exposure').selectAll().execute()).map((r) => [r.dealer_code, r]),
  );
  const orders = new Map(
    (await db.selectFrom('order_exposure').selectAll().execute()).map((r) => [r.order_id, r]),
  );
  const dealerDiffs = compareRows(dealers, ledger.dealers, {
    figures: dealerFigures,
    empty: () => ({ credit_limit: null, open_orders: 0, receivables: 0 }),
  });
  const orderDiffs = compareRows(orders, ledger.orders, {
    figures: orderFigures,
    empty: (like) => ({ dealer_code: like?.dealer_code ?? '', deposit: 0, shipped: 0, settled: 0 }),
  });
  const differences: ExposureDifference[] = [
    ...dealerDiffs.map((d) => ({ kind: 'dealer' as const, ...d })),
    ...orderDiffs.map((d) => ({ kind: 'order' as const, ...d })),
  ];
  const checked = {
    dealers: new Set([...dealers.keys(), ...ledger.dealers.keys()]).size,
    orders: new Set([...orders.keys(), ...ledger.orders.keys()]).size,
  };
  return { checked, differences };
}

async function repair(trx: Db, differences: readonly ExposureDifference[]): Promise<void> {
  const orders: OrderExposureTable[] = [];
  for (const d of differences) {
    if (d.kind === 'order') {
      orders.push({ order_id: d.key, ...d.ledger });
      continue;
    }
    await trx
      .insertInto('dealer_exposure')
      .values({ dealer_code: d.key, ...d.ledger })
      .onConflict((oc) => oc.column('dealer_code').doUpdateSet(d.ledger))
      .execute();
  }
  await writeOrderExposure(trx, orders);
}

/** Compares the kept exposure with the ledger; `repair: true` also corrects it, in one transaction. */
export async function rebuildExposure(
  db: Db,
  options: { repair?: boolean } = {},
): Promise<ExposureRebuildResult> {
  return db.transaction().execute(async (trx) => {
    const { checked, differences } = await compare(trx);
    const repaired = options.repair === true && differences.length > 0;
    if (repaired) await repair(trx, differences);
    return { checked, differences, repaired };
  });
}
