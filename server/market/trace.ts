// Reading the code tree (docs/market-order.md): the consignee of a code is the dealer bound to
// it or, when none is, to the nearest case or pallet above it; the units under a code are found
// level by level (pallet → cases → units), each level one query by parent.
import { parseAreas, type Area } from '../../shared/market/areas';
import { DEFAULT_REPEAT_SCAN_DAYS } from '../../shared/market/rows';
import { allRecords, recordsById } from '../datasets/records-store';
import type { Db } from '../store/db';
import { codesByCode } from './codes';
import type { MarketCodesTable } from './tables';
import { mkt } from './tables';

export interface Traced {
  row: MarketCodesTable;
  dealer: string | undefined;
}

/** Each live code of `codes` with its consignee, walking up at most two levels. */
export async function traceCodes(db: Db, codes: readonly string[]): Promise<Map<string, Traced>> {
  const live = (rows: Map<string, MarketCodesTable>) =>
    new Map([...rows].filter(([, row]) => row.deleted === 0));
  const known = live(await codesByCode(db, codes));
  for (let step = 0; step < 2; step++) {
    const parents = [...known.values()].flatMap((r) =>
      r.parent_code && !known.has(r.parent_code) ? [r.parent_code] : [],
    );
    if (parents.length === 0) break;
    for (const [code, row] of live(await codesByCode(db, parents))) known.set(code, row);
  }
  const dealerOf = (row: MarketCodesTable | undefined, depth = 0): string | undefined => {
    if (!row || depth > 2) return undefined;
    return (
      row.dealer_code ??
      dealerOf(row.parent_code ? known.get(row.parent_code) : undefined, depth + 1)
    );
  };
  const traced = new Map<string, Traced>();
  for (const code of codes) {
    const row = known.get(code);
    if (row) traced.set(code, { row, dealer: dealerOf(row) });
  }
  return traced;
}

/** Every live unit code under `code` (the code itself when it is a unit). */
export async function unitsUnder(db: Db, code: MarketCodesTable): Promise<string[]> {
  if (code.level === 'unit') return [code.code];
  const units: string[] = [];
  let parents = [code.code];
  for (let depth = 0; depth < 2 && parents.length > 0; depth++) {
    const children = [];
    for (let i = 0; i < parents.length; i += 500) {
      children.push(
        ...(await mkt(db)
          .selectFrom('market_codes')
          .select(['code', 'level'])
          .where('parent_code', 'in', parents.slice(i, i + 500))
          .where('deleted', '=', 0)
          .execute()),
      );
    }
    units.push(...children.filter((c) => c.level === 'unit').map((c) => c.code));
    parents = children.filter((c) => c.level !== 'unit').map((c) => c.code);
  }
  return units.sort();
}

/** The authorised areas of each dealer that has a row in dealer-areas. */
export async function areasOf(db: Db, dealers: readonly string[]): Promise<Map<string, Area[]>> {
  const records = await recordsById(db, 'dealer-areas', dealers);
  const areas = new Map<string, Area[]>();
  for (const [dealer, record] of records) {
    const parsed =
      typeof record.values.areas === 'string' ? parseAreas(record.values.areas) : undefined;
    if (!record.deleted && parsed) areas.set(dealer, parsed);
  }
  return areas;
}

/** N of "the same code seen in two areas within N days" (market-settings). */
export async function repeatScanDays(db: Db): Promise<number> {
  const setting = (await allRecords(db, 'market-settings')).get('repeat-scan-days');
  const value = setting?.values.value;
  return typeof value === 'number' ? value : DEFAULT_REPEAT_SCAN_DAYS;
}
