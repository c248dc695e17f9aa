// Data functions over `sample_use` (migration 065): the units and value of samples issued per
// dealer, season and item, kept by the sample-issues push. Keys are locked first on PostgreSQL
// so two pushes for one dealer's item check its quota in turn.
import type { Db } from '../store/db';
import { lockKeys, lockSpace } from '../store/locks';

export interface Use {
  dealer: string;
  season: string;
  sku: string;
  quantity: number;
  value: number;
}

export const useKey = (dealer: string, season: string, sku: string) => `${dealer}|${season}|${sku}`;

type Keyed = { dealerCode: string; season: string; skuCode: string };

export async function loadUse(db: Db, rows: readonly Keyed[]): Promise<Map<string, Use>> {
  const keys = rows.map((r) => useKey(r.dealerCode, r.season, r.skuCode));
  await lockKeys(db, lockSpace.sampleUse, keys);
  const wanted = new Set(keys);
  const dealers = [...new Set(rows.map((r) => r.dealerCode))];
  const seasons = [...new Set(rows.map((r) => r.season))];
  const found = new Map<string, Use>();
  if (seasons.length === 0) return found;
  for (let i = 0; i < dealers.length; i += 500) {
    const stored = await db
      .selectFrom('sample_use')
      .selectAll()
      .where('dealer_code', 'in', dealers.slice(i, i + 500))
      .where('season', 'in', seasons)
      .execute();
    for (const row of stored) {
      const key = useKey(row.dealer_code, row.season, row.sku_code);
      if (!wanted.has(key)) continue;
      const use = { dealer: row.dealer_code, season: row.season, sku: row.sku_code };
      found.set(key, { ...use, quantity: row.quantity, value: row.value });
    }
  }
  return found;
}

export async function saveUse(db: Db, rows: readonly Use[]): Promise<void> {
  for (const use of rows) {
    await db
      .insertInto('sample_use')
      .values({
        dealer_code: use.dealer,
        season: use.season,
        sku_code: use.sku,
        quantity: use.quantity,
        value: use.value,
      })
      .onConflict((oc) =>
        oc
          .columns(['dealer_code', 'season', 'sku_code'])
          .doUpdateSet({ quantity: use.quantity, value: use.value }),
      )
      .execute();
  }
}
