// Balances are a cache of the stock ledger and can always be rebuilt from it:
// rebuildStock sums stock_ledger per location × SKU, compares with stock_balances and, when
// asked to repair, writes the ledger's figures back with a new version and change_seq so
// clients pull the correction.
import { sql } from 'kysely';
import type { Db } from '../store/db';
import { openSeqAllocator } from '../sync/changes';

interface StockFigures {
  onHand: number;
  reserved: number;
  inTransit: number;
}

interface StockDifference {
  locationCode: string;
  skuCode: string;
  /** What stock_balances holds; null when the row is missing. */
  stored: StockFigures | null;
  /** What the ledger adds up to. */
  ledger: StockFigures;
}

interface RebuildResult {
  checked: number;
  differences: StockDifference[];
  repaired: boolean;
}

const key = (location: string, sku: string) => `${location}|${sku}`;
const zero: StockFigures = { onHand: 0, reserved: 0, inTransit: 0 };
const equal = (a: StockFigures, b: StockFigures) =>
  a.onHand === b.onHand && a.reserved === b.reserved && a.inTransit === b.inTransit;

async function ledgerTotals(
  db: Db,
): Promise<Map<string, { location: string; sku: string; figures: StockFigures }>> {
  const rows = await db
    .selectFrom('stock_ledger')
    .select(['location_code', 'sku_code'])
    .select(sql<number | string>`sum(on_hand_delta)`.as('on_hand'))
    .select(sql<number | string>`sum(reserved_delta)`.as('reserved'))
    .select(sql<number | string>`sum(in_transit_delta)`.as('in_transit'))
    .groupBy(['location_code', 'sku_code'])
    .execute();
  const totals = new Map<string, { location: string; sku: string; figures: StockFigures }>();
  for (const r of rows) {
    const figures = {
      onHand: Number(r.on_hand),
      reserved: Number(r.reserved),
      inTransit: Number(r.in_transit),
    };
    totals.set(key(r.location_code, r.sku_code), {
      location: r.location_code,
      sku: r.sku_code,
      figures,
    });
  }
  return totals;
}

async function compare(db: Db): Promise<{ checked: number; differences: StockDifference[] }> {
  const totals = await ledgerTotals(db);
  const balances = await db
    .selectFrom('stock_balances')
    .select(['location_code', 'sku_code', 'on_hand', 'reserved', 'in_transit'])
    .execute();
  const differences: StockDifference[] = [];
  const seen = new Set<string>();
  for (const b of balances) {
    const k = key(b.location_code, b.sku_code);
    seen.add(k);
    const stored = { onHand: b.on_hand, reserved: b.reserved, inTransit: b.in_transit };
    const ledger = totals.get(k)?.figures ?? zero;
    if (!equal(stored, ledger))
      differences.push({ locationCode: b.location_code, skuCode: b.sku_code, stored, ledger });
  }
  for (const [k, t] of totals) {
    if (seen.has(k) || equal(t.figures, zero)) continue;
    differences.push({ locationCode: t.location, skuCode: t.sku, stored: null, ledger: t.figures });
  }
  return { checked: Math.max(balances.length, totals.size), differences };
}

async function repair(trx: Db, differences: readonly StockDifference[]): Promise<void> {
  const seq = await openSeqAllocator(trx, differences.length);
  for (const d of differences) {
    const values = {
      on_hand: d.ledger.onHand,
      reserved: d.ledger.reserved,
      in_transit: d.ledger.inTransit,
      change_seq: seq.next(),
    };
    await trx
      .insertInto('stock_balances')
      .values({
        location_code: d.locationCode,
        sku_code: d.skuCode,
        ...values,
        last_movement_date: null,
        version: 1,
      })
      .onConflict((oc) =>
        oc
          .columns(['location_code', 'sku_code'])
          .doUpdateSet((eb) => ({ ...values, version: eb('stock_balances.version', '+', 1) })),
      )
      .execute();
  }
  await seq.flush();
}

/** Compares balances with the ledger; `repair: true` also corrects them, in one transaction. */
export async function rebuildStock(
  db: Db,
  options: { repair?: boolean } = {},
): Promise<RebuildResult> {
  return db.transaction().execute(async (trx) => {
    const { checked, differences } = await compare(trx);
    const repaired = options.repair === true && differences.length > 0;
    if (repaired) await repair(trx, differences);
    return { checked, differences, repaired };
  });
}
