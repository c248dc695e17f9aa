// Balances per location × SKU for one push: loaded once for the batch, changed in memory with
// one ledger line per change, and written back (balances and ledger) in the push's transaction.
// Stock is an append-only ledger; balances are maintained in the same transaction.
import { bulkWriter } from '../store/bulk';
import type { Db } from '../store/db';
import { lockKeySets, lockSpace, type KeyLocks } from '../store/locks';
import type { WriteTarget } from '../store/write-queue';
import type { WriteContext } from '../sync/handler';

type LedgerKind =
  | 'receipt'
  | 'shipment'
  | 'transfer-out'
  | 'transfer-in-transit'
  | 'transfer-received'
  | 'adjustment'
  // Goods a dealer returned, back on the shelf (docs/returns.md).
  | 'return'
  | 'stocktake'
  | 'sample-in'
  | 'sample-out'
  | 'sample-loan'
  | 'sample-return'
  | 'sample-write-off'
  | 'reserve'
  | 'release'
  /** Samples or promotional material issued to a dealer at zero price (docs/dealer-support.md). */
  | 'sample-issue';

export interface Balance {
  onHand: number;
  reserved: number;
  inTransit: number;
  version: number;
  lastDate: string | null;
}

interface StockChange {
  kind: LedgerKind;
  location: string;
  sku: string;
  /** Business date of the movement. */
  date: string;
  /** The document the change belongs to (order line, receipt…); may be set after the change. */
  ref: string;
  onHand?: number;
  reserved?: number;
  inTransit?: number;
}

export type LedgerLine = Required<StockChange>;

export const pairKey = (location: string, sku: string) => `${location}|${sku}`;

async function loadBalances(
  db: Db,
  pairs: readonly { location: string; sku: string }[],
  alsoLock: readonly KeyLocks[],
) {
  // Several instances on PostgreSQL: the balances this push changes are its own until it
  // commits, so reservations stay exact (read after the lock, written back before it ends).
  // A caller's next locks go in the same statement, after these.
  await lockKeySets(db, [
    { space: lockSpace.stockPair, keys: pairs.map((p) => pairKey(p.location, p.sku)) },
    ...alsoLock,
  ]);
  const balances = new Map<string, Balance>();
  const locations = [...new Set(pairs.map((p) => p.location))];
  const skus = [...new Set(pairs.map((p) => p.sku))];
  const wanted = new Set(pairs.map((p) => pairKey(p.location, p.sku)));
  for (let i = 0; i < skus.length && locations.length > 0; i += 500) {
    const rows = await db
      .selectFrom('stock_balances')
      .selectAll()
      .where('location_code', 'in', locations)
      .where('sku_code', 'in', skus.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      const key = pairKey(row.location_code, row.sku_code);
      if (!wanted.has(key)) continue;
      balances.set(key, {
        onHand: row.on_hand,
        reserved: row.reserved,
        inTransit: row.in_transit,
        version: row.version,
        lastDate: row.last_movement_date,
      });
    }
  }
  return balances;
}

export class StockBook {
  private readonly lines: LedgerLine[] = [];

  private constructor(private readonly balances: Map<string, Balance>) {}

  /**
   * Locks the pairs' balances (PostgreSQL) and reads them. `alsoLock`: the caller's locks that
   * come next in its lock order, taken in the same statement (one round trip fewer).
   */
  static async load(
    db: Db,
    pairs: readonly { location: string; sku: string }[],
    alsoLock: readonly KeyLocks[] = [],
  ): Promise<StockBook> {
    return new StockBook(await loadBalances(db, pairs, alsoLock));
  }

  get(location: string, sku: string): Balance {
    const key = pairKey(location, sku);
    let balance = this.balances.get(key);
    if (!balance) {
      balance = { onHand: 0, reserved: 0, inTransit: 0, version: 0, lastDate: null };
      this.balances.set(key, balance);
    }
    return balance;
  }

  /** On hand less reserved: what a new order or an outgoing movement may take. */
  available(location: string, sku: string): number {
    const balance = this.get(location, sku);
    return balance.onHand - balance.reserved;
  }

  /** Applies a change and records its ledger line; callers check availability first. */
  change(change: StockChange): LedgerLine {
    const line: LedgerLine = {
      kind: change.kind,
      location: change.location,
      sku: change.sku,
      date: change.date,
      ref: change.ref,
      onHand: change.onHand ?? 0,
      reserved: change.reserved ?? 0,
      inTransit: change.inTransit ?? 0,
    };
    this.adjust(line, 1);
    this.lines.push(line);
    return line;
  }

  /** A point to roll back to when an order group is rejected after some lines reserved. */
  savepoint(): number {
    return this.lines.length;
  }

  rollbackTo(point: number): void {
    for (const line of this.lines.splice(point)) this.adjust(line, -1);
  }

  /**
   * Writes every touched balance (version + 1, a fresh change_seq) and the ledger lines: now, or
   * into `target` (the push's WriteQueue).
   */
  async flush(ctx: WriteContext, target: WriteTarget = ctx.trx): Promise<void> {
    const touched = new Map<string, LedgerLine>();
    for (const line of this.lines) touched.set(pairKey(line.location, line.sku), line);
    const rows = [...touched.entries()].map(([key, line]) => {
      const balance = this.balances.get(key) ?? this.get(line.location, line.sku);
      balance.version += 1;
      return {
        location_code: line.location,
        sku_code: line.sku,
        on_hand: balance.onHand,
        reserved: balance.reserved,
        in_transit: balance.inTransit,
        last_movement_date: balance.lastDate,
        version: balance.version,
        change_seq: ctx.nextSeq(),
      };
    });
    await upsertBalances(target, rows);
    await insertLedger(ctx, target, this.lines.splice(0));
  }

  private adjust(line: LedgerLine, sign: 1 | -1): void {
    const balance = this.get(line.location, line.sku);
    balance.onHand += sign * line.onHand;
    balance.reserved += sign * line.reserved;
    balance.inTransit += sign * line.inTransit;
    if (sign > 0 && (balance.lastDate === null || line.date > balance.lastDate)) {
      balance.lastDate = line.date;
    }
  }
}

const upsertBalances = bulkWriter({
  table: 'stock_balances',
  columns: [
    'location_code',
    'sku_code',
    'on_hand',
    'reserved',
    'in_transit',
    'last_movement_date',
    'version',
    'change_seq',
  ],
  onConflict: (insert) =>
    insert.onConflict((oc) =>
      oc.columns(['location_code', 'sku_code']).doUpdateSet((eb) => ({
        on_hand: eb.ref('excluded.on_hand'),
        reserved: eb.ref('excluded.reserved'),
        in_transit: eb.ref('excluded.in_transit'),
        last_movement_date: eb.ref('excluded.last_movement_date'),
        version: eb.ref('excluded.version'),
        change_seq: eb.ref('excluded.change_seq'),
      })),
    ),
});

const writeLedger = bulkWriter({
  table: 'stock_ledger',
  columns: [
    'created_at',
    'business_date',
    'kind',
    'location_code',
    'sku_code',
    'on_hand_delta',
    'reserved_delta',
    'in_transit_delta',
    'ref',
  ],
});

async function insertLedger(
  ctx: WriteContext,
  target: WriteTarget,
  lines: readonly LedgerLine[],
): Promise<void> {
  const at = ctx.now.toISOString();
  await writeLedger(
    target,
    lines.map((line) => ({
      created_at: at,
      business_date: line.date,
      kind: line.kind,
      location_code: line.location,
      sku_code: line.sku,
      on_hand_delta: line.onHand,
      reserved_delta: line.reserved,
      in_transit_delta: line.inTransit,
      ref: line.ref,
    })),
  );
}
